import path from 'node:path';
import { z } from 'zod';
import type { Database } from '../../database/database';
import { batchRows } from '../batch-loader';
import { readDelimited } from '../delimited';
import { taxonomyId } from '../ids';
import { ROLE_FACT } from '../../models/relations';
import { beginImport } from '../import-run';
import type { ImportReport } from '../import-report';
import { requireKnown, rowOf } from '../row';

export interface EscoImportOptions {
  /** The folder of the CSV download (English). */
  dir: string;
  /** The ESCO version, e.g. `1.2.0`. */
  release: string;
  batchSize: number;
  restart: boolean;
  progress(line: string): void;
}

const CONCEPT_URI = /^http:\/\/data\.europa\.eu\/esco\/(occupation|skill)\/([0-9a-f-]{36})$/;
const occupationUri = z.string().regex(CONCEPT_URI, 'an ESCO occupation URI').refine((uri) => uri.includes('/occupation/'), 'an ESCO occupation URI');
const skillUri = z.string().regex(CONCEPT_URI, 'an ESCO skill URI').refine((uri) => uri.includes('/skill/'), 'an ESCO skill URI');
const text = z.string().trim().min(1, 'a non-empty value');
const optionalText = z.string().optional().transform((value) => (value && value.trim() ? value.trim() : null));
/** ESCO lists other names one per line inside a quoted field. */
const labels = z
  .string()
  .optional()
  .transform((value) => [...new Set((value ?? '').split('\n').map((label) => label.trim()).filter(Boolean))]);

const occupationRow = z.object({
  conceptUri: occupationUri,
  preferredLabel: text,
  altLabels: labels,
  iscoGroup: z.string().regex(/^\d{4}$/, 'a four-digit ISCO-08 unit group'),
  description: optionalText,
});
const skillRow = z.object({
  conceptUri: skillUri,
  skillType: z.enum(['skill/competence', 'knowledge', '']).optional(),
  reuseLevel: optionalText,
  preferredLabel: text,
  altLabels: labels,
  description: optionalText,
});
const skillRelationRow = z.object({
  originalSkillUri: skillUri,
  relationType: z.enum(['essential', 'optional']),
  relatedSkillUri: skillUri,
});
const relationRow = z.object({
  occupationUri,
  relationType: z.enum(['essential', 'optional']),
  skillUri,
});

/** The graph id of an ESCO concept: `esco-occupation-<uuid>` or `esco-skill-<uuid>`. */
export function escoId(uri: string): string {
  const match = CONCEPT_URI.exec(uri);
  if (!match) throw new Error(`not an ESCO concept URI: ${uri}`);
  return taxonomyId(`esco-${match[1]}`, match[2] as string);
}


/**
 * Imports ESCO's CSV download: occupations become roles (with their ESCO URI and
 * ISCO group as external codes, alternative labels as aliases), skills and
 * knowledge become skills, occupation-skill relations become requirements
 * marked essential or optional, and skill-skill relations become RELATED_SKILL
 * links, marked the same way. Every fact cites one Source for the version.
 */
export async function importEsco(database: Database, options: EscoImportOptions): Promise<ImportReport> {
  const sourceId = `esco-${options.release}`;
  const source = { id: sourceId, title: `ESCO ${options.release} (CSV download, English)` };
  const { loader, cite, finish } = await beginImport(database, source, options);
  const csv = (name: string, required: string[]) => readDelimited(path.join(options.dir, name), { delimiter: ',', quoted: true, required });

  // The concepts each relation may name, read first so that a relation to an unknown one is a bad row.
  const known = new Set<string>();
  for (const [name, column] of [
    ['occupations_en.csv', 'conceptUri'],
    ['skills_en.csv', 'conceptUri'],
  ] as const) {
    for await (const row of csv(name, [column])) if (row.values[column]) known.add(row.values[column] as string);
  }

  const steps = [];
  steps.push(
    await loader.load({
      file: 'occupations_en.csv',
      items: (async function* () {
        for await (const row of csv('occupations_en.csv', ['conceptUri', 'preferredLabel', 'altLabels', 'iscoGroup', 'description'])) {
          yield rowOf(occupationRow, row);
        }
      })(),
      rows: (batch) =>
        batchRows(
          batch.map((row) => ({
            id: escoId(row.conceptUri),
            label: 'Role',
            properties: {
              name: row.preferredLabel,
              aliases: row.altLabels,
              summary: row.description,
              externalCodes: [`ESCO:${row.conceptUri}`, `ISCO:${row.iscoGroup}`],
              ...cite,
            },
          })),
          [],
        ),
    }),
  );

  steps.push(
    await loader.load({
      file: 'skills_en.csv',
      items: (async function* () {
        for await (const row of csv('skills_en.csv', ['conceptUri', 'skillType', 'preferredLabel', 'altLabels', 'description'])) {
          yield rowOf(skillRow, row);
        }
      })(),
      rows: (batch) =>
        batchRows(
          batch.map((row) => ({
            id: escoId(row.conceptUri),
            label: 'Skill',
            properties: {
              name: row.preferredLabel,
              aliases: row.altLabels,
              description: row.description,
              category: row.skillType === 'knowledge' ? 'knowledge' : null,
              reuseLevel: row.reuseLevel,
              ...cite,
            },
          })),
          [],
        ),
    }),
  );

  steps.push(
    await loader.load({
      file: 'occupationSkillRelations_en.csv',
      items: (async function* () {
        for await (const row of csv('occupationSkillRelations_en.csv', ['occupationUri', 'relationType', 'skillUri'])) {
          yield requireKnown(rowOf(relationRow, row), row, [
            ['occupationUri', known, 'occupations_en.csv'],
            ['skillUri', known, 'skills_en.csv'],
          ]);
        }
      })(),
      rows: (batch) =>
        batchRows(
          [],
          batch.map((row) => ({
            from: escoId(row.occupationUri),
            to: escoId(row.skillUri),
            type: ROLE_FACT.skills,
            properties: { essential: row.relationType === 'essential', ...cite },
          })),
        ),
    }),
  );

  steps.push(
    await loader.load({
      file: 'skillSkillRelations_en.csv',
      items: (async function* () {
        for await (const row of csv('skillSkillRelations_en.csv', ['originalSkillUri', 'relationType', 'relatedSkillUri'])) {
          yield requireKnown(rowOf(skillRelationRow, row), row, [
            ['originalSkillUri', known, 'skills_en.csv'],
            ['relatedSkillUri', known, 'skills_en.csv'],
          ]);
        }
      })(),
      rows: (batch) =>
        batchRows(
          [],
          batch.map((row) => ({
            from: escoId(row.originalSkillUri),
            to: escoId(row.relatedSkillUri),
            type: 'RELATED_SKILL',
            properties: { essential: row.relationType === 'essential', ...cite },
          })),
        ),
    }),
  );

  await finish();
  return { source: sourceId, steps };
}

import path from 'node:path';
import { z } from 'zod';
import type { Database } from '../../database/database';
import type { StepItem, StepReport } from '../batch-loader';
import { finishedFiles, itemFacts, type ItemFacts } from '../batch-loader';
import { readDelimited, type FileRow } from '../delimited';
import { taxonomyId } from '../ids';
import { ROLE_FACT } from '../../models/relations';
import { beginImport } from '../import-run';
import type { ImportReport } from '../import-report';
import { plannedStep, preflight, type PlannedStep } from '../preflight';
import { requireKnown, rowOf } from '../row';
import { locateEscoFiles, type EscoFile } from './locate-esco-files';

export interface EscoImportOptions {
  /**
   * The folders of the CSV download: for v1.1.x the English folder and the
   * language-independent one (or the folder holding both), for v1.2.x the English folder.
   */
  dirs: readonly string[];
  /** The ESCO version, e.g. `1.1.1`. */
  release: string;
  batchSize: number;
  restart: boolean;
  /** Refuse, before writing anything, when the pre-flight pass finds any row to skip or reject. Default false. */
  strict?: boolean;
  progress(line: string): void;
}

const CONCEPT_URI = /^http:\/\/data\.europa\.eu\/esco\/(occupation|skill)\/([0-9a-f-]{36})$/;
const ISCO_URI = /^http:\/\/data\.europa\.eu\/esco\/isco\/C(\d{1,4})$/;
/** An ESCO occupation code: its ISCO-08 unit group, then ESCO's numbering under it (`3521.1.7`). */
export const ESCO_CODE = /^\d{4}(\.\d{1,3})+$/;
const occupationUri = z.string().regex(CONCEPT_URI, 'an ESCO occupation URI').refine((uri) => uri.includes('/occupation/'), 'an ESCO occupation URI');
const skillUri = z.string().regex(CONCEPT_URI, 'an ESCO skill URI').refine((uri) => uri.includes('/skill/'), 'an ESCO skill URI');
const iscoUri = z.string().regex(ISCO_URI, 'an ESCO ISCO group URI');
/** A group of the skills hierarchy: ESCO names its own by a skill URI, the ISCED-F fields of education it files knowledge under by theirs. */
const SKILL_GROUP_URI = /^http:\/\/data\.europa\.eu\/esco\/(?:skill\/([0-9a-f-]{36})|isced-f\/(\d{2,4}))$/;
const skillGroupUri = z.string().regex(SKILL_GROUP_URI, 'an ESCO skill group URI (skill/<uuid> or isced-f/<code>)');
const text = z.string().trim().min(1, 'a non-empty value');
const optionalText = z.string().optional().transform((value) => (value && value.trim() ? value.trim() : null));
/** ESCO lists other names one per line inside a quoted field. */
const labels = z
  .string()
  .optional()
  .transform((value) => [...new Set((value ?? '').split('\n').map((label) => label.trim()).filter(Boolean))]);

const iscoGroupRow = z.object({
  conceptUri: iscoUri,
  code: z.string().regex(/^\d{1,4}$/, 'an ISCO-08 code of 1 to 4 digits'),
  preferredLabel: text,
  altLabels: labels,
  description: optionalText,
});
const occupationRow = z.object({
  conceptUri: occupationUri,
  preferredLabel: text,
  altLabels: labels,
  iscoGroup: z.string().regex(/^\d{4}$/, 'a four-digit ISCO-08 unit group'),
  description: optionalText,
  /** ESCO's code for the occupation (`3521.1.7`), as crosswalks name it; absent from files that lack the column. */
  code: z
    .string()
    .optional()
    .transform((value) => (value && value.trim() ? value.trim() : null))
    .refine((value) => value === null || ESCO_CODE.test(value), 'an ESCO occupation code such as 3521.1.7'),
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
const skillGroupRow = z.object({
  conceptUri: skillGroupUri,
  preferredLabel: text,
  altLabels: labels,
  description: optionalText,
  code: optionalText,
});
/**
 * A row of skillsHierarchy_en.csv: a path from a pillar (level 0) down to the group
 * the row adds, its deepest level; that group's label, code, description and level.
 */
const hierarchyRow = z
  .record(z.string(), z.string().optional())
  .transform((values, context) => {
    const levels = [0, 1, 2, 3].filter((level) => (values[`Level ${level} URI`] ?? '').trim() !== '');
    const level = levels.at(-1);
    if (level === undefined || levels.length !== level + 1) {
      context.addIssue({ code: 'custom', message: 'a path of levels from 0 without a gap' });
      return z.NEVER;
    }
    return {
      conceptUri: (values[`Level ${level} URI`] ?? '').trim(),
      preferredLabel: (values[`Level ${level} preferred term`] ?? '').trim(),
      code: (values[`Level ${level} code`] ?? '').trim() || null,
      description: (values.Description ?? '').trim() || null,
      level,
    };
  })
  .pipe(z.object({ conceptUri: skillGroupUri, preferredLabel: text, code: z.string().nullable(), description: z.string().nullable(), level: z.number() }));
/** A row of the skill pillar's hierarchy: a skill in a group or under a broader skill, a group under a group. */
const skillBroaderRow = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('KnowledgeSkillCompetence SkillGroup'), conceptUri: skillUri, broaderUri: skillGroupUri }),
  z.object({ kind: z.literal('KnowledgeSkillCompetence KnowledgeSkillCompetence'), conceptUri: skillUri, broaderUri: skillUri }),
  z.object({ kind: z.literal('SkillGroup SkillGroup'), conceptUri: skillGroupUri, broaderUri: skillGroupUri }),
]);
/** A row of the occupation pillar's hierarchy: an occupation under a group or another occupation, a group under a group. */
const broaderRow = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('Occupation ISCOGroup'), conceptUri: occupationUri, broaderUri: iscoUri }),
  z.object({ kind: z.literal('Occupation Occupation'), conceptUri: occupationUri, broaderUri: occupationUri }),
  z.object({ kind: z.literal('ISCOGroup ISCOGroup'), conceptUri: iscoUri, broaderUri: iscoUri }),
]);

/** The columns of a pillar's broader relations (broaderRelationsOccPillar, broaderRelationsSkillPillar). */
const BROADER_COLUMNS = ['conceptType', 'conceptUri', 'broaderType', 'broaderUri'];

/**
 * A pillar's broader relations: each row's kind is its two types (`Occupation
 * ISCOGroup`), validated by `schema`; a row naming a concept its type's file does
 * not define (`known(type)`: the concepts and that file's name) is skipped with a warning.
 */
async function* broaderItems<T extends { kind: string; conceptUri: string; broaderUri: string }>(
  rows: AsyncIterable<FileRow>,
  schema: z.ZodType<T>,
  known: (type: string) => readonly [ReadonlySet<string>, string],
): AsyncGenerator<StepItem<T>> {
  for await (const row of rows) {
    const parsed = rowOf(schema, { ...row, values: { ...row.values, kind: `${row.values.conceptType} ${row.values.broaderType}` } });
    if (!('item' in parsed)) {
      yield parsed;
      continue;
    }
    const [narrowType, broadType] = parsed.item.kind.split(' ') as [string, string];
    yield requireKnown(
      parsed,
      row,
      [
        ['conceptUri', ...known(narrowType)],
        ['broaderUri', ...known(broadType)],
      ],
      'warning',
    );
  }
}

/** The graph id of an ESCO concept: `esco-occupation-<uuid>` or `esco-skill-<uuid>`. */
export function escoId(uri: string): string {
  const match = CONCEPT_URI.exec(uri);
  if (!match) throw new Error(`not an ESCO concept URI: ${uri}`);
  return taxonomyId(`esco-${match[1]}`, match[2] as string);
}

/** The graph id of an ISCO-08 group, from its code (`3521`) or ESCO's URI for it: `isco-3521`. */
export function iscoGroupId(codeOrUri: string): string {
  return taxonomyId('isco', ISCO_URI.exec(codeOrUri)?.[1] ?? codeOrUri);
}

/** The graph id of a skill group: `esco-skill-group-<uuid>`, or `isced-f-<code>` for an ISCED-F field of education. */
export function skillGroupId(uri: string): string {
  const match = SKILL_GROUP_URI.exec(uri);
  if (!match) throw new Error(`not an ESCO skill group URI: ${uri}`);
  return match[1] ? taxonomyId('esco-skill-group', match[1]) : taxonomyId('isced-f', match[2] as string);
}

/**
 * Imports ESCO's CSV download, v1.1.x (two folders) or v1.2.x (one): ISCO-08 groups
 * become occupation groups, each part of its broader group; occupations become
 * roles (with their ESCO URI, ISCO group and ESCO code as external codes, alternative labels as
 * aliases) in their ISCO unit group, under their broader occupation where the
 * hierarchy places one; skills and knowledge become skills; occupation-skill
 * relations become requirements marked essential or optional, and skill-skill
 * relations RELATED_SKILL links, marked the same way; the skills hierarchy
 * (skillsHierarchy, skillGroups, broaderRelationsSkillPillar) becomes skill groups
 * (SkillGroup) with their level and code, each skill IN_SKILL_GROUP its groups or
 * under its BROADER_SKILL, each group under its BROADER_SKILL_GROUP. Every fact
 * cites one Source for the version.
 *
 * A pre-flight pass first reads every file whole (present, header as expected, each
 * row parsed), before anything is written: a missing or unreadable file refuses the
 * import (ImportFileError), and so, with `strict`, does any row to skip or reject
 * (ImportRefusedError). A relation naming a concept the release does not define (a
 * known defect of v1.1.1: 67 relations name an occupation it lacks) is skipped with
 * a warning; a row that breaks the format is rejected, an error.
 */
export async function importEsco(database: Database, options: EscoImportOptions): Promise<ImportReport> {
  const { paths } = locateEscoFiles(options.dirs);
  const name = (file: EscoFile) => path.basename(paths[file]);
  const csv = (file: EscoFile, required: string[]) =>
    readDelimited(paths[file], { delimiter: ',', quoted: true, required, shortRowsAllowed: file === 'skillsHierarchy' });
  const sourceId = `esco-${options.release}`;
  const source = { id: sourceId, title: `ESCO ${options.release} (CSV download, English)` };

  // The concepts each relation may name, filled as their files are read (first in the pre-flight pass).
  const groups = new Set<string>();
  const occupations = new Set<string>();
  const skills = new Set<string>();
  // Skill groups: those skillsHierarchy places (with a level and code), those skillGroups lists (with labels), and both.
  const placedGroups = new Set<string>();
  const listedGroups = new Set<string>();
  const skillGroups = new Set<string>();
  // Set once the import has begun; the pre-flight pass writes nothing.
  let cite: Record<string, unknown> = {};
  const defines = <T extends { conceptUri: string }>(known: Set<string>, item: StepItem<T>): StepItem<T> => {
    if ('item' in item) known.add(item.item.conceptUri);
    return item;
  };

  // A file whose concepts later files name is read whenever a later one is (it fills the sets they check).
  const escoStep = <T>(file: EscoFile, items: () => AsyncIterable<StepItem<T>>, facts: (item: T) => ItemFacts, pass = '') =>
    plannedStep(`${name(file)}${pass}`, paths[file], items, facts, { defines: pass === '' && ['iscoGroups', 'occupations', 'skills', 'skillsHierarchy', 'skillGroups'].includes(file) });
  const steps: PlannedStep[] = [
    escoStep(
      'iscoGroups',
      async function* () {
        for await (const row of csv('iscoGroups', ['conceptUri', 'code', 'preferredLabel', 'altLabels', 'description'])) yield defines(groups, rowOf(iscoGroupRow, row));
      },
      (row) =>
        itemFacts([
          {
            id: iscoGroupId(row.code),
            label: 'OccupationGroup',
            properties: { name: row.preferredLabel, code: row.code, aliases: row.altLabels, description: row.description, ...cite },
          },
        ]),
    ),
    escoStep(
      'occupations',
      async function* () {
        for await (const row of csv('occupations', ['conceptUri', 'preferredLabel', 'altLabels', 'iscoGroup', 'description'])) {
          yield defines(occupations, rowOf(occupationRow, row));
        }
      },
      (row) =>
        itemFacts([
          {
            id: escoId(row.conceptUri),
            label: 'Role',
            properties: {
              name: row.preferredLabel,
              aliases: row.altLabels,
              summary: row.description,
              externalCodes: [`ESCO:${row.conceptUri}`, `ISCO:${row.iscoGroup}`, ...(row.code ? [`ESCO_CODE:${row.code}`] : [])],
              ...cite,
            },
          },
        ]),
    ),
    // Each occupation in the ISCO unit group its iscoGroup column names: a second pass over the file, a step of its
    // own so that a group the release lacks skips the link with a warning, not the occupation. The rows the
    // occupations step rejected are left out here (it reports them), so this step reads the file's valid rows.
    escoStep(
      'occupations',
      async function* () {
        for await (const row of csv('occupations', ['conceptUri', 'preferredLabel', 'altLabels', 'iscoGroup', 'description'])) {
          const parsed = rowOf(occupationRow, row);
          if (!('item' in parsed)) continue;
          const item = { conceptUri: parsed.item.conceptUri, iscoGroup: parsed.item.iscoGroup, groupUri: `http://data.europa.eu/esco/isco/C${parsed.item.iscoGroup}` };
          yield requireKnown({ item }, row, [['groupUri', groups, name('iscoGroups')]], 'warning');
        }
      },
      (row) => itemFacts([], [{ from: escoId(row.conceptUri), to: iscoGroupId(row.iscoGroup), type: 'IN_OCCUPATION_GROUP', properties: { ...cite } }]),
      ' iscoGroup',
    ),
    escoStep(
      'skills',
      async function* () {
        for await (const row of csv('skills', ['conceptUri', 'skillType', 'preferredLabel', 'altLabels', 'description'])) yield defines(skills, rowOf(skillRow, row));
      },
      (row) =>
        itemFacts([
          {
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
          },
        ]),
    ),
    escoStep(
      'occupationSkillRelations',
      async function* () {
        for await (const row of csv('occupationSkillRelations', ['occupationUri', 'relationType', 'skillUri'])) {
          yield requireKnown(
            rowOf(relationRow, row),
            row,
            [
              ['occupationUri', occupations, name('occupations')],
              ['skillUri', skills, name('skills')],
            ],
            'warning',
          );
        }
      },
      (row) =>
        itemFacts(
          [],
          [{ from: escoId(row.occupationUri), to: escoId(row.skillUri), type: ROLE_FACT.skills, properties: { essential: row.relationType === 'essential', ...cite } }],
        ),
    ),
    escoStep(
      'skillSkillRelations',
      async function* () {
        for await (const row of csv('skillSkillRelations', ['originalSkillUri', 'relationType', 'relatedSkillUri'])) {
          yield requireKnown(
            rowOf(skillRelationRow, row),
            row,
            [
              ['originalSkillUri', skills, name('skills')],
              ['relatedSkillUri', skills, name('skills')],
            ],
            'warning',
          );
        }
      },
      (row) =>
        itemFacts(
          [],
          [{ from: escoId(row.originalSkillUri), to: escoId(row.relatedSkillUri), type: 'RELATED_SKILL', properties: { essential: row.relationType === 'essential', ...cite } }],
        ),
    ),
    escoStep(
      'broaderRelationsOccPillar',
      async function* () {
        yield* broaderItems(csv('broaderRelationsOccPillar', BROADER_COLUMNS), broaderRow, (type) =>
          type === 'ISCOGroup' ? [groups, name('iscoGroups')] : [occupations, name('occupations')],
        );
      },
      (row) => {
        if (row.kind === 'ISCOGroup ISCOGroup') return itemFacts([], [{ from: iscoGroupId(row.conceptUri), to: iscoGroupId(row.broaderUri), type: 'BROADER_GROUP', properties: { ...cite } }]);
        if (row.kind === 'Occupation ISCOGroup') return itemFacts([], [{ from: escoId(row.conceptUri), to: iscoGroupId(row.broaderUri), type: 'IN_OCCUPATION_GROUP', properties: { ...cite } }]);
        return itemFacts([], [{ from: escoId(row.conceptUri), to: escoId(row.broaderUri), type: 'BROADER_ROLE', properties: { ...cite } }]);
      },
    ),
    // The skills hierarchy: each group with its level and code (and, for a group skillGroups lacks, as v1.1.1 lacks 7,
    // its label and description), then the groups skillGroups lists with their labels, then the broader relations.
    // Each property has one writer, so a repeated run changes nothing.
    escoStep(
      'skillsHierarchy',
      async function* () {
        for await (const row of csv('skillsHierarchy', ['Level 0 URI', 'Level 0 preferred term', 'Level 0 code', 'Description'])) {
          yield defines(skillGroups, defines(placedGroups, rowOf(hierarchyRow, row)));
        }
      },
      (row) => {
        const isced = /isced-f\/(\d+)$/.exec(row.conceptUri)?.[1] ?? null;
        const unlisted = listedGroups.has(row.conceptUri) ? {} : { name: row.preferredLabel, description: row.description };
        return itemFacts([{ id: skillGroupId(row.conceptUri), label: 'SkillGroup', properties: { level: row.level, code: row.code ?? isced, ...unlisted, ...cite } }]);
      },
    ),
    escoStep(
      'skillGroups',
      async function* () {
        for await (const row of csv('skillGroups', ['conceptUri', 'preferredLabel', 'altLabels', 'description', 'code'])) yield defines(skillGroups, defines(listedGroups, rowOf(skillGroupRow, row)));
      },
      (row) =>
        itemFacts([
          {
            id: skillGroupId(row.conceptUri),
            label: 'SkillGroup',
            properties: {
              name: row.preferredLabel,
              aliases: row.altLabels,
              description: row.description,
              ...(placedGroups.has(row.conceptUri) ? {} : { code: row.code }),
              ...cite,
            },
          },
        ]),
    ),
    escoStep(
      'broaderRelationsSkillPillar',
      async function* () {
        yield* broaderItems(csv('broaderRelationsSkillPillar', BROADER_COLUMNS), skillBroaderRow, (type) =>
          type === 'SkillGroup' ? [skillGroups, `${name('skillGroups')} or ${name('skillsHierarchy')}`] : [skills, name('skills')],
        );
      },
      (row) => {
        if (row.kind === 'SkillGroup SkillGroup') return itemFacts([], [{ from: skillGroupId(row.conceptUri), to: skillGroupId(row.broaderUri), type: 'BROADER_SKILL_GROUP', properties: { ...cite } }]);
        if (row.kind === 'KnowledgeSkillCompetence SkillGroup') return itemFacts([], [{ from: escoId(row.conceptUri), to: skillGroupId(row.broaderUri), type: 'IN_SKILL_GROUP', properties: { ...cite } }]);
        return itemFacts([], [{ from: escoId(row.conceptUri), to: escoId(row.broaderUri), type: 'BROADER_SKILL', properties: { ...cite } }]);
      },
    ),
  ];

  // Pre-flight: every file read whole before anything is written.
  const finished = options.restart ? new Map<string, string | null>() : await finishedFiles(database, sourceId, steps.map((step) => step.file));
  const fingerprints = await preflight(steps, { ...options, finished });

  const run = await beginImport(database, source, { taxonomy: 'esco', release: options.release }, options);
  cite = run.cite;
  const reports: StepReport[] = [];
  for (const step of steps) reports.push(await step.load(run.loader, fingerprints.get(step)));
  await run.finish(reports);
  return { source: sourceId, steps: reports };
}

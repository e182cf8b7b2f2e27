import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { StatementName } from '../../database/cypher-catalog';
import type { Database } from '../../database/database';
import { aliasesProperty, isLanguage, LANGUAGE_CODES, LANGUAGES, nameProperty, type Language } from '../../models/languages';
import type { NodeLabel } from '../../models/node-labels';
import type { StepItem, StepReport } from '../batch-loader';
import { itemFacts } from '../batch-loader';
import { ImportFileError, readDelimited, type BadRow } from '../delimited';
import { beginImport } from '../import-run';
import { ImportRefusedError, type ImportReport } from '../import-report';
import { rowOf } from '../row';
import { escoId, iscoGroupId, skillGroupId } from './esco-import';

/**
 * The label files of an ESCO download in another language that this import reads,
 * by the name ESCO gives them before `_<language>.csv`: what each holds labels of,
 * the URI its concepts carry, and their graph id.
 */
const LABEL_FILES = {
  occupations: { label: 'Role', uri: /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/, id: escoId },
  ISCOGroups: { label: 'OccupationGroup', uri: /^http:\/\/data\.europa\.eu\/esco\/isco\/C\d{1,4}$/, id: iscoGroupId },
  skillGroups: { label: 'SkillGroup', uri: /^http:\/\/data\.europa\.eu\/esco\/(skill\/[0-9a-f-]{36}|isced-f\/\d{2,4})$/, id: skillGroupId },
  skills: { label: 'Skill', uri: /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/, id: escoId },
} as const satisfies Record<string, { label: NodeLabel; uri: RegExp; id: (uri: string) => string }>;

type LabelFile = keyof typeof LABEL_FILES;

export interface EscoLabelsOptions {
  /** The folder of one language's CSV files, e.g. `occupations_fr.csv`, `ISCOGroups_fr.csv`, `skillGroups_fr.csv`. */
  dir: string;
  /** The language; null: told by the files' suffix (then the folder must hold one language's files). */
  lang: string | null;
  /** The ESCO version of the files, e.g. `1.1.1`; names the import's Source with the language. */
  release: string;
  batchSize: number;
  restart: boolean;
  /** Refuse, before writing anything, when the pre-flight pass finds any row to skip or reject. Default false. */
  strict?: boolean;
  progress(line: string): void;
}

/** The label files found in a folder, and their language. */
export interface EscoLabelFiles {
  language: Language;
  paths: Partial<Record<LabelFile, string>>;
}

const FILE_NAME = new RegExp(`^(${Object.keys(LABEL_FILES).join('|')})_([a-z]{2})\\.csv$`);

/**
 * The label files in `dir`, of `lang` or of the one language their suffix names.
 * Throws ImportFileError when there is none, when the folder holds several languages
 * and none is chosen, or when the language is not one the graph indexes.
 */
export function locateEscoLabelFiles(dir: string, lang: string | null): EscoLabelFiles {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ImportFileError(`${dir}: no such folder`);
  const found = fs
    .readdirSync(dir)
    .map((name) => FILE_NAME.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ file: match[1] as LabelFile, language: match[2] as string, name: match[0] }));
  const languages = [...new Set(found.map((entry) => entry.language))].sort();
  const language = lang ?? (languages.length === 1 ? languages[0] : null);
  if (!language) {
    throw new ImportFileError(
      languages.length === 0
        ? `${dir}: no ESCO label file (${Object.keys(LABEL_FILES).map((file) => `${file}_<language>.csv`).join(', ')})`
        : `${dir} holds files in ${languages.join(', ')}: choose one with --lang`,
    );
  }
  if (!isLanguage(language)) throw new ImportFileError(`labels in "${language}" cannot be imported: the graph indexes ${LANGUAGE_CODES.join(', ')} (src/models/languages.ts)`);
  const paths = Object.fromEntries(found.filter((entry) => entry.language === language).map((entry) => [entry.file, path.join(dir, entry.name)]));
  if (Object.keys(paths).length === 0) throw new ImportFileError(`${dir}: no ESCO label file in "${language}"`);
  return { language, paths };
}

/** ESCO lists other names one per line inside a quoted field. */
const labels = z
  .string()
  .optional()
  .transform((value) => [...new Set((value ?? '').split('\n').map((label) => label.trim()).filter(Boolean))]);

const labelRow = (uri: RegExp) =>
  z.object({
    conceptUri: z.string().regex(uri, 'a URI of the concepts this file names'),
    preferredLabel: z.string().trim().min(1, 'a non-empty value'),
    altLabels: labels,
    /** Absent from ISCOGroups files; an ISO 8601 instant, which sorts as text. */
    modifiedDate: z.string().optional().transform((value) => value?.trim() ?? ''),
  });
type LabelRow = z.infer<ReturnType<typeof labelRow>>;

/** How many ids one pre-flight statement looks up. */
const LOOKUP_BATCH = 5_000;

/**
 * Imports ESCO's labels in another language as extra labels of the concepts the
 * graph holds, matched by URI: each occupation's, ISCO group's, skill group's and
 * skill's preferred label becomes its `name_<lang>`, its alternative labels its
 * `aliases_<lang>` (ESCO's gendered French labels, "masculine/feminine", as
 * published). Nothing else of the node changes, and no node is created.
 *
 * A pre-flight pass reads every file and looks its URIs up before anything is
 * written. A URI the file lists twice keeps the row with the latest `modifiedDate`
 * (ties: the later row); the other is skipped with a warning, as is a row whose
 * concept the graph lacks (a label file of another ESCO version than the one
 * imported). A row that breaks the format is rejected. With `strict`, any of these
 * refuses the import.
 */
export async function importEscoLabels(database: Database, options: EscoLabelsOptions): Promise<ImportReport> {
  const { language, paths } = locateEscoLabelFiles(options.dir, options.lang);
  const sourceId = `esco-${options.release}-${language}`;
  const source = { id: sourceId, title: `ESCO ${options.release} (CSV download, ${LANGUAGES[language].title} labels)` };
  // A runner per statement: a runner's time limit runs from its creation, and the reads here
  // are spread over a pass through whole files (seconds, more on a loaded machine).
  const lookup = (name: StatementName, params: Record<string, unknown>) => database.runner(() => 'import esco labels').read(name, params);
  const started = performance.now();

  // Pass 1: each URI's latest row, and the URIs the graph holds with the label the file names.
  const files = (Object.keys(LABEL_FILES) as LabelFile[]).filter((file) => paths[file]);
  const read = (file: LabelFile) => readDelimited(paths[file] as string, { delimiter: ',', quoted: true, required: ['conceptUri', 'preferredLabel', 'altLabels'] });
  const latest = new Map<LabelFile, Map<string, { line: number; modified: string }>>();
  const present = new Map<LabelFile, Set<string>>();
  for (const file of files) {
    const rows = new Map<string, { line: number; modified: string }>();
    for await (const row of read(file)) {
      const parsed = rowOf(labelRow(LABEL_FILES[file].uri), row);
      if (!('item' in parsed)) continue;
      const kept = rows.get(parsed.item.conceptUri);
      if (!kept || parsed.item.modifiedDate >= kept.modified) rows.set(parsed.item.conceptUri, { line: row.line, modified: parsed.item.modifiedDate });
    }
    latest.set(file, rows);
    const uris = [...rows.keys()];
    const found = new Set<string>();
    for (let start = 0; start < uris.length; start += LOOKUP_BATCH) {
      const chunk = uris.slice(start, start + LOOKUP_BATCH);
      const byId = new Map(chunk.map((uri) => [LABEL_FILES[file].id(uri), uri]));
      for (const row of await lookup('nodes-by-ids', { ids: [...byId.keys()] })) {
        const id = String((row.node as { id: unknown }).id);
        if (row.label === LABEL_FILES[file].label) found.add(byId.get(id) as string);
      }
    }
    present.set(file, found);
  }

  const steps = files.map((file) => {
    const name = path.basename(paths[file] as string);
    const spec = LABEL_FILES[file];
    const items = async function* (): AsyncGenerator<StepItem<LabelRow>> {
      for await (const row of read(file)) {
        const parsed = rowOf(labelRow(spec.uri), row);
        if (!('item' in parsed)) {
          yield parsed;
          continue;
        }
        const kept = latest.get(file)?.get(parsed.item.conceptUri);
        if (kept && kept.line !== row.line) {
          yield { warning: { file: name, line: row.line, problem: `${parsed.item.conceptUri} is listed again at line ${kept.line}, modified later (${kept.modified || 'no date'}): that row is kept` } };
        } else if (!present.get(file)?.has(parsed.item.conceptUri)) {
          yield { warning: { file: name, line: row.line, problem: `"conceptUri" ${parsed.item.conceptUri} is not in the graph as a ${spec.label} (import the ESCO release first)` } };
        } else {
          yield parsed;
        }
      }
    };
    return { file: name, items, label: spec.label, id: spec.id };
  });

  // Pass 2 (still before writing): what each file would skip or reject.
  const problems: { file: string; warnings: BadRow[]; badRows: BadRow[] }[] = [];
  for (const step of steps) {
    const found = { file: step.file, warnings: [] as BadRow[], badRows: [] as BadRow[] };
    for await (const entry of step.items()) {
      if ('warning' in entry) found.warnings.push(entry.warning);
      else if ('bad' in entry) found.badRows.push(entry.bad);
    }
    if (found.warnings.length + found.badRows.length > 0) problems.push(found);
  }
  options.progress(
    `pre-flight: ${steps.length} ${LANGUAGES[language].title} label file(s) read in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      (problems.length === 0 ? 'no row to skip or reject' : problems.map((found) => `${found.file}: ${found.warnings.length} to skip, ${found.badRows.length} to reject`).join('; ')),
  );
  if (options.strict && problems.length > 0) {
    const lines = problems.flatMap((found) => [
      `${found.file}: ${found.warnings.length} row(s) to skip, ${found.badRows.length} to reject`,
      ...[...found.badRows, ...found.warnings].slice(0, 5).map((row) => `  ${row.file}:${row.line}: ${row.problem}`),
    ]);
    throw new ImportRefusedError(`--strict: the pre-flight pass found rows it would skip or reject; nothing was written\n${lines.join('\n')}`);
  }

  const run = await beginImport(database, source, { taxonomy: 'esco-labels', release: options.release }, { ...options, changesWeights: false });
  const reports: StepReport[] = [];
  for (const step of steps) {
    reports.push(
      await run.loader.load({
        file: step.file,
        items: step.items(),
        facts: (row) =>
          itemFacts([
            {
              id: step.id(row.conceptUri),
              label: step.label,
              properties: { [nameProperty(language)]: row.preferredLabel, [aliasesProperty(language)]: row.altLabels },
            },
          ]),
      }),
    );
  }
  await run.finish(reports);
  return { source: sourceId, steps: reports };
}

/** The ESCO version a label folder's name tells (`esco-1.1.1-fr`, `... v1.2.0 ...`), or null. */
export function labelReleaseFromFolder(dir: string): string | null {
  return /(?:^|[^\d.])v?(\d+\.\d+(?:\.(?:\d+|x))?)(?![\d.])/.exec(path.basename(path.resolve(dir)))?.[1] ?? null;
}

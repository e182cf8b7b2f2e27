import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Database } from '../../database/database';
import type { NodeRow, LinkRow } from '../../models/graph-rows';
import { writeGraphRows } from '../../repositories/graph-writer';
import { finishedFiles, itemFacts, type ItemFacts, type StepItem, type StepReport } from '../batch-loader';
import { ImportFileError, readDelimited, type FileRow } from '../delimited';
import { ROLE_FACT } from '../../models/relations';
import { nameId, taxonomyId } from '../ids';
import { beginImport } from '../import-run';
import type { ImportReport } from '../import-report';
import { plannedStep, preflight, type PlannedStep } from '../preflight';
import { requireKnown, rowOf } from '../row';

export interface OnetImportOptions {
  /** The folder of the tab-delimited text release (e.g. db_30_0_text). */
  dir: string;
  /** The release, e.g. `30.0`; read from the folder name when it is db_30_0_text. */
  release: string;
  /** A skill or knowledge area is required when its importance (IM, 1-5) is at least this. Default 3. */
  minImportance: number;
  batchSize: number;
  restart: boolean;
  /** Refuse, before writing anything, when the pre-flight pass finds any row to skip with a warning or reject. Default false. */
  strict?: boolean;
  progress(line: string): void;
}

const SOC_CODE = z.string().regex(/^\d{2}-\d{4}\.\d{2}$/, 'an O*NET-SOC code such as 27-4014.00');
const ELEMENT_ID = z.string().regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/, 'an element id such as 2.A.1.a');
const number = (low: number, high: number) =>
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, 'a number')
    .transform(Number)
    .refine((value) => value >= low && value <= high, `a number from ${low} to ${high}`);
const flag = z.enum(['Y', 'N', 'n/a', '']).optional();
const text = z.string().trim().min(1, 'a non-empty value');

/** The release named by a folder such as db_30_0_text, or null. */
export function releaseFromFolder(dir: string): string | null {
  const match = /db_(\d+)_(\d+)/.exec(path.basename(path.resolve(dir)));
  return match ? `${match[1]}.${match[2]}` : null;
}

export const occupationId = (code: string) => taxonomyId('onet', code);
export const elementId = (id: string) => taxonomyId('onet', id);
/** A technology product (Technology Skills.txt, software) by its exact name: "C", "C#" and "C++" are three. */
export const technologyId = (name: string) => nameId('onet-tool', name);
/** A tool (Tools Used.txt, hardware) by its exact name, in a namespace of its own so a name in both files stays two facts. */
export const hardwareId = (name: string) => nameId('onet-hardware', name);


const occupationRow = z.object({ 'O*NET-SOC Code': SOC_CODE, Title: text, Description: text });
const alternateRow = z.object({ 'O*NET-SOC Code': SOC_CODE, 'Alternate Title': text });
const ratingRow = z.object({
  'O*NET-SOC Code': SOC_CODE,
  'Element ID': ELEMENT_ID,
  'Element Name': text,
  'Scale ID': z.enum(['IM', 'LV']),
  'Data Value': z.string(),
  'Recommend Suppress': flag,
  'Not Relevant': flag,
});
const taskRow = z.object({
  'O*NET-SOC Code': SOC_CODE,
  'Task ID': z.string().regex(/^\d+$/, 'a task number'),
  Task: text,
  'Task Type': z.enum(['Core', 'Supplemental', 'n/a', '']).optional(),
});
const technologyRow = z.object({
  'O*NET-SOC Code': SOC_CODE,
  Example: text,
  'Commodity Code': z.string().regex(/^\d+$/, 'a UNSPSC commodity code'),
  'Commodity Title': text,
  'Hot Technology': flag,
  'In Demand': flag,
});
const toolRow = z.object({
  'O*NET-SOC Code': SOC_CODE,
  Example: text,
  'Commodity Code': z.string().regex(/^\d+$/, 'a UNSPSC commodity code'),
  'Commodity Title': text,
});
const reportedTitleRow = z.object({ 'O*NET-SOC Code': SOC_CODE, 'Reported Job Title': text });
const relatedRow = z.object({
  'O*NET-SOC Code': SOC_CODE,
  'Related O*NET-SOC Code': SOC_CODE,
  'Relatedness Tier': text,
  Index: z.string().regex(/^\d+$/, 'a rank').transform(Number),
});
const jobZoneRow = z.object({ 'O*NET-SOC Code': SOC_CODE, 'Job Zone': number(1, 5) });
/** The values of each scale, built once: building a zod schema per row cost more than parsing the row. */
const IMPORTANCE = number(1, 5);
const LEVEL = number(0, 7);
const SHARE = number(0, 100);
/** A row of Education, Training, and Experience.txt: any scale; the category and value are checked for RL alone. */
const trainingRow = z.object({
  'O*NET-SOC Code': SOC_CODE,
  'Element ID': ELEMENT_ID,
  'Scale ID': text,
  Category: z.string(),
  'Data Value': z.string(),
  'Recommend Suppress': flag,
});
const categoryRow = z.object({ 'Element ID': ELEMENT_ID, 'Scale ID': text, Category: z.string(), 'Category Description': text });
const CATEGORY = z.string().regex(/^\d+$/, 'a category number').transform(Number);

/** The Required Level of Education scale (element 2.D.1): the share of workers naming each level. */
const REQUIRED_LEVEL = { element: '2.D.1', scale: 'RL' } as const;
/** The education node of one RL category. */
export const educationLevelId = (category: number) => taxonomyId('onet-education-rl', String(category));

/**
 * A level's name from its category description: the text before " - " (O*NET follows
 * the level with an explanation: "Post-Secondary Certificate - awarded for training...").
 */
export function educationLevelName(description: string): string {
  return description.split(' - ')[0]?.trim() || description.trim();
}

/** An RL share of Education, Training, and Experience.txt: the percent of an occupation's workers naming a level. */
interface ShareItem {
  code: string;
  category: number;
  share: number;
  suppressed: boolean;
}

/** The files every release has and the import reads; Tools Used.txt, Sample of Reported Titles.txt and the education pair are optional. */
const REQUIRED_FILES = [
  'Occupation Data.txt',
  'Alternate Titles.txt',
  'Skills.txt',
  'Knowledge.txt',
  'Task Statements.txt',
  'Technology Skills.txt',
  'Related Occupations.txt',
  'Job Zones.txt',
] as const;
const EDUCATION_FILE = 'Education, Training, and Experience.txt';
const EDUCATION_CATEGORIES_FILE = 'Education, Training, and Experience Categories.txt';
const RATING_COLUMNS = ['O*NET-SOC Code', 'Element ID', 'Element Name', 'Scale ID', 'Data Value'];
const TOOL_COLUMNS = ['O*NET-SOC Code', 'Example', 'Commodity Code', 'Commodity Title'];

/** The ratings of one element for one occupation, gathered from its IM and LV rows. */
interface Rating {
  code: string;
  element: string;
  name: string;
  domain: 'skill' | 'knowledge';
  importance?: number;
  level?: number;
  notRelevant: boolean;
  suppressed: boolean;
  /** The file's rows this rating was read from (its IM and LV rows). */
  lines: number;
  /** How much the importance stands out among the occupation's ratings in this file: see salience(). */
  salience?: number;
}

/**
 * How much one rating's importance stands out among all of an occupation's ratings in
 * one file (its 35 skills, or its 33 knowledge areas): z = (importance − mean) / sd over
 * those ratings, and salience = max(0, z)^1.5, rounded to 6 decimals. A role's profile
 * weighs a requirement by it (src/analysis/role-profile.ts), and recommendRoles scores a
 * role by it: what marks an occupation out is what it rates above its own typical
 * level, not the generic skills every occupation rates fairly high. The exponent 1.5
 * was chosen on O*NET 29.0 by the evaluation (docs/analytics.md). Every rating counts in
 * the mean and sd, including those below the import's minimum importance that get no link.
 */
export function salience(importance: number, all: readonly number[]): number {
  const mean = all.reduce((total, value) => total + value, 0) / all.length;
  const sd = Math.sqrt(all.reduce((total, value) => total + (value - mean) ** 2, 0) / all.length);
  if (!(sd > 0)) return 0;
  return Math.round(Math.max(0, (importance - mean) / sd) ** 1.5 * 1e6) / 1e6;
}

/**
 * Imports an O*NET text release: occupations become roles (with their O*NET-SOC
 * code), alternate titles their aliases, skills and knowledge areas rated at or
 * above `minImportance` their requirements (with importance and level), task
 * statements their responsibilities (core or supplemental), technology examples
 * (software) and tools used (hardware) their tools, with the commodity on each
 * link, related occupations their related roles (each occupation's own list, tier
 * and index), job zones their education, the required level of education (RL: the
 * share of workers naming each level) more education, one link per level with a
 * share above 0, and reported titles (when the release has them) more aliases. Tools
 * Used.txt, Sample of Reported Titles.txt and Education, Training, and Experience.txt
 * (with its categories file) are optional.
 * Every fact cites one Source for the release.
 *
 * A pre-flight pass first reads every file the import uses whole (present, valid
 * UTF-8, header as expected, each row parsed), before anything is written: a
 * missing or unreadable file refuses the import (ImportFileError), and so, with
 * `strict`, does any row to skip with a warning or reject (ImportRefusedError).
 */
export async function importOnet(database: Database, options: OnetImportOptions): Promise<ImportReport> {
  const sourceId = `onet-${options.release}`;
  const source = { id: sourceId, title: `O*NET ${options.release} Database (tab-delimited text release)` };
  const file = (name: string) => path.join(options.dir, name);
  const missing = REQUIRED_FILES.filter((name) => !fs.existsSync(file(name))).map((name) => `${name}: no such file`);
  const present = (name: string) => fs.existsSync(file(name));
  // Set once the import has begun; the pre-flight pass writes nothing.
  let cite: Record<string, unknown> = {};

  // Every occupation code, filled as Occupation Data.txt is read (first in the pre-flight pass), so that
  // relations to unknown occupations are reported as bad rows.
  const known = new Set<string>();
  const occupationKnown = [['O*NET-SOC Code', known, 'Occupation Data.txt']] as const;
  const tsv = (name: string, required: string[]) => readDelimited(file(name), { delimiter: '\t', quoted: false, required });
  const onetStep = <T>(name: string, items: () => AsyncIterable<StepItem<T>>, facts: (item: T) => ItemFacts, defines = false, revision?: string) =>
    plannedStep(name, file(name), items, facts, { defines, ...(revision ? { revision } : {}) });

  // Which exact name each tool id stands for, over both tool files: a second name on one id is reported, never merged.
  const toolNames = new Map<string, string>();
  const distinctName = <T extends { Example: string }>(parsed: StepItem<T>, row: FileRow, id: (name: string) => string): StepItem<T> => {
    if (!('item' in parsed)) return parsed;
    const name = parsed.item.Example;
    const earlier = toolNames.get(id(name));
    if (earlier !== undefined && earlier !== name) {
      return { bad: { file: row.file, line: row.line, problem: `"Example" ${JSON.stringify(name)} would share the id ${id(name)} with ${JSON.stringify(earlier)}` } };
    }
    toolNames.set(id(name), name);
    return parsed;
  };
  // A product's node holds only what is the same in every row naming it; the commodity an
  // occupation files it under is the link's (nulls remove what earlier releases kept on the node).
  const toolNode = (id: string, name: string, kind: string): NodeRow => ({
    id,
    label: 'Tool',
    properties: { name, kind, aliases: [], commodityCode: null, commodity: null, ...cite },
  });
  const ratingFacts = (domain: Rating['domain']) => (rating: Rating) => {
    const id = elementId(rating.element);
    const node: NodeRow = { id, label: 'Skill', properties: { name: rating.name, category: domain === 'knowledge' ? 'knowledge' : null, aliases: [], description: null, ...cite } };
    if (rating.notRelevant || rating.importance === undefined || rating.importance < options.minImportance) return itemFacts([node]);
    return itemFacts(
      [node],
      [{ from: occupationId(rating.code), to: id, type: ROLE_FACT.skills, properties: { importance: rating.importance, level: rating.level ?? null, salience: rating.salience ?? null, suppressed: rating.suppressed, ...cite } }],
    );
  };
  const aliasStep = (name: string, column: string, schema: typeof alternateRow | typeof reportedTitleRow) =>
    onetStep(
      name,
      async function* () {
        for await (const row of tsv(name, ['O*NET-SOC Code', column])) yield requireKnown(rowOf(schema, row), row, occupationKnown);
      },
      (row: Record<string, string>) => ({ aliases: [{ id: occupationId(row['O*NET-SOC Code'] as string), alias: row[column] as string }] }),
    );

  const levels = new Map<number, string>();
  const steps: PlannedStep[] = [
    onetStep(
      'Occupation Data.txt',
      async function* () {
        for await (const row of tsv('Occupation Data.txt', ['O*NET-SOC Code', 'Title', 'Description'])) {
          const parsed = rowOf(occupationRow, row);
          if ('item' in parsed) known.add(parsed.item['O*NET-SOC Code']);
          yield parsed;
        }
      },
      (row) =>
        itemFacts([
          {
            id: occupationId(row['O*NET-SOC Code']),
            label: 'Role',
            properties: { name: row.Title, summary: row.Description, externalCodes: [`ONET_SOC:${row['O*NET-SOC Code']}`], ...cite },
          },
        ]),
      true,
    ),
    aliasStep('Alternate Titles.txt', 'Alternate Title', alternateRow),
    // Revision "salience": the requirements gained their salience; files loaded before are read again.
    onetStep('Skills.txt', () => ratings(tsv('Skills.txt', RATING_COLUMNS), 'skill', occupationKnown), ratingFacts('skill'), false, 'salience'),
    onetStep('Knowledge.txt', () => ratings(tsv('Knowledge.txt', RATING_COLUMNS), 'knowledge', occupationKnown), ratingFacts('knowledge'), false, 'salience'),
    onetStep(
      'Task Statements.txt',
      async function* () {
        for await (const row of tsv('Task Statements.txt', ['O*NET-SOC Code', 'Task ID', 'Task'])) yield requireKnown(rowOf(taskRow, row), row, occupationKnown);
      },
      (row) => {
        const id = taxonomyId('onet-task', row['Task ID']);
        return itemFacts(
          [{ id, label: 'Responsibility', properties: { name: row.Task, ...cite } }],
          [{ from: occupationId(row['O*NET-SOC Code']), to: id, type: ROLE_FACT.responsibilities, properties: { core: row['Task Type'] === 'Core', ...cite } }],
        );
      },
    ),
    onetStep(
      'Technology Skills.txt',
      async function* () {
        for await (const row of tsv('Technology Skills.txt', TOOL_COLUMNS)) {
          yield distinctName(requireKnown(rowOf(technologyRow, row), row, occupationKnown), row, technologyId);
        }
      },
      (row) => {
        const id = technologyId(row.Example);
        const properties = {
          hot: row['Hot Technology'] === 'Y',
          inDemand: row['In Demand'] === 'Y',
          commodityCode: row['Commodity Code'],
          commodity: row['Commodity Title'],
          ...cite,
        };
        return itemFacts([toolNode(id, row.Example, 'software')], [{ from: occupationId(row['O*NET-SOC Code']), to: id, type: ROLE_FACT.tools, properties }]);
      },
    ),
    ...(present('Tools Used.txt')
      ? [
          onetStep(
            'Tools Used.txt',
            async function* () {
              for await (const row of tsv('Tools Used.txt', TOOL_COLUMNS)) yield distinctName(requireKnown(rowOf(toolRow, row), row, occupationKnown), row, hardwareId);
            },
            (row) => {
              const id = hardwareId(row.Example);
              const properties = { commodityCode: row['Commodity Code'], commodity: row['Commodity Title'], ...cite };
              return itemFacts([toolNode(id, row.Example, 'hardware')], [{ from: occupationId(row['O*NET-SOC Code']), to: id, type: ROLE_FACT.tools, properties }]);
            },
          ),
        ]
      : []),
    ...(present('Sample of Reported Titles.txt') ? [aliasStep('Sample of Reported Titles.txt', 'Reported Job Title', reportedTitleRow)] : []),
    onetStep(
      'Related Occupations.txt',
      async function* () {
        for await (const row of tsv('Related Occupations.txt', ['O*NET-SOC Code', 'Related O*NET-SOC Code', 'Relatedness Tier', 'Index'])) {
          yield requireKnown(rowOf(relatedRow, row), row, [...occupationKnown, ['Related O*NET-SOC Code', known, 'Occupation Data.txt']]);
        }
      },
      (row) =>
        itemFacts(
          [],
          [
            {
              from: occupationId(row['O*NET-SOC Code']),
              to: occupationId(row['Related O*NET-SOC Code']),
              type: ROLE_FACT.relatedRoles,
              properties: {
                tier: row['Relatedness Tier'],
                rank: row.Index,
                reason: `O*NET related occupation (${row['Relatedness Tier']}, rank ${row.Index})`,
                ...cite,
              },
            },
          ],
        ),
    ),
    onetStep(
      'Job Zones.txt',
      async function* () {
        for await (const row of tsv('Job Zones.txt', ['O*NET-SOC Code', 'Job Zone'])) yield requireKnown(rowOf(jobZoneRow, row), row, occupationKnown);
      },
      (row) => {
        const id = taxonomyId('onet-job-zone', String(row['Job Zone']));
        return itemFacts(
          [{ id, label: 'Education', properties: { name: `O*NET Job Zone ${row['Job Zone']}`, ...cite } }],
          [{ from: occupationId(row['O*NET-SOC Code']), to: id, type: ROLE_FACT.education, properties: { ...cite } }],
        );
      },
    ),
    ...(present(EDUCATION_FILE)
      ? [
          // The level names come from the categories file, read whole (and checked) as the education file's pass begins.
          plannedStep(
            EDUCATION_FILE,
            [file(EDUCATION_FILE), file(EDUCATION_CATEGORIES_FILE)],
            async function* () {
              for (const [category, name] of await requiredLevels(tsv(EDUCATION_CATEGORIES_FILE, ['Element ID', 'Scale ID', 'Category', 'Category Description']))) {
                levels.set(category, name);
              }
              yield* shares(tsv(EDUCATION_FILE, ['O*NET-SOC Code', 'Element ID', 'Scale ID', 'Category', 'Data Value']), levels, occupationKnown);
            },
            (item: ShareItem) => {
              const id = educationLevelId(item.category);
              return itemFacts(
                [{ id, label: 'Education', properties: { name: levels.get(item.category), ...cite } }],
                [{ from: occupationId(item.code), to: id, type: ROLE_FACT.education, properties: { share: item.share, category: item.category, suppressed: item.suppressed, ...cite } }],
              );
            },
          ),
        ]
      : []),
  ];

  const finished = options.restart ? new Map<string, string | null>() : await finishedFiles(database, sourceId, steps.map((step) => step.file));
  const fingerprints = await preflight(steps, { ...options, missing, finished });
  const run = await beginImport(database, source, { taxonomy: 'onet', release: options.release }, options);
  cite = run.cite;
  const reports: StepReport[] = [];
  for (const step of steps) reports.push(await step.load(run.loader, fingerprints.get(step)));

  if (run.changes(reports)) {
    const crosswalk = await linkRolesSharingCodes(database, run.actor, cite);
    options.progress(`crosswalk: ${crosswalk} role(s) of other sources related to the O*NET occupation with their code`);
  }
  await run.finish(reports);
  return { source: sourceId, steps: reports };
}

/**
 * Relates every role that carries an O*NET-SOC code in `externalCodes` (the
 * curated roles, whose figures describe an occupation group) to the imported
 * occupation with that code, so that paths and neighbourhoods cross from one to
 * the other. The link is marked inferred: it comes from the code, not a statement.
 */
async function linkRolesSharingCodes(database: Database, actor: string, cite: Record<string, unknown>): Promise<number> {
  const rows = await database.runner(() => 'import crosswalk').read('roles-by-external-code', { prefix: 'ONET_SOC:' });
  const links: LinkRow[] = [];
  for (const row of rows) {
    const id = String(row.id);
    for (const stored of row.codes as string[]) {
      const code = stored.slice('ONET_SOC:'.length);
      const target = occupationId(code);
      if (target === id) continue;
      links.push({
        from: id,
        to: target,
        type: ROLE_FACT.relatedRoles,
        properties: { reason: `the same O*NET-SOC occupation (${code})`, tier: null, rank: null, ...cite, inferred: true },
      });
    }
  }
  if (links.length === 0) return 0;
  // Only codes whose occupation was imported: a link whose end is missing would stop the write.
  const present = new Set(
    (await database.runner(() => 'import crosswalk').read('nodes-by-ids', { ids: links.map((link) => link.to) })).map((row) =>
      String((row.node as { id: string }).id),
    ),
  );
  const kept = links.filter((link) => present.has(link.to));
  if (kept.length > 0) {
    await database.writeTransaction('import crosswalk', (run) => writeGraphRows(run, { sources: [], nodes: [], links: kept }, actor), {
      timeoutMs: 60_000,
    });
  }
  return kept.length;
}

/**
 * Pairs the IM and LV rows of each (occupation, element). O*NET's files list an
 * occupation's rows together, so an occupation's ratings are yielded when the next
 * occupation begins: memory holds one occupation at a time.
 */
async function* ratings(
  rows: AsyncIterable<FileRow>,
  domain: Rating['domain'],
  occupationKnown: readonly (readonly ['O*NET-SOC Code', ReadonlySet<string>, string])[],
): AsyncGenerator<StepItem<Rating>> {
  let current: string | null = null;
  let pending = new Map<string, Rating>();
  const drain = function* () {
    const importances = [...pending.values()].flatMap((rating) => (rating.importance === undefined ? [] : [rating.importance]));
    for (const rating of pending.values()) {
      if (rating.importance !== undefined) rating.salience = salience(rating.importance, importances);
      yield { item: rating, lines: rating.lines };
    }
    pending = new Map();
  };
  for await (const row of rows) {
    const parsed = requireKnown(rowOf(ratingRow, row), row, occupationKnown);
    if (!('item' in parsed)) {
      yield parsed;
      continue;
    }
    const values = parsed.item;
    const scale = values['Scale ID'] === 'IM' ? IMPORTANCE : LEVEL;
    const value = scale.safeParse(values['Data Value']);
    if (!value.success) {
      yield { bad: { file: row.file, line: row.line, problem: `"Data Value" ${JSON.stringify(values['Data Value'])} on scale ${values['Scale ID']}: ${value.error.issues[0]?.message}` } };
      continue;
    }
    if (values['O*NET-SOC Code'] !== current) {
      yield* drain();
      current = values['O*NET-SOC Code'];
    }
    const key = values['Element ID'];
    const rating = pending.get(key) ?? {
      code: values['O*NET-SOC Code'],
      element: key,
      name: values['Element Name'],
      domain,
      notRelevant: false,
      suppressed: false,
      lines: 0,
    };
    rating.lines += 1;
    if (values['Scale ID'] === 'IM') rating.importance = value.data;
    else {
      rating.level = value.data;
      rating.notRelevant ||= values['Not Relevant'] === 'Y';
    }
    rating.suppressed ||= values['Recommend Suppress'] === 'Y';
    pending.set(key, rating);
  }
  yield* drain();
}

/**
 * The names of the Required Level of Education categories (RL of element 2.D.1), by
 * category number, from the categories file; a row it cannot read stops the import,
 * since every share names its level through this file.
 */
async function requiredLevels(rows: AsyncIterable<FileRow>): Promise<Map<number, string>> {
  const levels = new Map<number, string>();
  for await (const row of rows) {
    const parsed = rowOf(categoryRow, row);
    if (!('item' in parsed)) throw new ImportFileError(`${row.file} line ${row.line}: ${'bad' in parsed ? parsed.bad.problem : ''}`);
    const values = parsed.item;
    if (values['Element ID'] !== REQUIRED_LEVEL.element || values['Scale ID'] !== REQUIRED_LEVEL.scale) continue;
    const category = CATEGORY.safeParse(values.Category);
    if (!category.success) throw new ImportFileError(`${row.file} line ${row.line}: "Category" ${JSON.stringify(values.Category)} is not a category number`);
    levels.set(category.data, educationLevelName(values['Category Description']));
  }
  if (levels.size === 0) throw new ImportFileError('Education, Training, and Experience Categories.txt: no Required Level of Education (RL) categories');
  return levels;
}

/**
 * The rows of Education, Training, and Experience.txt: each RL row a share (percent,
 * 0-100) of a category the categories file names; rows of other scales (RW, PT, OJ,
 * IM), and shares of 0, are skipped by design (read, not written). A row repeating an (occupation, category) already
 * read is skipped with a warning when it states the same share, and rejected when it
 * states another.
 */
async function* shares(
  rows: AsyncIterable<FileRow>,
  levels: ReadonlyMap<number, string>,
  occupationKnown: readonly (readonly ['O*NET-SOC Code', ReadonlySet<string>, string])[],
): AsyncGenerator<StepItem<ShareItem>> {
  const seen = new Map<string, { share: number; line: number }>();
  for await (const row of rows) {
    const parsed = requireKnown(rowOf(trainingRow, row), row, occupationKnown);
    if (!('item' in parsed)) {
      yield parsed;
      continue;
    }
    const values = parsed.item;
    if (values['Scale ID'] !== REQUIRED_LEVEL.scale) {
      yield { skip: `scale ${values['Scale ID']}: not imported` };
      continue;
    }
    const bad = (problem: string): StepItem<ShareItem> => ({ bad: { file: row.file, line: row.line, problem } });
    const category = CATEGORY.safeParse(values.Category);
    if (!category.success || !levels.has(category.data)) {
      yield bad(`"Category" ${JSON.stringify(values.Category)} is not an RL category of Education, Training, and Experience Categories.txt`);
      continue;
    }
    const share = SHARE.safeParse(values['Data Value']);
    if (!share.success) {
      yield bad(`"Data Value" ${JSON.stringify(values['Data Value'])} on scale RL: ${share.error.issues[0]?.message}`);
      continue;
    }
    const key = `${values['O*NET-SOC Code']}|${category.data}`;
    const earlier = seen.get(key);
    if (earlier) {
      const problem = `repeats ${values['O*NET-SOC Code']} category ${category.data} of line ${earlier.line}`;
      yield earlier.share === share.data ? { warning: { file: row.file, line: row.line, problem } } : bad(`${problem} with another share (${earlier.share})`);
      continue;
    }
    seen.set(key, { share: share.data, line: row.line });
    // A level no worker names is no requirement.
    if (share.data === 0) yield { skip: 'RL share 0: no requirement' };
    else yield { item: { code: values['O*NET-SOC Code'], category: category.data, share: share.data, suppressed: values['Recommend Suppress'] === 'Y' } };
  }
}

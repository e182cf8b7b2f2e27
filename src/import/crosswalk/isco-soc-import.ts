import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { StatementName } from '../../database/cypher-catalog';
import type { Database } from '../../database/database';
import type { LinkRow } from '../../models/graph-rows';
import { ROLE_FACT } from '../../models/relations';
import { writeGraphRows } from '../../repositories/graph-writer';
import type { StepItem } from '../batch-loader';
import { itemFacts } from '../batch-loader';
import { ImportFileError } from '../delimited';
import { iscoGroupId } from '../esco/esco-import';
import type { ImportReport } from '../import-report';
import { beginImport } from '../import-run';
import { occupationId } from '../onet/onet-import';
import { rowOf } from '../row';
import { readTable } from '../table';

export interface IscoSocImportOptions {
  /**
   * The files, in any order, told apart by their headers: the BLS crosswalk
   * (`isco_soc_crosswalk.xls` as published, or its "2010 SOC to ISCO-08" sheet as
   * TSV or CSV) and O*NET's `2010_to_2019_Crosswalk.csv`.
   */
  files: readonly string[];
  batchSize: number;
  restart: boolean;
  progress(line: string): void;
}

/** The source the BLS rows of every link cite. */
export const ISCO_SOC_SOURCE = {
  id: 'bls-isco-soc-2010',
  title: 'U.S. Bureau of Labor Statistics, ISCO-08 to 2010 SOC crosswalk (August 2012, updated June 2015)',
};
/** The source the bridge from SOC 2010 to O*NET-SOC 2019 cites. */
export const ONET_2010_2019_SOURCE = { id: 'onet-soc-2010-2019', title: 'O*NET Resource Center, O*NET-SOC 2010 to O*NET-SOC 2019 crosswalk' };

/** The name each link gives its crosswalk (`RoleEquivalent.crosswalk`). */
export const ISCO_SOC_CROSSWALK = 'ISCO-08 to SOC 2010 (BLS), through O*NET-SOC 2010 to 2019';

/**
 * The kind of match a link carries when the BLS marks its row with `*` in the
 * "part" column of the SOC-to-ISCO sheet: the SOC 2010 occupation maps to several
 * ISCO-08 groups, and this group covers part of it. Unmarked rows carry none.
 */
export const PART_MATCH = 'part';

/** The sheet of the workbook read: each SOC 2010 occupation with its ISCO-08 groups, `part` said of the SOC side. */
export const SOC_TO_ISCO_SHEET = '2010 SOC to ISCO-08';
const SOC = '2010 SOC Code';
const ISCO = 'ISCO-08 Code';
const CROSSWALK_COLUMNS = [SOC, '2010 SOC Title', 'part', ISCO, 'ISCO-08 Title EN'];
const BRIDGE_COLUMNS = ['O*NET-SOC 2010 Code', 'O*NET-SOC 2010 Title', 'O*NET-SOC 2019 Code', 'O*NET-SOC 2019 Title'];

const crosswalkRow = z.object({
  [SOC]: z.string().trim().regex(/^\d{2}-\d{4}$/, 'a SOC 2010 code such as 27-4014'),
  '2010 SOC Title': z.string().trim(),
  part: z.string().trim().refine((mark) => mark === '' || mark === '*', 'empty or "*"'),
  // Mostly a four-digit unit group; two rows of the published file name a three-digit minor group.
  [ISCO]: z.string().trim().regex(/^\d{3,4}$/, 'an ISCO-08 group such as 3521'),
  'ISCO-08 Title EN': z.string().trim(),
});
type CrosswalkRow = z.infer<typeof crosswalkRow>;

const onetCode = z.string().trim().regex(/^\d{2}-\d{4}\.\d{2}$/, 'an O*NET-SOC code such as 27-4014.00');
const bridgeRow = z.object({
  'O*NET-SOC 2010 Code': onetCode,
  'O*NET-SOC 2010 Title': z.string().trim(),
  'O*NET-SOC 2019 Code': onetCode,
  'O*NET-SOC 2019 Title': z.string().trim(),
});

/** One O*NET-SOC 2019 occupation a SOC 2010 code leads to, with the bridge row saying so. */
interface Bridged {
  code2019: string;
  quote: string;
}

/** One (O*NET occupation, ISCO-08 group) pair and everything the files say of it. */
interface Pair {
  onetRole: string;
  group: string;
  part: boolean;
  citations: { source: string; quote: string }[];
}

/** How this run matched the crosswalk's rows against the bridge and the graph. */
export interface IscoSocCounts {
  /** Rows written: each links its ISCO-08 group to at least one O*NET occupation. */
  rows: number;
  /** Distinct (O*NET occupation, ISCO-08 group) equivalences written. */
  equivalences: number;
  /** Of them, those a row marked `*` contributes to (match `part`). */
  part: number;
  /** Rows skipped with a warning: the bridge or the graph lacks an end. */
  skipped: number;
  /** Rows of the bridge read, and rejected. */
  bridgeRows: number;
  bridgeRejected: number;
}

/** Which of the two tables a file is, from its extension or its header line. */
function kindOf(file: string): 'crosswalk' | 'bridge' {
  if (!fs.existsSync(file)) throw new ImportFileError(`${file}: no such file`);
  if (path.extname(file).toLowerCase() === '.xls') return 'crosswalk';
  const head = fs.readFileSync(file, { encoding: 'utf8' }).slice(0, 4096).split(/\r?\n/)[0] ?? '';
  if (BRIDGE_COLUMNS.every((column) => head.includes(column))) return 'bridge';
  if (CROSSWALK_COLUMNS.every((column) => head.includes(column))) return 'crosswalk';
  throw new ImportFileError(
    `${path.basename(file)}: neither the BLS ISCO-08 to SOC 2010 crosswalk (header ${CROSSWALK_COLUMNS.join(', ')}) ` +
      `nor O*NET's 2010 to 2019 crosswalk (header ${BRIDGE_COLUMNS.join(', ')})`,
  );
}

/** Each SOC 2010 code's O*NET-SOC 2019 occupations: every O*NET-SOC 2010 code refining it (27-4014 -> 27-4014.00), through the bridge. */
async function readBridge(file: string): Promise<{ bySoc2010: Map<string, Bridged[]>; read: number; rejected: string[] }> {
  const bySoc2010 = new Map<string, Bridged[]>();
  const rejected: string[] = [];
  let read = 0;
  for await (const row of readTable(file, BRIDGE_COLUMNS)) {
    read += 1;
    const parsed = rowOf(bridgeRow, row);
    if (!('item' in parsed)) {
      rejected.push('bad' in parsed ? `${parsed.bad.file}:${parsed.bad.line}: ${parsed.bad.problem}` : '');
      continue;
    }
    const item = parsed.item;
    const soc2010 = item['O*NET-SOC 2010 Code'].slice(0, 7);
    const list = bySoc2010.get(soc2010) ?? [];
    list.push({
      code2019: item['O*NET-SOC 2019 Code'],
      quote: `O*NET-SOC 2010 ${item['O*NET-SOC 2010 Code']} ${item['O*NET-SOC 2010 Title']}: O*NET-SOC 2019 ${item['O*NET-SOC 2019 Code']} ${item['O*NET-SOC 2019 Title']}`,
    });
    bySoc2010.set(soc2010, list);
  }
  return { bySoc2010, read, rejected };
}

/**
 * The BLS ISCO-08 to SOC 2010 crosswalk, bridged to O*NET-SOC 2019: each row
 * pairs a SOC 2010 occupation with an ISCO-08 group; the SOC 2010 code leads,
 * through every O*NET-SOC 2010 occupation refining it and O*NET's 2010 to 2019
 * crosswalk, to O*NET-SOC 2019 occupations; each of those the graph holds becomes
 * `EQUIVALENT_TO` the ISCO-08 group (an OccupationGroup, from ESCO), with the
 * crosswalk's name, match `part` when the BLS marks the row (the SOC occupation
 * maps to several groups), and as citations the BLS rows and the bridge rows it
 * comes through. A pair reached by several rows is one link citing them all, `part`
 * if any of them is marked.
 *
 * Every row of the BLS sheet is accounted for: written (at least one O*NET
 * occupation and the group are in the graph), skipped with a warning (the bridge
 * has no O*NET-SOC 2010 occupation for the SOC code, none of its O*NET-SOC 2019
 * occupations is in the graph, or the group is not), or rejected (a malformed
 * code). Import O*NET and ESCO (for the groups) first.
 */
export async function importIscoSocCrosswalk(database: Database, options: IscoSocImportOptions): Promise<ImportReport & { counts: IscoSocCounts }> {
  const kinds = options.files.map((file) => ({ file, kind: kindOf(file) }));
  const crosswalkFiles = kinds.filter((entry) => entry.kind === 'crosswalk');
  const bridgeFiles = kinds.filter((entry) => entry.kind === 'bridge');
  if (crosswalkFiles.length !== 1 || bridgeFiles.length !== 1) {
    throw new ImportFileError(
      `pass the BLS crosswalk (isco_soc_crosswalk.xls, or its "${SOC_TO_ISCO_SHEET}" sheet as .tsv/.csv) and O*NET's 2010_to_2019_Crosswalk.csv, ` +
        `once each; got ${crosswalkFiles.length} crosswalk and ${bridgeFiles.length} bridge file(s)`,
    );
  }
  const file = (crosswalkFiles[0] as { file: string }).file;
  const bridgeFile = (bridgeFiles[0] as { file: string }).file;
  const bridge = await readBridge(bridgeFile);
  options.progress(`${path.basename(bridgeFile)}: ${bridge.read} row(s) read, ${bridge.bySoc2010.size} SOC 2010 code(s) bridged, ${bridge.rejected.length} rejected`);
  if (bridge.rejected.length > 0) throw new ImportFileError(`${path.basename(bridgeFile)}: malformed rows, nothing imported: ${bridge.rejected.slice(0, 5).join('; ')}`);

  const { loader, actor, finish } = await beginImport(database, ISCO_SOC_SOURCE, { taxonomy: 'crosswalk-isco-soc', release: 'ISCO-08 to SOC 2010' }, options);
  await database.writeTransaction('import source', (run) => writeGraphRows(run, { sources: [ONET_2010_2019_SOURCE], nodes: [], links: [] }, actor), {
    timeoutMs: 60_000,
  });
  // A runner per statement: a runner's time limit runs from its creation, and the reads here
  // are spread over a pass through whole files (seconds, more on a loaded machine).
  const lookup = (name: StatementName, params: Record<string, unknown>) => database.runner(() => 'import crosswalk').read(name, params);
  const onetRoles = new Set((await lookup('roles-by-external-code', { prefix: 'ONET_SOC:' })).map((row) => String(row.id)).filter((id) => id.startsWith('onet-')));

  const name = path.basename(file);
  const parsed: { line: number; item: StepItem<CrosswalkRow> }[] = [];
  for await (const row of readTable(file, CROSSWALK_COLUMNS, { sheet: SOC_TO_ISCO_SHEET })) parsed.push({ line: row.line, item: rowOf(crosswalkRow, row) });
  const groupIds = [...new Set(parsed.flatMap(({ item }) => ('item' in item ? [iscoGroupId(item.item[ISCO])] : [])))];
  const groups = new Set(
    (await lookup('nodes-by-ids', { ids: groupIds })).filter((row) => row.label === 'OccupationGroup').map((row) => String((row.node as { id: unknown }).id)),
  );

  // Every pair with all its rows first, so that a pair reached by rows in different batches is written the same each time.
  const pairs = new Map<string, Pair>();
  const rowPairs: StepItem<string[]>[] = parsed.map(({ line, item }) => {
    if (!('item' in item)) return item;
    const row = item.item;
    const soc = row[SOC];
    const group = iscoGroupId(row[ISCO]);
    const bridged = bridge.bySoc2010.get(soc) ?? [];
    const present = bridged.filter((entry) => onetRoles.has(occupationId(entry.code2019)));
    const missing = [
      ...(groups.has(group) ? [] : [`the graph holds no ISCO-08 group ${row[ISCO]}`]),
      ...(bridged.length === 0 ? [`${path.basename(bridgeFile)} has no O*NET-SOC 2010 occupation of SOC 2010 ${soc}`] : []),
      ...(bridged.length > 0 && present.length === 0 ? [`the graph holds none of SOC 2010 ${soc}'s O*NET-SOC 2019 occupations (${[...new Set(bridged.map((entry) => entry.code2019))].join(', ')})`] : []),
    ];
    if (missing.length > 0) return { warning: { file: name, line, problem: missing.join('; ') } };
    const quote = `2010 SOC ${soc} ${row['2010 SOC Title']}: ISCO-08 ${row[ISCO]} ${row['ISCO-08 Title EN']}${row.part === '*' ? ' (part *)' : ''}`;
    const keys: string[] = [];
    for (const entry of present) {
      const onetRole = occupationId(entry.code2019);
      const key = `${onetRole}|${group}`;
      const pair = pairs.get(key) ?? { onetRole, group, part: false, citations: [] };
      pair.part ||= row.part === '*';
      for (const citation of [
        { source: ISCO_SOC_SOURCE.id, quote },
        { source: ONET_2010_2019_SOURCE.id, quote: entry.quote },
      ]) {
        if (!pair.citations.some((known) => known.source === citation.source && known.quote === citation.quote)) pair.citations.push(citation);
      }
      pairs.set(key, pair);
      if (!keys.includes(key)) keys.push(key);
    }
    return { item: keys };
  });
  const counts: IscoSocCounts = {
    rows: rowPairs.filter((item) => 'item' in item).length,
    equivalences: pairs.size,
    part: [...pairs.values()].filter((pair) => pair.part).length,
    skipped: rowPairs.filter((item) => 'warning' in item).length,
    bridgeRows: bridge.read,
    bridgeRejected: bridge.rejected.length,
  };
  options.progress(
    `${name}: ${counts.rows} row(s) link an ISCO-08 group to O*NET occupations (${counts.equivalences} equivalences, ${counts.part} of them part), ` +
      `${counts.skipped} name an end the bridge or the graph lacks`,
  );

  const step = await loader.load<string[]>({
    file: name,
    items: (async function* () {
      yield* rowPairs;
    })(),
    facts: (keys) =>
      itemFacts(
        [],
        keys.map((key): LinkRow => {
          const pair = pairs.get(key) as Pair;
          return {
            from: pair.onetRole,
            to: pair.group,
            type: ROLE_FACT.equivalents,
            properties: {
              crosswalk: ISCO_SOC_CROSSWALK,
              match: pair.part ? PART_MATCH : null,
              sourceIds: pair.citations.map((citation) => citation.source),
              quotes: pair.citations.map((citation) => citation.quote),
              inferred: false,
            },
          };
        }),
      ),
  });
  await finish([step]);
  return { source: ISCO_SOC_SOURCE.id, steps: [step], counts };
}

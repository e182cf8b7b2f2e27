import path from 'node:path';
import { z } from 'zod';
import type { StatementName } from '../../database/cypher-catalog';
import type { Database } from '../../database/database';
import type { LinkRow } from '../../models/graph-rows';
import { ROLE_FACT } from '../../models/relations';
import type { StepItem } from '../batch-loader';
import { ESCO_CODE, iscoGroupId } from '../esco/esco-import';
import type { ImportReport } from '../import-report';
import { beginImport } from '../import-run';
import { occupationId } from '../onet/onet-import';
import { rowOf } from '../row';
import { readTable } from '../table';

export interface EscoOnetImportOptions {
  /** O*NET's ESCO to O*NET-SOC crosswalk as published (`ESCO_to_ONET-SOC.xlsx`), or the same table as TSV or CSV. */
  file: string;
  batchSize: number;
  restart: boolean;
  progress(line: string): void;
}

/** The source every link of the crosswalk cites. */
export const ESCO_ONET_SOURCE = {
  id: 'onet-esco-crosswalk',
  title: 'O*NET Resource Center, ESCO to O*NET-SOC 2019 crosswalk (built on ESCO v1.1.0)',
};

/** The name each equivalence link gives its crosswalk (`RoleEquivalent.crosswalk`). */
export const ESCO_ONET_CROSSWALK = 'ESCO to O*NET-SOC 2019 (O*NET)';

const ESCO_SIDE = 'ESCO/ISCO Code';
const ONET_SIDE = 'O*NET-SOC 2019 Code';
const REQUIRED = [ESCO_SIDE, 'ESCO/ISCO Title', ONET_SIDE, 'O*NET-SOC 2019 Title'];
/** An ISCO-08 group's code: mostly a four-digit unit group; eight rows of the published file name a three-digit minor group. */
const ISCO_GROUP = /^\d{1,4}$/;

const crosswalkRow = z.object({
  [ESCO_SIDE]: z
    .string()
    .trim()
    .refine((code) => ISCO_GROUP.test(code) || ESCO_CODE.test(code), 'an ESCO occupation code such as 3521.1.7 or an ISCO-08 group such as 3521'),
  [ONET_SIDE]: z.string().trim().regex(/^\d{2}-\d{4}\.\d{2}$/, 'an O*NET-SOC code such as 27-4014.00'),
});

/** One row the graph holds both ends of: an ESCO occupation (or ISCO-08 group) and an O*NET occupation. */
interface Pair {
  /** The ESCO occupations carrying the row's ESCO code, or, for an ISCO-08 group, none. */
  escoRoles: string[];
  /** For a row naming an ISCO-08 group: the group's node. */
  group: string | null;
  onetRole: string;
}

/** How this run matched the file's rows against the graph (whether or not an earlier run had loaded them). */
export interface EscoOnetCounts {
  /** Rows linking an ESCO occupation to an O*NET occupation. */
  occupations: number;
  /** Rows placing an O*NET occupation in an ISCO-08 group. */
  groups: number;
  /** Rows skipped with a warning: an end the graph does not hold. */
  missing: number;
}

/**
 * O*NET's ESCO to O*NET-SOC crosswalk: each row whose two ends the graph holds
 * becomes one cited link. A row naming an ESCO occupation by its code (`3521.1.7`,
 * stored by the ESCO import as `ESCO_CODE:3521.1.7`) links that occupation
 * EQUIVALENT_TO the O*NET occupation (`Role.equivalents`, both ways); a row naming
 * an ISCO-08 group (a four-digit unit group; a few name a three-digit minor group)
 * places the O*NET occupation IN_OCCUPATION_GROUP that group. A row whose end the
 * graph lacks (an occupation of another ESCO or O*NET release, or a taxonomy not
 * imported yet) is skipped with a warning, not an error; a malformed code is rejected. The workbook's title rows
 * above its header and the note below the table are passed over.
 *
 * Import O*NET and ESCO first; after importing them again (another release), run
 * with `restart` so that every row is matched afresh.
 */
export async function importEscoOnetCrosswalk(database: Database, options: EscoOnetImportOptions): Promise<ImportReport & { counts: EscoOnetCounts }> {
  const { loader, cite, finish } = await beginImport(database, ESCO_ONET_SOURCE, { taxonomy: 'crosswalk-esco-onet', release: 'ESCO to O*NET-SOC 2019' }, options);
  // A runner per statement: a runner's time limit runs from its creation, and the reads here
  // are spread over a pass through whole files (seconds, more on a loaded machine).
  const lookup = (name: StatementName, params: Record<string, unknown>) => database.runner(() => 'import crosswalk').read(name, params);
  const byEscoCode = new Map<string, string[]>();
  for (const row of await lookup('roles-by-external-code', { prefix: 'ESCO_CODE:' })) {
    for (const stored of row.codes as string[]) {
      const code = stored.slice('ESCO_CODE:'.length);
      byEscoCode.set(code, [...(byEscoCode.get(code) ?? []), String(row.id)]);
    }
  }
  const onetRoles = new Set<string>();
  for (const row of await lookup('roles-by-external-code', { prefix: 'ONET_SOC:' })) onetRoles.add(String(row.id));

  const name = path.basename(options.file);
  const parsed: { line: number; item: StepItem<z.infer<typeof crosswalkRow>> }[] = [];
  for await (const row of readTable(options.file, REQUIRED)) {
    // The note below the table ("This publication uses the ESCO classification...") names no code on either side.
    if (!row.problem && !row.values[ESCO_SIDE] && !row.values[ONET_SIDE]) continue;
    parsed.push({ line: row.line, item: rowOf(crosswalkRow, row) });
  }
  const groupIds = [...new Set(parsed.flatMap(({ item }) => ('item' in item && ISCO_GROUP.test(item.item[ESCO_SIDE]) ? [iscoGroupId(item.item[ESCO_SIDE])] : [])))];
  const groups = new Set(
    (await lookup('nodes-by-ids', { ids: groupIds })).filter((row) => row.label === 'OccupationGroup').map((row) => String((row.node as { id: unknown }).id)),
  );

  const counts: EscoOnetCounts = { occupations: 0, groups: 0, missing: 0 };
  const items = parsed.map(({ line, item }): StepItem<Pair> => {
    if (!('item' in item)) return item;
    const escoCode = item.item[ESCO_SIDE];
    const onetCode = item.item[ONET_SIDE];
    const onetRole = occupationId(onetCode);
    const group = ISCO_GROUP.test(escoCode) ? iscoGroupId(escoCode) : null;
    const escoRoles = group ? [] : (byEscoCode.get(escoCode) ?? []);
    const missing = [
      ...(group && !groups.has(group) ? [`ISCO-08 group ${escoCode}`] : []),
      ...(!group && escoRoles.length === 0 ? [`ESCO occupation ${escoCode}`] : []),
      ...(onetRoles.has(onetRole) ? [] : [`O*NET occupation ${onetCode}`]),
    ];
    if (missing.length > 0) {
      counts.missing += 1;
      return { warning: { file: name, line, problem: `the graph holds no ${missing.join(' and no ')}` } };
    }
    if (group) counts.groups += 1;
    else counts.occupations += 1;
    return { item: { escoRoles, group, onetRole } };
  });
  options.progress(
    `${name}: ${counts.occupations} row(s) link an ESCO occupation to an O*NET occupation, ${counts.groups} place an O*NET occupation in an ISCO-08 group, ` +
      `${counts.missing} name an end the graph does not hold`,
  );

  const step = await loader.load<Pair>({
    file: name,
    items: (async function* () {
      yield* items;
    })(),
    facts: (pair) => ({
      links: pair.group
        ? [{ from: pair.onetRole, to: pair.group, type: ROLE_FACT.occupationGroups, properties: { ...cite } }]
        : pair.escoRoles.map((escoRole): LinkRow => ({ from: escoRole, to: pair.onetRole, type: ROLE_FACT.equivalents, properties: { crosswalk: ESCO_ONET_CROSSWALK, ...cite } })),
    }),
  });
  await finish([step]);
  return { source: ESCO_ONET_SOURCE.id, steps: [step], counts };
}

import type { LinkRow, NodeRow } from '../../models/graph-rows';
import type { RelationType } from '../../models/relations';
import { taxonomyId } from '../ids';
import type { Database } from '../../database/database';

/**
 * The SOC 2018 detailed occupation an O*NET-SOC 2019 code refines: its first seven
 * characters (27-4014.00 refines 27-4014). O*NET's 2019_to_SOC_Crosswalk.csv states
 * the same for every one of its 1,016 rows; the realdata suite checks it there.
 */
export function socOfOnetCode(code: string): string {
  return code.slice(0, 7);
}

/**
 * The roles each SOC 2018 code describes: every role carrying an O*NET-SOC code
 * (`ONET_SOC:27-4014.00`, imported occupations and curated roles alike), by the
 * code's first seven characters, which O*NET-SOC 2019 shares with the SOC 2018
 * detailed occupation it refines (27-4014.00 refines 27-4014).
 */
export async function rolesBySoc(database: Database): Promise<Map<string, string[]>> {
  const rows = await database.runner(() => 'import figures').read('roles-by-external-code', { prefix: 'ONET_SOC:' });
  const bySoc = new Map<string, string[]>();
  for (const row of rows) {
    for (const stored of row.codes as string[]) {
      const soc = socOfOnetCode(stored.slice('ONET_SOC:'.length));
      const roles = bySoc.get(soc) ?? [];
      if (!roles.includes(String(row.id))) roles.push(String(row.id));
      bySoc.set(soc, roles);
    }
  }
  return bySoc;
}

/** A BLS number as published: digits, maybe with thousands separators; the markers for "not available" (`*`, `**`, `-`, `—`, `#`) give null. */
export function blsNumber(value: string | undefined): number | null {
  const text = (value ?? '').replaceAll(',', '').trim();
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

/**
 * One figure node per role of a SOC code, each linked from its role, all citing the
 * release: a figure belongs to one role (the graph writer moves a figure linked
 * from another role), so each role gets its own copy, with the id
 * `<source>-<role id>`.
 */
export function figureRowsForRoles(
  roles: readonly string[],
  figure: { sourceId: string; label: 'SalaryFigure' | 'GrowthFigure'; type: RelationType; properties: Record<string, unknown>; cite: Record<string, unknown> },
): { nodes: NodeRow[]; links: LinkRow[] } {
  const nodes: NodeRow[] = [];
  const links: LinkRow[] = [];
  for (const role of roles) {
    const id = taxonomyId(figure.sourceId, role);
    nodes.push({ id, label: figure.label, properties: { ...figure.properties, ...figure.cite } });
    links.push({ from: role, to: id, type: figure.type, properties: { ...figure.cite } });
  }
  return { nodes, links };
}

import type { TransactionRun } from '../database/database';
import { equivalentSchema } from '../data/curated-schema';
import { citationProperties, type LinkRow } from '../models/graph-rows';
import { ROLE_FACT } from '../models/relations';
import { taxonomyId } from '../models/taxonomy-id';
import { FactCountChanges, writeGraphRows } from './graph-writer';

/** The name every link of the editorial mapping carries (`RoleEquivalent.crosswalk`). */
export const CURATED_MAPPING_CROSSWALK = 'careers-graph mapping of the curated roles';

/**
 * The node a mapped code names, by the ids the importers give: an O*NET occupation
 * (`ONET_SOC:27-4014.00` -> `onet-27-4014-00`) and an ISCO-08 group (`ISCO:3521` ->
 * `isco-3521`) by their codes; an ESCO occupation has a UUID for id, so
 * `ESCO_CODE:3521.1.6` is found among the roles carrying that code.
 */
function idOfCode(code: string, escoByCode: ReadonlyMap<string, string[]>): string[] {
  const [system, value = ''] = code.split(/:(.*)/s);
  if (system === 'ONET_SOC') return [taxonomyId('onet', value)];
  if (system === 'ISCO') return [taxonomyId('isco', value)];
  return escoByCode.get(code) ?? [];
}

/**
 * Makes the links of the curated roles' editorial mapping (each role's
 * `equivalents` in data/curated, stored on the role by the curated load): for each
 * mapped code whose node the graph holds, the curated role `EQUIVALENT_TO` that
 * node, with the mapping's crosswalk name, match and reason, citing the mapping's
 * source (this project's own, not the articles); the links the mapping no longer
 * states are removed, and codes whose node is absent wait for its import. Run after
 * the curated load and after every import that brings occupations or groups, in the
 * caller's transaction. Returns how many links the mapping has now.
 */
export async function linkCuratedEquivalents(run: TransactionRun, actor: string): Promise<number> {
  const mapped = (await run('roles-with-equivalence-mapping', {})).map((row) => ({
    id: String(row.id),
    entries: equivalentSchema.array().parse(JSON.parse(String(row.mapping))),
  }));
  if (mapped.length === 0) return 0;
  const escoCodes = [...new Set(mapped.flatMap((role) => role.entries.map((entry) => entry.code)).filter((code) => code.startsWith('ESCO_CODE:')))];
  const escoByCode = new Map<string, string[]>();
  if (escoCodes.length > 0) {
    for (const row of await run('roles-by-code', { codes: escoCodes, prefixes: [], limit: 1000 })) {
      const role = row.role as { id: string; externalCodes: string[] };
      for (const code of role.externalCodes.filter((stored) => escoCodes.includes(stored))) escoByCode.set(code, [...(escoByCode.get(code) ?? []), role.id]);
    }
  }
  const wanted = mapped.flatMap((role) => role.entries.flatMap((entry) => idOfCode(entry.code, escoByCode).map((target) => ({ role: role.id, target, entry }))));
  const present = new Set((await run('nodes-by-ids', { ids: [...new Set(wanted.map((link) => link.target))] })).map((row) => String((row.node as { id: unknown }).id)));
  const links = wanted
    .filter((link) => present.has(link.target))
    .map(
      ({ role, target, entry }): LinkRow => ({
        from: role,
        to: target,
        type: ROLE_FACT.equivalents,
        properties: { crosswalk: CURATED_MAPPING_CROSSWALK, match: entry.match, reason: entry.reason, ...citationProperties(entry.citations) },
      }),
    );
  const removed = new FactCountChanges();
  for (const role of mapped) {
    const keep = links.filter((link) => link.from === role.id).map((link) => link.to);
    const [row] = await run('unlink-unmapped-equivalents', { id: role.id, crosswalk: CURATED_MAPPING_CROSSWALK, keep });
    removed.removed(row?.cited);
  }
  await removed.apply(run);
  if (links.length > 0) await writeGraphRows(run, { sources: [], nodes: [], links }, actor);
  return links.length;
}

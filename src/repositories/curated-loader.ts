import { createHash } from 'node:crypto';
import type { Database } from '../database/database';
import type { CuratedDataset } from '../data/curated-schema';
import { toGraphRows } from '../data/to-graph-rows';
import { refreshRoleWeights } from '../database/role-weights';
import { lockWriters } from '../database/writers-lock';
import { refreshRoleNeighbours } from '../database/role-neighbours';
import { linkCuratedEquivalents } from './curated-equivalents';
import { writeGraphRows, type ChangeCounts } from './graph-writer';

/**
 * Time limit of the load at start. Longer than a request's: it writes the whole
 * file in one transaction, and a busy machine must not stop the service from
 * starting. The local Neo4j caps every transaction at 30 s anyway.
 */
export const LOAD_TIMEOUT_MS = 30_000;
/** A rebuild of the kept neighbours reads every role: about a minute with O*NET and ESCO loaded on two cores. */
export const NEIGHBOURS_TIMEOUT_MS = 600_000;

/** Who the curated loader's changes are recorded as (`updatedBy`). */
export const CURATED_LOADER = 'careers-graph:curated-loader';

export interface SeedReport {
  sources: ChangeCounts;
  nodes: ChangeCounts;
  links: ChangeCounts;
}

/** A digest of a dataset's content: equal documents give equal checksums. */
export function datasetChecksum(dataset: CuratedDataset): string {
  return createHash('sha256').update(JSON.stringify(dataset)).digest('hex');
}

/**
 * Loads a dataset in one write transaction: all of it or, on any failure, none.
 * Idempotent: every statement MERGEs on ids and stamps only what changed, so
 * loading twice changes nothing. With `record`, the load is recorded under that
 * dataset name with the document's checksum, in the same transaction. The kept
 * neighbours are then rebuilt here, unless `rebuildNeighbours` is false: the load
 * leaves them marked due, for a caller that rebuilds them its own way (the service
 * at start, in a child process: prepare-graph.ts).
 */
export async function seedCurated(
  database: Database,
  dataset: CuratedDataset,
  options: { actor?: string; record?: string; rebuildNeighbours?: boolean } = {},
): Promise<SeedReport> {
  const report = await database.writeTransaction('seed-curated', async (run) => {
    // The writers' lock first, as every writer of role profiles takes it (see role-weights.ts).
    await lockWriters(run);
    const actor = options.actor ?? CURATED_LOADER;
    const { sources, nodes, links } = await writeGraphRows(run, toGraphRows(dataset), actor);
    // The mapping's counterparts already in the graph (an O*NET or ESCO import before this load).
    await linkCuratedEquivalents(run, actor);
    await refreshRoleWeights(run);
    if (options.record) await run('dataset-load-record', { name: options.record, checksum: datasetChecksum(dataset) });
    return { sources, nodes, links };
  }, { timeoutMs: LOAD_TIMEOUT_MS, exclusive: true });
  // The weights' refresh marked the kept neighbours due: rebuilt once the load is committed.
  if (options.rebuildNeighbours !== false) await refreshRoleNeighbours(database, { timeoutMs: NEIGHBOURS_TIMEOUT_MS });
  return report;
}

/**
 * Loads the dataset unless this very version was loaded before. Curators' edits
 * made through the API therefore survive restarts; a new version of the file is
 * loaded over them (the file is the authority on the facts it states).
 */
export async function seedIfChanged(
  database: Database,
  dataset: CuratedDataset,
  name: string,
  options: { rebuildNeighbours?: boolean } = {},
): Promise<SeedReport | null> {
  const [row] = await database.runner(() => 'seed-curated').read('dataset-load-get', { name });
  if (row?.checksum === datasetChecksum(dataset)) return null;
  return seedCurated(database, dataset, { record: name, ...options });
}

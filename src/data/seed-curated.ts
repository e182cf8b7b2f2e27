import type { Database } from '../database/database';
import type { CuratedDataset } from './curated-schema';
import { toGraphRows } from './to-graph-rows';
import { writeGraphRows, type ChangeCounts } from './write-graph';

/** Who the curated loader's changes are recorded as (`updatedBy`). */
export const CURATED_LOADER = 'careers-graph:curated-loader';

export interface SeedReport {
  sources: ChangeCounts;
  nodes: ChangeCounts;
  links: ChangeCounts;
}

/**
 * Loads a dataset in one write transaction: all of it or, on any failure, none.
 * Idempotent: every statement MERGEs on ids and stamps only what changed, so
 * loading twice changes nothing.
 */
export async function seedCurated(database: Database, dataset: CuratedDataset, actor = CURATED_LOADER): Promise<SeedReport> {
  return database.writeTransaction('seed-curated', async (run) => {
    const { sources, nodes, links } = await writeGraphRows(run, toGraphRows(dataset), actor);
    return { sources, nodes, links };
  });
}

import type { Database } from '../database/database';
import type { CuratedDataset } from './curated-schema';
import { toGraphRows } from './to-graph-rows';

export interface SeedReport {
  sources: number;
  entities: number;
  links: number;
}

/**
 * Loads a dataset in one write transaction: all of it or, on any failure, none.
 * Idempotent: every statement MERGEs on ids, so loading twice changes nothing.
 */
export async function seedCurated(database: Database, dataset: CuratedDataset): Promise<SeedReport> {
  const rows = toGraphRows(dataset);
  return database.writeTransaction('seed-curated', async (run) => {
    const [sources] = await run('upsert-sources', { rows: rows.sources });
    const [entities] = await run('upsert-entities', { rows: rows.entities });
    const [links] = await run('upsert-links', { rows: rows.links });
    const report = { sources: Number(sources?.sources), entities: Number(entities?.entities), links: Number(links?.links) };
    if (report.links !== rows.links.length) {
      // Validation guarantees both ends exist in the document; a shortfall means the
      // graph disagrees with it (e.g. an id held by another label), so roll back.
      throw new Error(`seed: ${rows.links.length - report.links} link(s) found no endpoint; nothing was written`);
    }
    return report;
  });
}

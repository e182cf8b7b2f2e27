import type { Database } from '../database/database';
import { markRoleWeightsPending, refreshRoleWeightsNow } from '../database/role-weights';
import { citationProperties } from '../models/graph-rows';
import { writeGraphRows } from '../repositories/graph-writer';
import { BatchLoader } from './batch-loader';

export interface ImportRunOptions {
  batchSize: number;
  restart: boolean;
  progress(line: string): void;
}

/** What every step of one import shares: its loader and the citation of its source. */
export interface ImportRun {
  loader: BatchLoader;
  actor: string;
  /** The citation properties of every fact the import writes. */
  cite: Record<string, unknown>;
  /** After the last batch: brings the roles' derived weights up to date (one transaction). */
  finish(): Promise<void>;
}

/**
 * Starts an import of one dataset release: writes its Source, forgets earlier
 * progress when asked to restart, and returns what its steps share.
 */
export async function beginImport(database: Database, source: { id: string; title: string }, options: ImportRunOptions): Promise<ImportRun> {
  const actor = `importer:${source.id}`;
  const loader = new BatchLoader(database, { dataset: source.id, actor, batchSize: options.batchSize, progress: options.progress, batchTimeoutMs: 60_000 });
  if (options.restart) options.progress(`forgot ${await loader.restart()} checkpoint(s) of ${source.id}`);
  await markRoleWeightsPending(database, source.id);
  await database.writeTransaction('import source', (run) => writeGraphRows(run, { sources: [source], nodes: [], links: [] }, actor), {
    timeoutMs: 60_000,
  });
  return {
    loader,
    actor,
    cite: citationProperties([{ source: source.id }]),
    finish: async () => {
      const started = Date.now();
      const { roles, refreshed } = await refreshRoleWeightsNow(database, 120_000, source.id);
      options.progress(`role weights: ${refreshed} of ${roles} role(s) refreshed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
  };
}

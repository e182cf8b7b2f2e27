import type { Database } from '../database/database';
import { refreshRoleWeightsNow } from '../database/role-weights';
import { citationProperties } from '../models/graph-rows';
import { linkCuratedEquivalents } from '../repositories/curated-equivalents';
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
  /**
   * After the last batch: links the curated roles to the counterparts their mapping
   * names that are now in the graph, and brings the roles' derived weights up to date.
   */
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
  await database.writeTransaction('import source', (run) => writeGraphRows(run, { sources: [source], nodes: [], links: [] }, actor), {
    timeoutMs: 60_000,
  });
  return {
    loader,
    actor,
    cite: citationProperties([{ source: source.id }]),
    finish: async () => {
      const mapped = await database.writeTransaction('import curated equivalents', (run) => linkCuratedEquivalents(run, actor), { timeoutMs: 60_000 });
      options.progress(`curated roles: ${mapped} equivalence link(s) of their mapping to occupations and groups in the graph`);
      const started = Date.now();
      const { roles, refreshed } = await refreshRoleWeightsNow(database, 120_000);
      options.progress(`role weights: ${refreshed} of ${roles} role(s) refreshed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
  };
}

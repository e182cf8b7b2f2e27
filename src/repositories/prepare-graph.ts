import type { Database } from '../database/database';
import { migrate } from '../database/migrate';
import type { Logger } from '../logging/logger';
import { readCurated } from '../data/read-curated';
import { refreshRoleWeightsNow, roleWeightsPending } from '../database/role-weights';
import { DEFAULT_NEIGHBOURS_HEAP_MB } from '../config/config';
import { roleNeighboursDue } from '../database/role-neighbours';
import { refreshRoleNeighboursInChild } from '../database/role-neighbours-process';
import { LOAD_TIMEOUT_MS, NEIGHBOURS_TIMEOUT_MS, seedIfChanged } from './curated-loader';

/**
 * Applies pending migrations, then (optionally) loads the curated graph if its file
 * changed since the last load, then brings the derived data up to date. A rebuild of
 * the kept neighbours runs in a child process whose heap may grow to `neighboursHeapMb`.
 */
export async function prepareGraph(
  database: Database,
  databaseName: string,
  seed: boolean,
  logger: Logger,
  options: { neighboursHeapMb?: number } = {},
): Promise<void> {
  const applied = await migrate(database.driver, databaseName, {
    onApply: (migration) => logger.info({ migration: `${migration.version}_${migration.name}` }, 'applying migration'),
    onWait: () => logger.info('another process is applying the migrations: waiting for it'),
  });
  logger.info({ applied: applied.map((migration) => `${migration.version}_${migration.name}`) }, 'migrations up to date');
  if (seed) {
    // The load leaves the kept neighbours due; they are rebuilt below, in a child process.
    const report = await seedIfChanged(database, readCurated(), 'curated', { rebuildNeighbours: false });
    if (report) logger.info(report, 'curated graph loaded');
    else logger.info('curated graph already loaded (same file); left as it is');
  }
  // Writers keep the roles' derived weights current; this repairs them after an
  // import that stopped between its first batch and its refresh (it left its mark).
  const { stale, pending } = await roleWeightsPending(database);
  if (stale) {
    const weights = await refreshRoleWeightsNow(database, LOAD_TIMEOUT_MS, 'all');
    logger.info({ ...weights, after: pending }, 'role weights refreshed');
  } else logger.info('role weights up to date (no import left them pending)');
  // Every writer marks the kept neighbours due and refreshes them after its commit;
  // this builds them the first time and repairs a refresh that did not finish.
  if (await roleNeighboursDue(database)) {
    const neighbours = await refreshRoleNeighboursInChild(database, {
      timeoutMs: NEIGHBOURS_TIMEOUT_MS,
      heapMb: options.neighboursHeapMb ?? DEFAULT_NEIGHBOURS_HEAP_MB,
    });
    logger.info(neighbours, 'role neighbours refreshed');
  } else logger.info('role neighbours up to date');
}

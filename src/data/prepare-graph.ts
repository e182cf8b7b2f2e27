import type { Database } from '../database/database';
import { migrate } from '../database/migrate';
import type { Logger } from '../logging/logger';
import { readCurated } from './read-curated';
import { seedCurated } from './seed-curated';

/** Applies pending migrations, then (optionally) loads the curated graph. */
export async function prepareGraph(database: Database, databaseName: string, seed: boolean, logger: Logger): Promise<void> {
  const applied = await migrate(database.driver, databaseName);
  logger.info({ applied: applied.map((migration) => `${migration.version}_${migration.name}`) }, 'migrations up to date');
  if (!seed) return;
  const report = await seedCurated(database, readCurated());
  logger.info(report, 'curated graph loaded');
}

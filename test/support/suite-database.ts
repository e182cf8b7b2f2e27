import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config/repo-root';
import { prepareGraph } from '../../src/repositories/prepare-graph';
import { connectDatabase } from '../../src/database/connect-database';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/database/local-neo4j/local-neo4j';
import { createLogger } from '../../src/logging/logger';

export interface SuiteDatabaseOptions {
  /** Names the suite in logs and its data folder (.neo4j/<name>-data). */
  name: string;
  /** Bolt port of the suite's own Neo4j. */
  boltPort: number;
  /** Load the curated graph after the migrations. */
  seed: boolean;
}

export const SUITE_USER = 'neo4j';
export const SUITE_PASSWORD = 'careers-graph-test';

/**
 * Starts a fresh local Neo4j for one Jest project (empty data folder), applies
 * the migrations and, if asked, loads the curated graph. Returns its URI and a stop function.
 */
export async function startSuiteDatabase(options: SuiteDatabaseOptions): Promise<{ uri: string; neo4j: LocalNeo4j }> {
  const dataDir = path.join(repoRoot(), '.neo4j', `${options.name}-data`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const started = Date.now();
  const neo4j = await startLocalNeo4j({
    boltPort: options.boltPort,
    dataDir,
    heap: '512m',
    pageCache: '64m',
    password: SUITE_PASSWORD,
    log: (line) => process.stderr.write(`  ${line}\n`),
  });
  process.stderr.write(`\n  ${options.name} Neo4j ready at ${neo4j.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const database = connectDatabase({ uri: neo4j.uri, user: SUITE_USER, password: SUITE_PASSWORD, database: 'neo4j', queryTimeoutMs: 30_000 });
  try {
    await prepareGraph(database, 'neo4j', options.seed, createLogger('silent'));
  } catch (error) {
    await neo4j.stop();
    throw error;
  } finally {
    await database.close();
  }
  return { uri: neo4j.uri, neo4j };
}

import fs from 'node:fs';
import { prepareGraph } from '../../src/data/prepare-graph';
import { loadCypherCatalog } from '../../src/database/cypher-catalog';
import { createDriver, Database } from '../../src/database/database';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/database/local-neo4j/local-neo4j';
import { createLogger } from '../../src/logging/logger';
import { TEST_URI_VARIABLE, testDatabase } from './test-database';

declare global {
  var careersGraphTestNeo4j: LocalNeo4j | undefined;
}

/**
 * Once per run: start a fresh local Neo4j (empty data folder), apply the
 * migrations and load the curated graph, then hand its URI to the workers.
 */
export default async function globalSetup(): Promise<void> {
  let uri = testDatabase.uri;
  if (!uri) {
    fs.rmSync(testDatabase.dataDir, { recursive: true, force: true });
    const started = Date.now();
    globalThis.careersGraphTestNeo4j = await startLocalNeo4j({
      boltPort: testDatabase.boltPort,
      dataDir: testDatabase.dataDir,
      heap: '512m',
      pageCache: '64m',
      password: testDatabase.password,
      log: (line) => process.stderr.write(`  ${line}\n`),
    });
    uri = globalThis.careersGraphTestNeo4j.uri;
    process.stderr.write(`\n  test Neo4j ready at ${uri} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const database = new Database(createDriver(uri, testDatabase.user, testDatabase.password), loadCypherCatalog(), {
    database: testDatabase.database,
    queryTimeoutMs: 30_000,
  });
  try {
    await prepareGraph(database, testDatabase.database, true, createLogger('silent'));
  } finally {
    await database.close();
  }
  process.env[TEST_URI_VARIABLE] = uri;
}

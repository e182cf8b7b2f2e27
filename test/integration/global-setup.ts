import { prepareGraph } from '../../src/data/prepare-graph';
import { connectDatabase } from '../../src/database/connect-database';
import type { LocalNeo4j } from '../../src/database/local-neo4j/local-neo4j';
import { createLogger } from '../../src/logging/logger';
import { startSuiteDatabase } from '../support/suite-database';
import { TEST_URI_VARIABLE, testDatabase } from './test-database';

declare global {
  var careersGraphTestNeo4j: LocalNeo4j | undefined;
}

/**
 * Once per run: a fresh local Neo4j with the migrations and the curated graph
 * (or, with NEO4J_TEST_URI, that database with the curated graph loaded), its
 * URI handed to the workers.
 */
export default async function globalSetup(): Promise<void> {
  if (testDatabase.uri) {
    const database = connectDatabase({
      uri: testDatabase.uri,
      user: testDatabase.user,
      password: testDatabase.password,
      database: testDatabase.database,
      queryTimeoutMs: 30_000,
    });
    try {
      await prepareGraph(database, testDatabase.database, true, createLogger('silent'));
    } finally {
      await database.close();
    }
    process.env[TEST_URI_VARIABLE] = testDatabase.uri;
    return;
  }
  const { uri, neo4j } = await startSuiteDatabase({ name: 'test', boltPort: testDatabase.boltPort, seed: true });
  globalThis.careersGraphTestNeo4j = neo4j;
  process.env[TEST_URI_VARIABLE] = uri;
}

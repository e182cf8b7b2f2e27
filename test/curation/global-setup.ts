import type { LocalNeo4j } from '../../src/database/local-neo4j/local-neo4j';
import { startSuiteDatabase } from '../support/suite-database';

declare global {
  var careersGraphCurationNeo4j: LocalNeo4j | undefined;
}

/** The curation suite writes, so it has a Neo4j of its own with the curated graph, apart from the read-only suites. */
export const CURATION_URI_VARIABLE = 'CAREERS_GRAPH_CURATION_NEO4J_URI';

export default async function globalSetup(): Promise<void> {
  const boltPort = Number(process.env.NEO4J_CURATION_BOLT_PORT || 7701);
  const { uri, neo4j } = await startSuiteDatabase({ name: 'curation', boltPort, seed: true });
  globalThis.careersGraphCurationNeo4j = neo4j;
  process.env[CURATION_URI_VARIABLE] = uri;
}

import type { LocalNeo4j } from '../../src/database/local-neo4j/local-neo4j';
import { startSuiteDatabase } from '../support/suite-database';

declare global {
  var careersGraphPropertiesNeo4j: LocalNeo4j | undefined;
}

/** Bolt port of the property suite's own Neo4j, which starts empty: each property loads its generated graphs. */
export const PROPERTIES_URI_VARIABLE = 'CAREERS_GRAPH_PROPERTIES_NEO4J_URI';

export default async function globalSetup(): Promise<void> {
  const boltPort = Number(process.env.NEO4J_PROPERTIES_BOLT_PORT || 7700);
  const { uri, neo4j } = await startSuiteDatabase({ name: 'properties', boltPort, seed: false });
  globalThis.careersGraphPropertiesNeo4j = neo4j;
  process.env[PROPERTIES_URI_VARIABLE] = uri;
}

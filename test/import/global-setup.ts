import type { LocalNeo4j } from '../../src/database/local-neo4j/local-neo4j';
import { startSuiteDatabase } from '../support/suite-database';

declare global {
  var careersGraphImportNeo4j: LocalNeo4j | undefined;
}

/** The import suite writes whole taxonomies, so it has a Neo4j of its own, with the curated graph to cross into. */
export const IMPORT_URI_VARIABLE = 'CAREERS_GRAPH_IMPORT_NEO4J_URI';

export default async function globalSetup(): Promise<void> {
  const boltPort = Number(process.env.NEO4J_IMPORT_BOLT_PORT || 7703);
  const { uri, neo4j } = await startSuiteDatabase({ name: 'import', boltPort, seed: true });
  globalThis.careersGraphImportNeo4j = neo4j;
  process.env[IMPORT_URI_VARIABLE] = uri;
}

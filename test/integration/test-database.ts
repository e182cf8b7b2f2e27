import { SUITE_PASSWORD, SUITE_USER } from '../support/suite-database';

/** The environment variable that sets the Bolt port of the suite's own Neo4j. */
export const TEST_BOLT_PORT_VARIABLE = 'NEO4J_TEST_BOLT_PORT';
/** The Bolt port of the suite's own Neo4j when that variable is unset. */
export const DEFAULT_TEST_BOLT_PORT = 7698;

/**
 * Where the integration suite's database is. By default a local Neo4j of its
 * own, on its own port and data folder, so tests run while the service is up.
 * NEO4J_TEST_URI (with NEO4J_TEST_USER / NEO4J_TEST_PASSWORD) points the suite
 * at another database instead; the suite loads the curated graph into it.
 */
export const testDatabase = {
  uri: process.env.NEO4J_TEST_URI || null,
  user: process.env.NEO4J_TEST_USER || SUITE_USER,
  password: process.env.NEO4J_TEST_PASSWORD || SUITE_PASSWORD,
  database: process.env.NEO4J_TEST_DATABASE || 'neo4j',
  boltPort: Number(process.env[TEST_BOLT_PORT_VARIABLE] || DEFAULT_TEST_BOLT_PORT),
};

/** Set by global-setup for the test workers. */
export const TEST_URI_VARIABLE = 'CAREERS_GRAPH_TEST_NEO4J_URI';

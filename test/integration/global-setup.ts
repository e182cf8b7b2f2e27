import { suiteGlobalSetup } from '../support/suite-global-setup';
import { DEFAULT_TEST_BOLT_PORT, TEST_BOLT_PORT_VARIABLE, TEST_URI_VARIABLE, testDatabase } from './test-database';

/**
 * Once per run: a fresh local Neo4j with the migrations and the curated graph
 * (or, with NEO4J_TEST_URI, that database with the curated graph loaded), its
 * URI handed to the workers.
 */
export default suiteGlobalSetup({
  name: 'test',
  portVariable: TEST_BOLT_PORT_VARIABLE,
  defaultPort: DEFAULT_TEST_BOLT_PORT,
  seed: true,
  uriVariable: TEST_URI_VARIABLE,
  external: testDatabase.uri ? { uri: testDatabase.uri, user: testDatabase.user, password: testDatabase.password, database: testDatabase.database } : null,
});

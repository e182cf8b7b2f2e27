import { suiteGlobalTeardown } from '../support/suite-global-teardown';

/** Stops the import suite's Neo4j. */
export default suiteGlobalTeardown({ name: 'import' });

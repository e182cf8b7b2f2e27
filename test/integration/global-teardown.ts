import { suiteGlobalTeardown } from '../support/suite-global-teardown';

/** Stops the suite's local Neo4j, if global-setup started one. */
export default suiteGlobalTeardown({ name: 'test' });

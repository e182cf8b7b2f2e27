import { suiteGlobalTeardown } from '../support/suite-global-teardown';

/** Stops the real-data suite's Neo4j, if it started one. */
export default suiteGlobalTeardown({ name: 'realdata' });

import { suiteGlobalTeardown } from '../support/suite-global-teardown';

/** Stops the property suite's Neo4j. */
export default suiteGlobalTeardown({ name: 'properties' });

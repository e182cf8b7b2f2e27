import { suiteGlobalTeardown } from '../support/suite-global-teardown';

/** Stops the curation suite's Neo4j. */
export default suiteGlobalTeardown({ name: 'curation' });

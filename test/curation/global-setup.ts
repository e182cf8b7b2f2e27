import { suiteGlobalSetup } from '../support/suite-global-setup';

/** The curation suite writes, so it has a Neo4j of its own with the curated graph, apart from the read-only suites. */
export const CURATION_URI_VARIABLE = 'CAREERS_GRAPH_CURATION_NEO4J_URI';

export default suiteGlobalSetup({
  name: 'curation',
  portVariable: 'NEO4J_CURATION_BOLT_PORT',
  defaultPort: 7701,
  seed: true,
  uriVariable: CURATION_URI_VARIABLE,
});

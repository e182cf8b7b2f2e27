import { suiteGlobalSetup } from '../support/suite-global-setup';

/** The property suite's own Neo4j starts empty: each property loads its generated graphs. */
export const PROPERTIES_URI_VARIABLE = 'CAREERS_GRAPH_PROPERTIES_NEO4J_URI';

export default suiteGlobalSetup({
  name: 'properties',
  portVariable: 'NEO4J_PROPERTIES_BOLT_PORT',
  defaultPort: 7700,
  seed: false,
  uriVariable: PROPERTIES_URI_VARIABLE,
});

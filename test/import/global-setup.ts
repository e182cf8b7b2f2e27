import { suiteGlobalSetup } from '../support/suite-global-setup';

/** The import suite writes whole taxonomies, so it has a Neo4j of its own, with the curated graph to cross into. */
export const IMPORT_URI_VARIABLE = 'CAREERS_GRAPH_IMPORT_NEO4J_URI';

export default suiteGlobalSetup({
  name: 'import',
  portVariable: 'NEO4J_IMPORT_BOLT_PORT',
  defaultPort: 7703,
  seed: true,
  uriVariable: IMPORT_URI_VARIABLE,
});

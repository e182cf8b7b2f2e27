import { realData } from '../support/real-data';
import { suiteGlobalSetup } from '../support/suite-global-setup';

/**
 * The real-data suite imports whole published releases (../shared/realdata), so it
 * has a Neo4j of its own, with the curated graph to cross into; none is started
 * when the releases are absent and the suite is skipped.
 */
export const REALDATA_URI_VARIABLE = 'CAREERS_GRAPH_REALDATA_NEO4J_URI';

export default suiteGlobalSetup({
  name: 'realdata',
  portVariable: 'NEO4J_REALDATA_BOLT_PORT',
  defaultPort: 7705,
  seed: true,
  uriVariable: REALDATA_URI_VARIABLE,
  needs: realData,
});

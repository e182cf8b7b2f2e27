export interface SuiteGlobalTeardownOptions {
  /** The suite's name, as given to its suiteGlobalSetup. */
  name: string;
  /** Runs first, whether or not the setup got as far as starting the database. */
  beforeStop?: () => void | Promise<void>;
}

/**
 * A Jest global teardown for one suite: runs `beforeStop`, then stops the local
 * Neo4j its suiteGlobalSetup started, if it started one (even when `beforeStop`
 * throws).
 */
export function suiteGlobalTeardown(options: SuiteGlobalTeardownOptions): () => Promise<void> {
  return async () => {
    try {
      await options.beforeStop?.();
    } finally {
      const neo4j = globalThis.careersGraphSuiteNeo4j?.get(options.name);
      globalThis.careersGraphSuiteNeo4j?.delete(options.name);
      await neo4j?.stop();
    }
  };
}

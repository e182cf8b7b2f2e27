import { prepareGraph } from '../../src/repositories/prepare-graph';
import { connectDatabase } from '../../src/database/connect-database';
import type { LocalNeo4j } from '../../src/database/local-neo4j/local-neo4j';
import { createLogger } from '../../src/logging/logger';
import type { OutsideDependency } from './outside-repo';
import { startSuiteDatabase } from './suite-database';

declare global {
  /** The local Neo4j each suite's global setup started, by suite name, for its global teardown to stop. */
  var careersGraphSuiteNeo4j: Map<string, LocalNeo4j> | undefined;
}

/** A database a suite uses instead of starting one of its own. */
export interface ExternalSuiteDatabase {
  uri: string;
  user: string;
  password: string;
  /** Database name, e.g. `neo4j`. */
  database: string;
}

export interface SuiteGlobalSetupOptions {
  /** Names the suite in logs and its data folder (.neo4j/<name>-data); its global teardown names it the same. */
  name: string;
  /** Environment variable holding the Bolt port of the suite's own Neo4j, e.g. `NEO4J_CURATION_BOLT_PORT`. */
  portVariable: string;
  /** The Bolt port when that variable is unset or empty. */
  defaultPort: number;
  /** Load the curated graph after the migrations; false leaves the graph empty. */
  seed: boolean;
  /** Environment variable that hands the database's URI to the test workers. None by default. */
  uriVariable?: string;
  /**
   * A database to prepare (migrations, and the curated graph if `seed`) and use
   * instead of starting a local Neo4j. None by default.
   */
  external?: ExternalSuiteDatabase | null;
  /** Runs first, before the database is started or prepared. */
  beforeStart?: () => void | Promise<void>;
  /** Runs last, once the database is ready, with its URI. */
  afterStart?: (uri: string) => void | Promise<void>;
  /**
   * Something outside the repository the suite's tests need. When it is absent
   * (and CI is not true, where the tests fail for it) no database is started:
   * the tests are skipped anyway (see describeNeeding).
   */
  needs?: OutsideDependency;
}

/**
 * A Jest global setup for one suite: once per run, a fresh local Neo4j of its own
 * (on the port `portVariable` names, `defaultPort` by default) with the
 * migrations and, if `seed`, the curated graph; or, with `external`, that
 * database prepared the same way. Its URI goes to the workers in `uriVariable`.
 * Pair it with suiteGlobalTeardown of the same name.
 */
export function suiteGlobalSetup(options: SuiteGlobalSetupOptions): () => Promise<void> {
  return async () => {
    if (options.needs && !options.needs.available && process.env.CI !== 'true') return;
    await options.beforeStart?.();
    let uri: string;
    if (options.external) {
      const { uri: externalUri, user, password, database: name } = options.external;
      const database = connectDatabase({ uri: externalUri, user, password, database: name, queryTimeoutMs: 30_000 });
      try {
        await prepareGraph(database, name, options.seed, createLogger('silent'));
      } finally {
        await database.close();
      }
      uri = externalUri;
    } else {
      const boltPort = Number(process.env[options.portVariable] || options.defaultPort);
      const started = await startSuiteDatabase({ name: options.name, boltPort, seed: options.seed });
      globalThis.careersGraphSuiteNeo4j ??= new Map();
      globalThis.careersGraphSuiteNeo4j.set(options.name, started.neo4j);
      uri = started.uri;
    }
    if (options.uriVariable) process.env[options.uriVariable] = uri;
    await options.afterStart?.(uri);
  };
}

import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import { connectDatabase } from './connect-database';
import { loadCypherCatalog } from './cypher-catalog';
import { createDriver, type Database } from './database';
import { startLocalNeo4j, type LocalNeo4j, type LocalNeo4jExit } from './local-neo4j/local-neo4j';

/** A startup failure with a one-line message for the operator. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export interface OpenedDatabase {
  database: Database;
  uri: string;
  /** Closes the driver, then stops the local Neo4j if this process started it. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Use the local Neo4j when one already answers on its port (a command run beside the service). */
  reuseRunningLocal?: boolean;
  /**
   * Called when the local Neo4j this process started exits other than through close():
   * it crashed or was killed, and nothing will start it again. Never called for a
   * database at NEO4J_URI, which the driver reconnects to when it is back.
   */
  onLocalNeo4jExit?: (exit: LocalNeo4jExit) => void;
}

/**
 * Connects to NEO4J_URI when set; otherwise starts the local Neo4j
 * (tools/neo4j-local) and connects to that, or with `reuseRunningLocal` uses the
 * local Neo4j when one already answers on its port. Fails with a StartupError saying
 * what to do when the database cannot be started or reached.
 */
export async function openDatabase(config: Config, logger: Logger, options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const catalog = loadCypherCatalog();
  let local: LocalNeo4j | null = null;
  let uri = config.neo4j.uri;
  if (!uri && options.reuseRunningLocal) {
    // A command run beside the service (an import) uses the local Neo4j the service started.
    const running = `bolt://127.0.0.1:${config.localNeo4j.boltPort}`;
    const probe = createDriver(running, config.neo4j.user, config.neo4j.password);
    try {
      await probe.verifyConnectivity({ database: config.neo4j.database });
      uri = running;
      logger.info({ uri }, 'using the local Neo4j already running');
    } catch {
      // Nothing there: start it below.
    } finally {
      await probe.close();
    }
  }
  if (!uri) {
    logger.info({ boltPort: config.localNeo4j.boltPort, dataDir: config.localNeo4j.dataDir }, 'starting local Neo4j');
    try {
      local = await startLocalNeo4j({
        ...config.localNeo4j,
        password: config.neo4j.password,
        log: (line) => logger.info({ component: 'neo4j-local' }, line),
        ...(options.onLocalNeo4jExit ? { onUnexpectedExit: options.onLocalNeo4jExit } : {}),
      });
    } catch (error) {
      throw new StartupError(`cannot start the local Neo4j: ${messageOf(error)} (or set NEO4J_URI to use another database)`);
    }
    uri = local.uri;
  }
  const database = connectDatabase({
    uri,
    user: config.neo4j.user,
    password: config.neo4j.password,
    database: config.neo4j.database,
    queryTimeoutMs: config.neo4j.queryTimeoutMs,
    catalog,
  });
  try {
    await database.driver.verifyConnectivity({ database: config.neo4j.database });
  } catch (error) {
    await database.close();
    await local?.stop();
    throw new StartupError(`cannot reach Neo4j at ${uri}: ${messageOf(error)} (check NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD)`);
  }
  return {
    database,
    uri,
    close: async () => {
      await database.close();
      await local?.stop();
    },
  };
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}

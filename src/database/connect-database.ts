import { loadCypherCatalog, type CypherCatalog } from './cypher-catalog';
import { createDriver, Database, type DatabaseConnection, type DatabaseOptions } from './database';

export interface ConnectDatabaseOptions extends Omit<DatabaseOptions, 'connection'>, DatabaseConnection {
  /** The Cypher statements. Defaults to the catalog in cypher/queries, read when called. */
  catalog?: CypherCatalog;
}

/**
 * A Database over a new driver with the service's driver settings (createDriver).
 * Nothing is sent to Neo4j until the first statement (or
 * `database.driver.verifyConnectivity()`), so this never fails on an unreachable
 * server; `database.close()` closes the driver.
 */
export function connectDatabase(options: ConnectDatabaseOptions): Database {
  const { uri, user, password, catalog = loadCypherCatalog(), database, queryTimeoutMs, turns } = options;
  return new Database(createDriver(uri, user, password), catalog, { database, queryTimeoutMs, turns, connection: { uri, user, password, database } });
}

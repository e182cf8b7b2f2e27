import { connectDatabase } from '../../src/database/connect-database';
import type { CypherCatalog } from '../../src/database/cypher-catalog';
import type { Database } from '../../src/database/database';
import { createLogger, type Logger } from '../../src/logging/logger';
import { createApp, type AppOptions } from '../../src/server/create-app';
import { TEST_URI_VARIABLE, testDatabase } from './test-database';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: { queryStats?: { cypherRoundTrips: number } } & Record<string, unknown>;
}

export interface TestApi {
  baseUrl: string;
  database: Database;
  /** POSTs a GraphQL document to the running server. */
  query<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * A cost limit for suites that check how deep queries are read (statements, batching) rather than what they
 * may cost: their nested lists, each assumed as long as on the real releases, are estimated at up to about
 * 4,000,000 (five roles, each with its skills and the roles of each), far over the default limit.
 */
export const DEEP_QUERIES_COST_LIMIT = 10_000_000;

/** What a test may change in the service it starts, besides the app's options. */
export interface TestApiSetup {
  /** The Cypher statements, e.g. the real catalog with one swapped. Defaults to cypher/queries. */
  catalog?: CypherCatalog;
  /** Time limit of every transaction. Defaults to 10 s. */
  queryTimeoutMs?: number;
  /** Where the server logs. Defaults to stdout at TEST_LOG_LEVEL, silent when unset. */
  logger?: Logger;
}

/**
 * The real service (HTTP server, Apollo, driver) on an ephemeral loopback port,
 * over the integration suite's Neo4j, or the database at `uri`.
 */
export async function startTestApi(
  uri = process.env[TEST_URI_VARIABLE],
  options: AppOptions = {},
  setup: TestApiSetup = {},
): Promise<TestApi> {
  if (!uri) throw new Error('the suite global setup did not run');
  const database = connectDatabase({
    uri,
    user: testDatabase.user,
    password: testDatabase.password,
    database: testDatabase.database,
    queryTimeoutMs: setup.queryTimeoutMs ?? 10_000,
    catalog: setup.catalog,
  });
  // TEST_LOG_LEVEL=error shows what the server logs, e.g. masked errors in full.
  // A budget no suite spends, and room for every request a test sends at once, unless a test asks for others.
  const logger = setup.logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const app = await createApp(database, logger, {
    budget: { points: 100_000_000, windowSeconds: 60 },
    admission: { maxInFlight: 64, maxQueued: 1_000, maxHeavyInFlight: 64, maxPerClient: 1_000, maxHeavyStatements: 64 },
    ...options,
  });
  const port = await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    database,
    async query(query, variables, headers = {}) {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
    },
    async close() {
      await app.stop();
      await database.close();
    },
  };
}

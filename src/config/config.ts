import path from 'node:path';
import { z } from 'zod';
import { apiKeysSchema, type ApiKey } from '../auth/api-keys';
import { curationTokensSchema, type CuratorToken } from '../auth/curator-tokens';
import type { LogFormat } from '../logging/log-format';
import { corsOriginsSchema } from './cors-origins';
import { repoRoot } from './repo-root';

/**
 * How far the heap of a rebuild of the kept neighbours may grow by default, in MB
 * (NEIGHBOURS_HEAP_MB; the rebuild runs in a child process, role-neighbours-process.ts):
 * on O*NET + ESCO it fails under 128 and completes under 192.
 */
export const DEFAULT_NEIGHBOURS_HEAP_MB = 2048;

const memorySize = z.string().regex(/^\d+[kmg]$/i, 'a size such as 512m or 1g');
const port = z.coerce.number().int().min(1).max(65535);
const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/**
 * Every environment variable the service reads, with its default. The README's
 * configuration table is this schema in prose; keep the two in step.
 */
/** The admission limits when none are configured (the variables' defaults, and createApp's). */
export const DEFAULT_ADMISSION: AdmissionOptions = { maxInFlight: 16, maxQueued: 32, maxHeavyInFlight: 4, maxPerClient: 8, maxHeavyStatements: 2 };

/** The HTTP limits when none are configured. Node's own would hold a connection that trickles its body for 300 s, and accept any number of them. */
export const DEFAULT_HTTP_LIMITS: HttpLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 1_000 };

const environmentSchema = z.object({
  /** HTTP port of the API; 0 picks a free one. Defaults to 4000. */
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Address the API listens on. Defaults to loopback only. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** pino log level. Defaults to info. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `json` or `pretty`. Unset: pretty in a terminal (stdout is a TTY), JSON lines otherwise. */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  /** An existing Neo4j to use (bolt://, neo4j://, neo4j+s://...). Unset: start a local one. */
  NEO4J_URI: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'a bolt:// or neo4j:// URI').optional(),
  /** Database user. Defaults to neo4j. */
  NEO4J_USER: z.string().min(1).default('neo4j'),
  /** Database password. Required with NEO4J_URI; the local database defaults to a fixed loopback-only one. */
  NEO4J_PASSWORD: z.string().min(1).optional(),
  /** Database name. Defaults to neo4j. */
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  /** Time limit of every transaction the API runs, in milliseconds. Defaults to 10000. */
  NEO4J_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Bolt port of the local Neo4j. Defaults to 7687. */
  NEO4J_LOCAL_BOLT_PORT: port.default(7687),
  /** Folder of the local Neo4j's database files. Defaults to .neo4j/data in the repository. */
  NEO4J_LOCAL_DATA_DIR: z.string().min(1).default('.neo4j/data'),
  /** JVM heap of the local Neo4j (both -Xms and -Xmx). Defaults to 512m. */
  NEO4J_LOCAL_HEAP: memorySize.default('512m'),
  /** Page cache of the local Neo4j. Defaults to 128m. */
  NEO4J_LOCAL_PAGECACHE: memorySize.default('128m'),
  /** How much transaction log the local Neo4j keeps after a checkpoint (db.tx_log.rotation.retention_policy). */
  NEO4J_LOCAL_TX_LOG_RETENTION: z
    .string()
    .trim()
    .regex(/^(true|false|\d+[kKmMgG]? (files|size|txs|entries|hours|days))$/, "true, false or '<amount> <files|size|txs|entries|hours|days>', e.g. '128M size'")
    .default('128M size'),
  /** Load the curated graph (idempotently) at start. Defaults to true. */
  SEED_CURATED: flag.default(true),
  /**
   * How far the heap of a rebuild of the kept neighbours may grow, in MB: it runs in a
   * child process of its own (role-neighbours-process.ts). Defaults to 2048.
   */
  NEIGHBOURS_HEAP_MB: z.coerce.number().int().min(64).max(65_536).default(DEFAULT_NEIGHBOURS_HEAP_MB),
  /** `production` turns off field suggestions and (unless INTROSPECTION=true) introspection. */
  NODE_ENV: z.string().default('development'),
  /** Schema introspection. Defaults to true, or false when NODE_ENV=production. */
  INTROSPECTION: flag.optional(),
  /** Most estimated cost of one operation (see docs/api.md#limits); at most RATE_LIMIT_BUDGET. Unset: the server's, 50000. */
  COST_LIMIT: z.coerce.number().int().min(100).optional(),
  /** Cost each client (configured API key, else address) may spend per window. Defaults to 100000. */
  RATE_LIMIT_BUDGET: z.coerce.number().int().min(1).default(100_000),
  /** Length of the budget window in seconds. Defaults to 60. */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** A Redis keeping the budgets, shared by every replica using it (redis:// or rediss://). Unset: each process keeps its own. */
  REDIS_URL: z.string().regex(/^rediss?:\/\/.+/, 'a redis:// or rediss:// URL').optional(),
  /** Time to receive a request's headers, in ms. Defaults to 10000. */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_HTTP_LIMITS.headersTimeoutMs),
  /** Time to receive a whole request (headers and body), in ms; not the time to answer. Defaults to 30000. */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_HTTP_LIMITS.requestTimeoutMs),
  /** Time an idle kept-alive connection stays open, in ms. Defaults to 5000. */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(DEFAULT_HTTP_LIMITS.keepAliveTimeoutMs),
  /** HTTP connections open at once; more are closed as they arrive. Defaults to 1000. */
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_HTTP_LIMITS.maxConnections),
  /** GraphQL operations running at once in this process (admission control). Defaults to 16. */
  MAX_OPERATIONS_IN_FLIGHT: z.coerce.number().int().min(1).max(1_000).default(DEFAULT_ADMISSION.maxInFlight),
  /** Operations waiting for a slot; beyond them a request is refused at once (OVERLOADED, 503). Defaults to 32. */
  MAX_OPERATIONS_QUEUED: z.coerce.number().int().min(0).max(10_000).default(DEFAULT_ADMISSION.maxQueued),
  /** Of the running operations, how many may be heavy (recommendations, paths, career moves, costly lists). Defaults to 4. */
  MAX_HEAVY_OPERATIONS_IN_FLIGHT: z.coerce.number().int().min(1).max(1_000).default(DEFAULT_ADMISSION.maxHeavyInFlight),
  /** Operations one client may have running or waiting; beyond: CONCURRENCY_LIMITED (429). Defaults to 8. */
  MAX_OPERATIONS_PER_CLIENT: z.coerce.number().int().min(1).max(1_000).default(DEFAULT_ADMISSION.maxPerClient),
  /** Statements of heavy operations running in Neo4j at once, all operations together. Defaults to 2. */
  MAX_HEAVY_STATEMENTS_IN_FLIGHT: z.coerce.number().int().min(1).max(1_000).default(DEFAULT_ADMISSION.maxHeavyStatements),
  /**
   * Curators allowed to write: comma-separated `name:token` pairs, each token 32 to
   * 512 printable characters. Unset: every mutation is refused (UNAUTHENTICATED).
   */
  CURATION_TOKENS: curationTokensSchema.optional(),
  /**
   * Clients with a budget of their own: comma-separated `name:key` pairs, each key 32
   * to 512 printable characters, sent as `x-api-key`. Unset: no keys; a request with
   * any `x-api-key` is refused (UNAUTHENTICATED) and every client is its address.
   */
  API_KEYS: apiKeysSchema.optional(),
  /**
   * Origins whose pages may call the API from a browser (CORS): comma-separated,
   * each as the browser sends it (`https://app.example.org`). Unset: same origin only.
   */
  CORS_ORIGINS: corsOriginsSchema.optional(),
});

/** The local Neo4j's password when none is given: it listens on loopback only. */
export const LOCAL_NEO4J_PASSWORD = 'careers-graph-local';

export interface Config {
  port: number;
  host: string;
  logLevel: string;
  /** Unset: chosen by whether stdout is a terminal (see chooseLogFormat). */
  logFormat: LogFormat | undefined;
  neo4j: {
    /** Null: start the local database. */
    uri: string | null;
    user: string;
    password: string;
    database: string;
    queryTimeoutMs: number;
  };
  localNeo4j: { boltPort: number; dataDir: string; heap: string; pageCache: string; txLogRetention: string };
  seedCurated: boolean;
  /** The heap ceiling of a rebuild of the kept neighbours, in MB. */
  neighboursHeapMb: number;
  production: boolean;
  introspection: boolean;
  /** Most estimated cost of one operation; undefined: the server's (LIMITS.maxCost). */
  maxCost: number | undefined;
  budget: { points: number; windowSeconds: number };
  admission: AdmissionOptions;
  http: HttpLimits;
  /** Where budgets are kept when shared; null: in the process. */
  redisUrl: string | null;
  /** Who may run mutations; empty: nobody. */
  curationTokens: CuratorToken[];
  /** API keys giving their client a budget of its own; empty: none, every client is its address. */
  apiKeys: ApiKey[];
  /** Origins allowed to call the API from a browser; empty: same origin only. */
  corsOrigins: string[];
}

/**
 * How many operations may reach the database at once (src/server/admission.ts).
 * Neo4j on a few cores answers no faster with more statements in flight, it only
 * queues them itself (a queue with no bound, ending in QUERY_TIMEOUT); admission
 * keeps the wait short and bounded, and beyond it refuses at once with Retry-After.
 */
export interface AdmissionOptions {
  /** Operations running at once in this process. */
  maxInFlight: number;
  /** Operations waiting for one of those slots; beyond: OVERLOADED (503). */
  maxQueued: number;
  /** Of the running operations, how many may be heavy (see isHeavy): the rest stay free for cheap reads. */
  maxHeavyInFlight: number;
  /** Operations of one client running or waiting at once; beyond: CONCURRENCY_LIMITED (429). */
  maxPerClient: number;
  /**
   * Statements of heavy operations running in Neo4j at once. One operation may send
   * many at once (15 aliased path searches are 15 statements): this keeps the
   * database's cores from being taken by them all.
   */
  maxHeavyStatements: number;
}

/** How long the HTTP server waits for a client, and how many connections it holds. */
export interface HttpLimits {
  /** Time to receive a request's headers. */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included (not to answer it); over it: 408 and the connection closed. */
  requestTimeoutMs: number;
  /** Time an idle kept-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Connections open at once; more are closed as they arrive. */
  maxConnections: number;
}

/** Thrown with a message naming every variable to fix. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once, failing fast with what to set. */
export function loadConfig(environment: NodeJS.ProcessEnv): Config {
  const parsed = environmentSchema.safeParse(withoutEmptyValues(environment));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const env = parsed.data;
  if (env.NEO4J_URI && !env.NEO4J_PASSWORD) {
    throw new ConfigError('Invalid configuration: NEO4J_PASSWORD must be set when NEO4J_URI is set');
  }
  // An operation is charged its estimate before it runs: one over the whole budget could never run.
  if (env.COST_LIMIT !== undefined && env.COST_LIMIT > env.RATE_LIMIT_BUDGET) {
    throw new ConfigError(`Invalid configuration: COST_LIMIT (${env.COST_LIMIT}) must not exceed RATE_LIMIT_BUDGET (${env.RATE_LIMIT_BUDGET})`);
  }
  return {
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT,
    neo4j: {
      uri: env.NEO4J_URI ?? null,
      user: env.NEO4J_USER,
      password: env.NEO4J_PASSWORD ?? LOCAL_NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE,
      queryTimeoutMs: env.NEO4J_QUERY_TIMEOUT_MS,
    },
    localNeo4j: {
      boltPort: env.NEO4J_LOCAL_BOLT_PORT,
      dataDir: path.resolve(repoRoot(), env.NEO4J_LOCAL_DATA_DIR),
      heap: env.NEO4J_LOCAL_HEAP,
      pageCache: env.NEO4J_LOCAL_PAGECACHE,
      txLogRetention: env.NEO4J_LOCAL_TX_LOG_RETENTION,
    },
    seedCurated: env.SEED_CURATED,
    neighboursHeapMb: env.NEIGHBOURS_HEAP_MB,
    production: env.NODE_ENV === 'production',
    introspection: env.INTROSPECTION ?? env.NODE_ENV !== 'production',
    maxCost: env.COST_LIMIT,
    budget: { points: env.RATE_LIMIT_BUDGET, windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS },
    admission: {
      maxInFlight: env.MAX_OPERATIONS_IN_FLIGHT,
      maxQueued: env.MAX_OPERATIONS_QUEUED,
      maxHeavyInFlight: env.MAX_HEAVY_OPERATIONS_IN_FLIGHT,
      maxPerClient: env.MAX_OPERATIONS_PER_CLIENT,
      maxHeavyStatements: env.MAX_HEAVY_STATEMENTS_IN_FLIGHT,
    },
    redisUrl: env.REDIS_URL ?? null,
    http: {
      headersTimeoutMs: Math.min(env.HTTP_HEADERS_TIMEOUT_MS, env.HTTP_REQUEST_TIMEOUT_MS),
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: env.HTTP_MAX_CONNECTIONS,
    },
    curationTokens: env.CURATION_TOKENS ?? [],
    apiKeys: env.API_KEYS ?? [],
    corsOrigins: env.CORS_ORIGINS ?? [],
  };
}

/** An empty variable (`FOO=`) means "unset", as in most twelve-factor services. */
function withoutEmptyValues(environment: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
}

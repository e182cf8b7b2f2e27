import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import compression from 'compression';
import type { Redis } from 'ioredis';
import express, { type ErrorRequestHandler } from 'express';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ApiKeys, type ApiKey } from '../auth/api-keys';
import { CuratorTokens, type CuratorToken } from '../auth/curator-tokens';
import { repoRoot } from '../config/repo-root';
import { DEFAULT_HTTP_LIMITS, DEFAULT_NEIGHBOURS_HEAP_MB, type HttpLimits } from '../config/config';
import type { Database } from '../database/database';
import { ErrorCode } from '../errors/error-code';
import { resolvers } from '../graphql/resolvers';
import type { Logger } from '../logging/logger';
import { createMetrics } from './metrics';
import { Admission, DEFAULT_ADMISSION, type AdmissionOptions } from './admission';
import { clientBudget, clientKey, createBudgetLimiter, type BudgetOptions } from './client-budget';
import { createContext, type Context } from '../graphql/context';
import { corsMiddleware } from './cors';
import { createCostPlugin } from './cost.plugin';
import { BEARER_CHALLENGE, curationPlugin } from './curation.plugin';
import { explorerRouter } from './explorer';
import { createFormatError } from './format-error';
import { liveHandler, readyHandler } from './health';
import { IDE_PAGE, ideHandlers, ideRedirect } from './ide';
import { LIMITS } from './limits';
import { listCapsPlugin } from './list-caps';
import { loadTypeDefs } from '../graphql/load-type-defs';
import { queryLimits } from './query-limits';
import { requestStatsPlugin } from './request-stats.plugin';
import { NEIGHBOURS_REFRESH_TIMEOUT_MS, RoleNeighboursRefresher } from '../database/role-neighbours';
import { RoleNeighboursProcess } from '../database/role-neighbours-process';
import { schemaSdl } from './schema-sdl';

export interface AppOptions {
  /** Production mode: no field suggestions, introspection off unless `introspection`. Defaults to false. */
  production?: boolean;
  /** Schema introspection. Defaults to on outside production, off in it. */
  introspection?: boolean;
  /** Most estimated cost of one operation. Defaults to LIMITS.maxCost. */
  maxCost?: number;
  /** Cost budget per client and window. Defaults to 100,000 per 60 s. */
  budget?: BudgetOptions;
  /** Operations in flight per process and per client (see admission.ts). Defaults to DEFAULT_ADMISSION. */
  admission?: AdmissionOptions;
  /** A Redis client: budgets are kept there, shared by every process using it. Defaults to none: in this process's memory. */
  redis?: Redis;
  /** HTTP timeouts and the connection cap. Defaults to DEFAULT_HTTP_LIMITS. */
  http?: HttpLimits;
  /** Curators allowed to run mutations. Defaults to none: every mutation is refused. */
  curationTokens?: readonly CuratorToken[];
  /** API keys that give their client a budget of its own. Defaults to none: every `x-api-key` is refused. */
  apiKeys?: readonly ApiKey[];
  /** The built explorer (index.html, ide.html and assets/), served at /, its pages and /ide. Defaults to dist/web in the repository. */
  explorerDir?: string;
  /** Origins whose pages may call /graphql and /schema.graphql from a browser. Defaults to none: same origin only. */
  corsOrigins?: readonly string[];
  /** How far a rebuild of the kept neighbours (in a child process) may grow its heap, in MB. Defaults to DEFAULT_NEIGHBOURS_HEAP_MB. */
  neighboursHeapMb?: number;
}

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting requests and lets in-flight ones finish. */
  stop(): Promise<void>;
}

export const DEFAULT_BUDGET: BudgetOptions = { points: 100_000, windowSeconds: 60 };
/** How long the process of the neighbour rebuilds outlives its last rebuild. */
const NEIGHBOURS_PROCESS_IDLE_MS = 30_000;


/**
 * Errors raised outside Apollo (mostly the body parser: too large, not JSON, an
 * unknown encoding or charset), answered as GraphQL errors with their HTTP status. Express's own handler would answer with an HTML page and, outside
 * production, a stack trace.
 */
function requestErrors(logger: Logger): ErrorRequestHandler {
  return (error: { type?: string; status?: number; limit?: number; expose?: boolean; message?: string }, _request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    let body: { message: string; code: ErrorCode };
    if (error.type === 'entity.too.large') {
      body = { message: `Request body over ${error.limit ?? LIMITS.maxBodyBytes} bytes.`, code: ErrorCode.PAYLOAD_TOO_LARGE };
    } else if (error.type === 'entity.parse.failed') {
      body = { message: 'Request body is not valid JSON.', code: ErrorCode.BAD_USER_INPUT };
    } else if (status < 500 && error.expose && error.message) {
      // The body parser's client errors (encoding, charset, aborted requests) say what was wrong and nothing internal.
      body = { message: error.message, code: ErrorCode.BAD_USER_INPUT };
    } else {
      logger.error({ err: error }, 'unexpected error before GraphQL execution');
      body = { message: 'Unexpected error.', code: ErrorCode.INTERNAL_SERVER_ERROR };
    }
    response.status(status).json({ errors: [{ message: body.message, extensions: { code: body.code } }] });
  };
}

/**
 * Reads the API key and the bearer token before the body: a request with an unknown
 * key or an invalid token is refused at once (401), and a curator's request may carry
 * a larger body (a whole dataset to import) than an anonymous one.
 */
function authenticate(tokens: CuratorTokens, apiKeys: ApiKeys): express.RequestHandler {
  const publicBody = express.json({ limit: LIMITS.maxBodyBytes });
  const curatorBody = express.json({ limit: LIMITS.maxCuratorBodyBytes });
  return (request, response, next) => {
    const client = apiKeys.identify(request.get('x-api-key'));
    if (client.kind === 'invalid') {
      response.status(401).json({ errors: [{ message: client.reason, extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
      return;
    }
    response.locals.apiClient = client.kind === 'key' ? client.name : null;
    const authentication = tokens.authenticate(request.get('authorization'));
    if (authentication.kind === 'invalid') {
      response
        .status(401)
        .set('www-authenticate', BEARER_CHALLENGE)
        .json({ errors: [{ message: authentication.reason, extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
      return;
    }
    response.locals.curator = authentication.kind === 'curator' ? authentication.curator : null;
    (authentication.kind === 'curator' ? curatorBody : publicBody)(request, response, next);
  };
}

/**
 * The HTTP server: POST/GET /graphql, GET /schema.graphql, GET /health, GET /metrics, the
 * explorer's pages and the IDE at /ide, every answer compressed when the client
 * accepts it. Does not listen until asked.
 */
export async function createApp(database: Database, logger: Logger, options: AppOptions = {}): Promise<App> {
  const production = options.production ?? false;
  const budgetOptions = options.budget ?? DEFAULT_BUDGET;
  const limiter = createBudgetLimiter(budgetOptions, options.redis);

  const tokens = new CuratorTokens(options.curationTokens ?? []);
  const apiKeys = new ApiKeys(options.apiKeys ?? []);
  // Rebuilds after writes run in a child process, kept while writes come and ended when idle.
  const neighboursProcess = new RoleNeighboursProcess(database, { heapMb: options.neighboursHeapMb ?? DEFAULT_NEIGHBOURS_HEAP_MB, idleMs: NEIGHBOURS_PROCESS_IDLE_MS });
  const neighbours = new RoleNeighboursRefresher(
    () => neighboursProcess.refresh({ timeoutMs: NEIGHBOURS_REFRESH_TIMEOUT_MS }),
    (error) => logger.error({ err: error }, 'role neighbours refresh failed'),
  );
  const introspection = options.introspection ?? !production;
  const limits = queryLimits({ introspection });
  const sdl = schemaSdl(introspection);
  const admission = new Admission(options.admission ?? DEFAULT_ADMISSION);
  const metrics = createMetrics(database, admission);
  const app = express();
  const httpLimits = options.http ?? DEFAULT_HTTP_LIMITS;
  const httpServer = http.createServer(
    {
      headersTimeout: httpLimits.headersTimeoutMs,
      requestTimeout: httpLimits.requestTimeoutMs,
      keepAliveTimeout: httpLimits.keepAliveTimeoutMs,
      // How often Node looks for requests past those times (its default, 30 s, would let one run 30 s over).
      connectionsCheckingInterval: Math.min(1_000, httpLimits.headersTimeoutMs),
    },
    app,
  );
  httpServer.maxConnections = httpLimits.maxConnections;
  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers,
    formatError: createFormatError(logger, { hideSuggestions: production }),
    includeStacktraceInErrorResponses: false,
    // Apollo's switch only adds its own rule against introspection, whose message names
    // Apollo's constructor; queryLimits adds ours, naming INTROSPECTION, when it is off.
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT: stop HTTP, then the driver, then Neo4j, in that order.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    validationRules: limits.validationRules,
    // Let a request in flight at shutdown run to its time limit, plus Neo4j's ~2 s
    // timeout check, before its connection is cut.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: database.queryTimeoutMs + 5_000 }),
      // The schema gives no cache hints, so Apollo's default cache-control plugin would
      // only add a hook to every resolved field; answers are per query, never cached.
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's landing pages load from a CDN; browsers are sent to the bundled IDE instead.
      ApolloServerPluginLandingPageDisabled(),
      curationPlugin,
      ...limits.plugins,
      // Before the cost plugin: Apollo runs these hooks together, and the first to refuse is the one reported.
      listCapsPlugin,
      createCostPlugin(options.maxCost),
      requestStatsPlugin,
      metrics.plugin,
      sdl.plugin,
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // gzip or brotli as the client asks, for JSON and the explorer's files alike (compressible types over 1 kB).
  app.use(compression());
  const ready = readyHandler(database, { writes: (options.curationTokens ?? []).length > 0 });
  app.get(['/health', '/health/ready'], ready);
  app.get('/health/live', liveHandler);
  app.get('/metrics', metrics.handler);
  const cors = corsMiddleware(options.corsOrigins ?? []);
  if (cors) app.use(['/graphql', '/schema.graphql'], cors);
  app.get('/schema.graphql', sdl.handler);
  app.use(
    '/graphql',
    ideRedirect,
    authenticate(tokens, apiKeys),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const apiClient = (res.locals.apiClient as string | null | undefined) ?? null;
        const key = clientKey(apiClient, req.ip);
        const requestId = randomUUID();
        res.set('x-request-id', requestId);
        // Every line the request logs names the client its API key was issued to (never the key).
        const requestLogger = apiClient === null ? logger : logger.child({ apiClient });
        return createContext(
          database,
          requestLogger,
          clientBudget(limiter, key, budgetOptions),
          requestId,
          res.locals.curator ?? null,
          neighbours,
          admission.forRequest(key),
        );
      },
    }),
  );
  const explorerDir = options.explorerDir ?? path.join(repoRoot(), 'dist', 'web');
  const explorer = explorerRouter(explorerDir);
  if (!explorer.built) logger.warn('the explorer is not built (npm run build): only the API is served');
  app.get(IDE_PAGE, ...ideHandlers(explorerDir));
  app.use(explorer.router);
  app.use((_request, response) => {
    response.status(404).json({ errors: [{ message: 'Not found: the API is at /graphql (and /health).', extensions: { code: ErrorCode.NOT_FOUND } }] });
  });
  app.use(requestErrors(logger));

  return {
    httpServer,
    apollo,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    stop: async () => {
      // Refuse new connections at once: the drain plugin closes the listener only after a turn of
      // the event loop, and a connection accepted in between would be ended unanswered.
      if (httpServer.listening) httpServer.close();
      await apollo.stop();
      await neighbours.idle();
      await neighboursProcess.close();
    },
  };
}

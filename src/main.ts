import type { Redis } from 'ioredis';
import { ConfigError, loadConfig } from './config/config';
import { prepareGraph } from './repositories/prepare-graph';
import { openDatabase, type OpenedDatabase } from './database/open-database';
import { describeExit, type LocalNeo4jExit } from './database/local-neo4j/local-neo4j';
import { createLogger } from './logging/logger';
import { createApp, type App } from './server/create-app';
import { connectRedis } from './server/redis';

/** The exit code when the local Neo4j dies under the service. */
const DATABASE_LOST_EXIT_CODE = 1;
/** How long the requests in flight get to finish (they fail fast without a database) before that exit. */
const DATABASE_LOST_DRAIN_MS = 5_000;

/**
 * Starts the database (or connects to NEO4J_URI), prepares the graph, serves the API.
 *
 * SIGTERM and SIGINT stop it in order: no new connections, the requests in flight
 * answered, the driver closed, the local Neo4j stopped, exit 0. `npm start` execs
 * this process (no shell in between), so a signal reaches it whether it is sent to
 * npm (which forwards SIGTERM and SIGINT to its child), to this process or to the
 * terminal's process group; in the last case it comes twice (once from the terminal,
 * once forwarded by npm), so a repeated signal is noted and otherwise ignored.
 * When the local Neo4j it started dies, it exits 1 (see databaseLost).
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel, { format: config.logFormat });
  /** What is up so far, for shutdown() to stop. */
  const running: { opened?: OpenedDatabase; app?: App; redis?: Redis } = {};
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.info({ signal }, 'already shutting down');
      return;
    }
    stopping = true;
    // stop() closes the listener before it first waits, so once this line is out no new connection is accepted.
    const appStopped = running.app?.stop();
    logger.info({ signal }, 'shutting down');
    let code = 0;
    try {
      await appStopped;
    } catch (error) {
      logger.error({ err: error }, 'the HTTP server did not stop cleanly');
      code = 1;
    }
    // Before the database is open there is nothing to close: the exit handler of the local
    // Neo4j stops one still starting.
    await running.opened?.close();
    running.redis?.disconnect();
    logger.info('stopped');
    process.exit(code);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void shutdown(signal));

  /**
   * The local Neo4j this process started is gone (crashed, killed, out of memory) and
   * nothing here starts it again: answering SERVICE_UNAVAILABLE for ever would hide it.
   * Say so at fatal level, stop taking requests, and exit non-zero, so that whatever
   * supervises the service (systemd, a container runtime, a process manager) restarts
   * it, Neo4j with it. A database at NEO4J_URI is not ours to restart: the driver
   * reconnects when it is back, and nothing calls this.
   */
  const databaseLost = async (exit: LocalNeo4jExit) => {
    if (stopping) return;
    stopping = true;
    // stop() closes the listener at once; requests in flight fail fast without the database.
    const appStopped = running.app?.stop();
    logger.fatal(
      { exitCode: exit.code, signal: exit.signal, logFile: exit.logFile },
      `the local Neo4j exited unexpectedly (${describeExit(exit)}); its log is ${exit.logFile}. Exiting with code ${DATABASE_LOST_EXIT_CODE} so that a supervisor restarts the service`,
    );
    await Promise.race([appStopped?.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, DATABASE_LOST_DRAIN_MS))]);
    await running.opened?.close().catch(() => undefined);
    process.exit(DATABASE_LOST_EXIT_CODE);
  };

  const opened = await openDatabase(config, logger, { onLocalNeo4jExit: (exit) => void databaseLost(exit) });
  running.opened = opened;
  try {
    await prepareGraph(opened.database, config.neo4j.database, config.seedCurated, logger, { neighboursHeapMb: config.neighboursHeapMb });
    if (config.redisUrl) running.redis = connectRedis(config.redisUrl, logger);
    const app = await createApp(opened.database, logger, {
      redis: running.redis,
      production: config.production,
      introspection: config.introspection,
      maxCost: config.maxCost,
      budget: config.budget,
      admission: config.admission,
      http: config.http,
      curationTokens: config.curationTokens,
      apiKeys: config.apiKeys,
      corsOrigins: config.corsOrigins,
      neighboursHeapMb: config.neighboursHeapMb,
    });
    running.app = app;
    const port = await app.listen(config.port, config.host);
    const base = `http://${config.host}:${port}`;
    const addresses = { api: `${base}/graphql`, explorer: `${base}/`, ide: `${base}/ide` };
    logger.info({ neo4j: opened.uri }, `careers-graph ready at ${addresses.api} (explorer ${addresses.explorer}, IDE ${addresses.ide})`);
  } catch (error) {
    if (stopping) return; // a signal came during the start: shutdown() finishes the job
    await opened.close();
    throw error;
  }
}

main().catch((error: unknown) => {
  // One clear line, no stack dump: the operator needs what to fix, not our internals.
  const message = error instanceof Error ? error.message : String(error);
  const hint = error instanceof ConfigError ? '' : ' (set LOG_LEVEL=debug for details)';
  process.stderr.write(`careers-graph: ${message.split('\n')[0]}${hint}\n`);
  if (process.env.LOG_LEVEL === 'debug') process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
  process.exit(1);
});

import { ConfigError, loadConfig } from './config/config';
import { prepareGraph } from './repositories/prepare-graph';
import { openDatabase, type OpenedDatabase } from './database/open-database';
import { createLogger } from './logging/logger';
import { createApp, type App } from './server/create-app';

/**
 * Starts the database (or connects to NEO4J_URI), prepares the graph, serves the API.
 *
 * SIGTERM and SIGINT stop it in order: no new connections, the requests in flight
 * answered, the driver closed, the local Neo4j stopped, exit 0. `npm start` execs
 * this process (no shell in between), so a signal reaches it whether it is sent to
 * npm (which forwards SIGTERM and SIGINT to its child), to this process or to the
 * terminal's process group; in the last case it comes twice (once from the terminal,
 * once forwarded by npm), so a repeated signal is noted and otherwise ignored.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel, { format: config.logFormat });
  /** What is up so far, for shutdown() to stop. */
  const running: { opened?: OpenedDatabase; app?: App } = {};
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
    logger.info('stopped');
    process.exit(code);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void shutdown(signal));

  const opened = await openDatabase(config, logger);
  running.opened = opened;
  try {
    await prepareGraph(opened.database, config.neo4j.database, config.seedCurated, logger);
    const app = await createApp(opened.database, logger, {
      production: config.production,
      introspection: config.introspection,
      budget: config.budget,
      curationTokens: config.curationTokens,
      apiKeys: config.apiKeys,
      corsOrigins: config.corsOrigins,
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

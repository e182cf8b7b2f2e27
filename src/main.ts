import { ConfigError, loadConfig } from './config/config';
import { prepareGraph } from './repositories/prepare-graph';
import { openDatabase } from './database/open-database';
import { createLogger } from './logging/logger';
import { createApp } from './server/create-app';

/** Starts the database (or connects to NEO4J_URI), prepares the graph, serves the API. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const opened = await openDatabase(config, logger);
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app?.stop();
    await opened.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  try {
    await prepareGraph(opened.database, config.neo4j.database, config.seedCurated, logger);
    app = await createApp(opened.database, logger, {
      production: config.production,
      introspection: config.introspection,
      budget: config.budget,
      curationTokens: config.curationTokens,
      corsOrigins: config.corsOrigins,
    });
    const port = await app.listen(config.port, config.host);
    logger.info({ neo4j: opened.uri }, `careers-graph ready at http://${config.host}:${port}/graphql`);
  } catch (error) {
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

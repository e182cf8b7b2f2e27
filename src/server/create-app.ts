import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express from 'express';
import http from 'node:http';
import type { Database } from '../database/database';
import { resolvers } from '../graphql/resolvers';
import type { Logger } from '../logging/logger';
import { createContext, type Context } from './context';
import { createFormatError } from './format-error';
import { healthHandler } from './health';
import { loadTypeDefs } from './load-type-defs';
import { requestStatsPlugin } from './request-stats-plugin';

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting requests and lets in-flight ones finish. */
  stop(): Promise<void>;
}

/** The HTTP server: POST/GET /graphql and GET /health. Does not listen until asked. */
export async function createApp(database: Database, logger: Logger): Promise<App> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers,
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), requestStatsPlugin],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.get('/health', healthHandler(database));
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, { context: async () => createContext(database, logger) }),
  );

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
    stop: () => apollo.stop(),
  };
}

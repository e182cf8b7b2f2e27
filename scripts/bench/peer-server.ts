/**
 * What the benchmark's GraphQL peers share (neo4j-graphql-server.ts, naive-server.ts):
 * a driver on NEO4J_URI that counts its statements, and the same HTTP stack as the
 * service (Apollo Server on Express) without the service's limits and logs, with
 * GET /round-trips for the benchmark and a `<TAG>_READY <url>` line once it listens.
 */
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { createDriver } from '../../src/database/database';
import { countingDriver } from './round-trips';

const uri = process.env.NEO4J_URI;
if (!uri) throw new Error('NEO4J_URI is required');

/** The peer's driver; `roundTrips()` is the number of statements it has sent. */
export const { driver, count: roundTrips } = countingDriver(
  createDriver(uri, process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
);

/** Starts `makeServer`'s Apollo Server on 127.0.0.1 ($PORT or a free port) and stops it, with the driver, on SIGTERM or SIGINT. */
export function servePeer(name: string, readyTag: string, makeServer: () => Promise<ApolloServer>): void {
  const main = async () => {
    const server = await makeServer();
    await server.start();
    const app = express();
    // Statements sent so far, read by the benchmark before and after a sequential sample.
    app.get('/round-trips', (_request, response) => void response.json({ count: roundTrips() }));
    app.use('/graphql', express.json({ limit: '100kb' }), expressMiddleware(server, { context: async () => ({}) }));
    const listener = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
      const { port } = listener.address() as AddressInfo;
      process.stdout.write(`${readyTag}_READY http://127.0.0.1:${port}/graphql\n`);
    });
    const stop = () => listener.close(() => void server.stop().then(() => driver.close()).then(() => process.exit(0)));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  };
  main().catch((error: unknown) => {
    process.stderr.write(`${name} peer: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}

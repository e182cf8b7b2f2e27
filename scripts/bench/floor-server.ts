/**
 * The floor of the benchmark: the service's own Cypher statements, run through
 * neo4j-driver and answered as JSON over plain HTTP, with no GraphQL. The
 * benchmark compares the service with this, so that what GraphQL, validation,
 * batching and serialization cost is measured apart from what the database costs.
 *
 *   POST / {"kind": "<kind>", "params": {...}}  ->  200 {"rows": [...]}
 *   GET /round-trips                            ->  200 {"count": <statements sent so far>}
 *
 * Prints `FLOOR_READY http://127.0.0.1:<port>` once it listens.
 */
import http from 'node:http';
import { connectDatabase } from '../../src/database/connect-database';
import { floorStatements, type QueryKind } from './workload';

const uri = process.env.NEO4J_URI;
if (!uri) throw new Error('NEO4J_URI is required');
const database = connectDatabase({
  uri,
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? '',
  database: 'neo4j',
  queryTimeoutMs: 10_000,
});

/** Statements sent so far, read by the benchmark before and after a sequential sample. */
let roundTrips = 0;

const server = http.createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/round-trips') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ count: roundTrips }));
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    void (async () => {
      try {
        const { kind, params } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { kind: QueryKind; params: Record<string, unknown> };
        const runner = database.runner(() => `floor ${kind}`);
        const rows = await floorStatements(runner, kind, params);
        roundTrips += runner.stats.roundTrips;
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ rows }));
      } catch (error) {
        response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
      }
    })();
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`FLOOR_READY http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`);
});
const stop = () => server.close(() => void database.close().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

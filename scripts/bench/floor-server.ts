/**
 * The floor of the benchmark: the service's own Cypher statements, run through
 * neo4j-driver and answered as JSON over plain HTTP, with no GraphQL. The
 * benchmark compares the service with this, so that what GraphQL, validation,
 * batching and serialization cost is measured apart from what the database costs.
 *
 *   POST / {"kind": "<kind>", "params": {...}}  ->  200 {"rows": [...]}
 *
 * Prints `FLOOR_READY http://127.0.0.1:<port>` once it listens.
 */
import http from 'node:http';
import { loadCypherCatalog } from '../../src/database/cypher-catalog';
import { createDriver, Database } from '../../src/database/database';
import { floorStatements, type QueryKind } from './workload';

const uri = process.env.NEO4J_URI;
if (!uri) throw new Error('NEO4J_URI is required');
const database = new Database(createDriver(uri, process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''), loadCypherCatalog(), {
  database: 'neo4j',
  queryTimeoutMs: 10_000,
});

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    void (async () => {
      try {
        const { kind, params } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { kind: QueryKind; params: Record<string, unknown> };
        const rows = await floorStatements(database.runner(() => `floor ${kind}`), kind, params);
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

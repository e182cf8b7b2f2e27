import { connectDatabase } from '../../src/database/connect-database';
import { createLogger } from '../../src/logging/logger';
import { createApp } from '../../src/server/create-app';
import { expectGraphQLError } from '../support/expect-graphql-error';
import { startTestApi, type GraphQLResponse } from './test-api';

describe('GET /health', () => {
  it('answers 200 when the database is reachable, at /health and /health/ready alike; /health/live too', async () => {
    const api = await startTestApi();
    try {
      for (const route of ['/health', '/health/ready']) {
        const response = await fetch(`${api.baseUrl}${route}`);
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
      }
      const live = await fetch(`${api.baseUrl}/health/live`);
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok' });
    } finally {
      await api.close();
    }
  });

  it('checks writes too when curation is enabled', async () => {
    const api = await startTestApi(undefined, { curationTokens: [{ name: 'alice', token: 'a'.repeat(32) }] });
    try {
      const response = await fetch(`${api.baseUrl}/health/ready`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', database: 'up', writes: 'up' });
    } finally {
      await api.close();
    }
  });

  it('answers 503 quickly when it is not, and GraphQL says SERVICE_UNAVAILABLE', async () => {
    // Port 9 (discard) on loopback: nothing listens there, so connections are refused.
    const database = connectDatabase({ uri: 'bolt://127.0.0.1:9', user: 'neo4j', password: 'x', database: 'neo4j', queryTimeoutMs: 2_000 });
    const app = await createApp(database, createLogger('silent'));
    const base = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
    try {
      const started = Date.now();
      const response = await fetch(`${base}/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', database: 'down' });
      expect(Date.now() - started).toBeLessThan(5_000);
      // The process itself is alive: a supervisor must not restart it for its database.
      expect((await fetch(`${base}/health/live`)).status).toBe(200);

      const graphql = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ role(id: "music-producer") { name } }' }),
      });
      const body = (await graphql.json()) as Pick<GraphQLResponse, 'errors'>;
      expectGraphQLError(body, { code: 'SERVICE_UNAVAILABLE' });
    } finally {
      await app.stop();
      await database.close();
    }
  });
});

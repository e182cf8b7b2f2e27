import { getIntrospectionQuery } from 'graphql';
import { connectDatabase } from '../../src/database/connect-database';
import { loadCypherCatalog } from '../../src/database/cypher-catalog';
import type { Database } from '../../src/database/database';
import { createLogger } from '../../src/logging/logger';
import { createApp, type App } from '../../src/server/create-app';
import { expectGraphQLErrors, expectNoErrors } from '../support/expect-graphql-error';
import { startTestApi, type GraphQLResponse, type TestApi } from './test-api';
import { TEST_URI_VARIABLE, testDatabase } from './test-database';

/** A server whose `sources-all` statement is broken, to see how an internal failure reaches the client. */
describe('an unexpected database error', () => {
  let app: App;
  let database: Database;
  let url: string;
  beforeAll(async () => {
    const catalog = { ...loadCypherCatalog(), 'sources-all': 'RETURN this is not cypher' };
    database = connectDatabase({
      uri: process.env[TEST_URI_VARIABLE] as string,
      user: testDatabase.user,
      password: testDatabase.password,
      database: testDatabase.database,
      queryTimeoutMs: 5_000,
      catalog,
    });
    app = await createApp(database, createLogger('silent'));
    url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}/graphql`;
  });
  afterAll(async () => {
    await app.stop();
    await database.close();
  });

  it('is masked: a generic message and code, no Neo4j detail, no stack trace', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ sources { id } }' }),
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(JSON.parse(text).errors).toEqual([
      { message: 'Unexpected error.', path: ['sources'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(text).not.toMatch(/Neo\.|SyntaxError|stacktrace|at /);
  });

  it('does not affect the other fields of the server', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ role(id: "music-producer") { name } }' }),
    });
    expect(await response.json()).toMatchObject({ data: { role: { name: 'Music producer' } } });
  });
});

describe('malformed requests are the client’s error, never INTERNAL_SERVER_ERROR', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it.each([
    ['a list for an ID', { id: [1, 2] }],
    ['an object for an ID', { id: {} }],
    ['a missing required variable', {}],
  ])('a variable of the wrong type (%s): 400 BAD_USER_INPUT', async (_case, variables) => {
    const response = await api.query('query Wrong($id: ID!) { node(id: $id) { id } }', variables);
    expect(response.status).toBe(400);
    expectGraphQLErrors(response, [{ code: 'BAD_USER_INPUT' }]);
  });

  it.each([
    ['a subscription', { query: 'subscription { roles { totalCount } }' }],
    ['a persisted-query hash that does not match', { query: '{ sources { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }],
  ])('%s: BAD_REQUEST', async (_case, body) => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Pick<GraphQLResponse, 'errors'>;
    expect(response.status).toBeLessThan(500);
    expectGraphQLErrors(json, [{ code: 'BAD_REQUEST' }]);
  });

  it('answers the standard introspection query that tools send, at no cost', async () => {
    const response = await api.query(getIntrospectionQuery());
    expectNoErrors(response);
    expect(response.data?.__schema.queryType.name).toBe('Query');
    expect(response.extensions?.cost).toMatchObject({ requested: 0 });
  });
});

import { loadCypherCatalog } from '../../src/database/cypher-catalog';
import { createDriver, Database } from '../../src/database/database';
import { createLogger } from '../../src/logging/logger';
import { createApp, type App } from '../../src/server/create-app';
import { TEST_URI_VARIABLE, testDatabase } from './test-database';

/** A server whose `sources-all` statement is broken, to see how an internal failure reaches the client. */
describe('an unexpected database error', () => {
  let app: App;
  let database: Database;
  let url: string;
  beforeAll(async () => {
    const catalog = { ...loadCypherCatalog(), 'sources-all': 'RETURN this is not cypher' };
    database = new Database(
      createDriver(process.env[TEST_URI_VARIABLE] as string, testDatabase.user, testDatabase.password),
      catalog,
      { database: testDatabase.database, queryTimeoutMs: 5_000 },
    );
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

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rawRequest } from './raw-request';
import { startTestApi, type TestApi } from './test-api';

/** A build with the IDE's page, as Vite writes it beside the explorer's. */
function fakeBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ide-fixture-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>explorer</title>');
  fs.writeFileSync(path.join(dir, 'ide.html'), '<!doctype html><title>GraphiQL</title><script type="module" src="/assets/ide-AbC123.js"></script>');
  fs.writeFileSync(path.join(dir, 'assets', 'ide-AbC123.js'), 'console.log("ide");');
  return dir;
}

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the GraphQL IDE', () => {
  let api: TestApi;
  let dir: string;

  beforeAll(async () => {
    dir = fakeBuild();
    api = await startTestApi(undefined, { explorerDir: dir });
  });

  afterAll(async () => {
    await api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves /ide from the build, revalidated on each visit, under a CSP that allows no other origin', async () => {
    const response = await fetch(`${api.baseUrl}/ide`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>GraphiQL</title>');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;font-src 'self' data:;connect-src 'self';worker-src 'self';object-src 'none';base-uri 'none';form-action 'self';frame-ancestors 'none'",
    );
    expect((await fetch(`${api.baseUrl}/assets/ide-AbC123.js`)).status).toBe(200);
  });

  it('sends a browser opening /graphql to the IDE', async () => {
    for (const method of ['GET', 'HEAD']) {
      const response = await rawRequest(`${api.baseUrl}/graphql`, { method, headers: { accept: BROWSER_ACCEPT } });
      expect(response.status).toBe(302);
      expect(response.headers.location).toBe('/ide');
    }
  });

  it('leaves every API request at /graphql alone', async () => {
    // A GET query, even from a browser, is a query.
    const get = await rawRequest(`${api.baseUrl}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: BROWSER_ACCEPT, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    expect(JSON.parse(get.body.toString('utf8'))).toMatchObject({ data: { __typename: 'Query' } });
    // A client that asks for JSON gets Apollo's answer, not a page.
    const bare = await rawRequest(`${api.baseUrl}/graphql`, { headers: { accept: 'application/json' } });
    expect(bare.status).toBe(400);
    expect(bare.headers['content-type']).toMatch(/^application\/json/);
    const post = await api.query('{ role(id: "music-producer") { name } }', undefined, { accept: BROWSER_ACCEPT });
    expect(post.data).toEqual({ role: { name: 'Music producer' } });
  });

  it('says how to build it when it is not built', async () => {
    const unbuilt = await startTestApi(undefined, { explorerDir: path.join(dir, 'missing') });
    try {
      const response = await fetch(`${unbuilt.baseUrl}/ide`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { errors: { message: string }[] }).errors[0]?.message).toContain('npm run build');
    } finally {
      await unbuilt.close();
    }
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXPLORER_PAGES } from '../../src/server/explorer';
import { startTestApi, type TestApi } from './test-api';

/** A built explorer in miniature: index.html and one hashed asset, as Vite writes them. */
function fakeBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'explorer-fixture-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>explorer</title><script type="module" src="/assets/index-AbC123.js"></script>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), 'console.log("explorer");');
  return dir;
}

describe('the explorer pages', () => {
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

  it('answers every page with index.html, revalidated on each visit, under a CSP allowing no other origin', async () => {
    for (const page of ['/', '/roles/music-producer', '/nodes/mixing', '/compare?roles=a,b', '/recommend', '/path?from=a&to=b']) {
      const response = await fetch(`${api.baseUrl}${page}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>explorer</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';object-src 'none';base-uri 'none';form-action 'self';frame-ancestors 'none'",
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(EXPLORER_PAGES).toHaveLength(6);
  });

  it('serves hashed assets as immutable for a year', async () => {
    const response = await fetch(`${api.baseUrl}/assets/index-AbC123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('keeps the JSON 404 for unknown assets and paths, and leaves /graphql and /health alone', async () => {
    for (const nowhere of ['/assets/missing-000.js', '/roles', '/nowhere', '/index.html']) {
      const response = await fetch(`${api.baseUrl}${nowhere}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'NOT_FOUND' } }] });
    }
    expect((await fetch(`${api.baseUrl}/health`)).status).toBe(200);
    const graphql = await api.query('{ role(id: "music-producer") { name } }');
    expect(graphql.data).toEqual({ role: { name: 'Music producer' } });
    expect(graphql.headers.get('content-security-policy')).toBeNull();
  });

  it('answers a browser opening an unknown address with the page and a 404, and API clients with the JSON 404', async () => {
    const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    for (const nowhere of ['/nowhere', '/roles', '/roles/music-producer/skills', '/assets/missing-000.js', '/index.html']) {
      const page = await fetch(`${api.baseUrl}${nowhere}`, { headers: browser });
      expect({ nowhere, status: page.status }).toEqual({ nowhere, status: 404 });
      expect(await page.text()).toContain('<title>explorer</title>');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const api404 = await fetch(`${api.baseUrl}${nowhere}`, { headers: { accept: 'application/json' } });
      expect(api404.status).toBe(404);
      expect(await api404.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'NOT_FOUND' } }] });
    }
    // The API's own addresses are untouched by a browser's Accept header.
    expect((await fetch(`${api.baseUrl}/health`, { headers: browser })).headers.get('content-type')).toMatch(/json/);
    expect((await fetch(`${api.baseUrl}/schema.graphql`, { headers: browser })).status).toBe(200);
    const graphqlPage = await fetch(`${api.baseUrl}/graphql`, { headers: browser, redirect: 'manual' });
    expect(graphqlPage.status).not.toBe(404);
    const post = await fetch(`${api.baseUrl}/nowhere`, { method: 'POST', headers: browser });
    expect(post.status).toBe(404);
    expect(post.headers.get('content-type')).toMatch(/json/);
  });

  it('says how to build it when it is not built', async () => {
    const unbuilt = await startTestApi(undefined, { explorerDir: path.join(dir, 'missing') });
    try {
      const response = await fetch(`${unbuilt.baseUrl}/`);
      expect(response.status).toBe(404);
      const body = (await response.json()) as { errors: { message: string }[] };
      expect(body.errors[0]?.message).toContain('npm run build');
    } finally {
      await unbuilt.close();
    }
  });
});

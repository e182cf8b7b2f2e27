import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { rawRequest } from './raw-request';
import { startTestApi, type TestApi } from './test-api';

/** A bundle as Vite writes them, large enough to be worth compressing. */
const BUNDLE = `export const roles = ${JSON.stringify(Array.from({ length: 2_000 }, (_, index) => `role-${index}`))};\n`;
const ROLE_QUERY = JSON.stringify({ query: '{ role(id: "music-producer") { name skills { skill { name } sources { quote } } } }' });

describe('compression', () => {
  let api: TestApi;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'explorer-fixture-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>explorer</title><script type="module" src="/assets/index-AbC123.js"></script>');
    fs.writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), BUNDLE);
    api = await startTestApi(undefined, { explorerDir: dir });
  });

  afterAll(async () => {
    await api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const bundle = (acceptEncoding?: string) =>
    rawRequest(`${api.baseUrl}/assets/index-AbC123.js`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('serves a bundle gzipped to a client that accepts gzip, byte for byte the same once unzipped', async () => {
    const response = await bundle('gzip');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers.vary).toMatch(/Accept-Encoding/);
    expect(response.body.length).toBeLessThan(BUNDLE.length / 4);
    expect(zlib.gunzipSync(response.body).toString('utf8')).toBe(BUNDLE);
  });

  it('prefers brotli when the client accepts it', async () => {
    const response = await bundle('gzip, deflate, br');
    expect(response.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(response.body).toString('utf8')).toBe(BUNDLE);
  });

  it('sends the bundle as it is to a client that accepts no encoding', async () => {
    const response = await bundle();
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString('utf8')).toBe(BUNDLE);
  });

  it('compresses a GraphQL answer, which unzips to the same answer as sent uncompressed', async () => {
    const post = (headers: Record<string, string>) =>
      rawRequest(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: ROLE_QUERY });
    const plain = await post({});
    const gzipped = await post({ 'accept-encoding': 'gzip' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['content-type']).toMatch(/^application\/json/);
    const answer = JSON.parse(zlib.gunzipSync(gzipped.body).toString('utf8')) as { data: { role: { name: string; skills: unknown[] } } };
    // The same data; the extensions differ only by the budget the first request spent.
    expect(answer.data).toEqual((JSON.parse(plain.body.toString('utf8')) as typeof answer).data);
    expect(answer.data.role.name).toBe('Music producer');
    expect(answer.data.role.skills.length).toBeGreaterThan(5);
  });
});

import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { downloadFile } from './download-file';

/** A file's worth of bytes that do not repeat, so a cut or a mix-up shows in the hash. */
const BODY = crypto.randomBytes(300_000);
const userAgents: string[] = [];

/** One route per behaviour of a publisher's server, on a loopback port of its own. */
const server = http.createServer((request, response) => {
  userAgents.push(request.headers['user-agent'] ?? '');
  const route = request.url ?? '';
  if (route === '/files/db_29_0_text.zip') {
    response.writeHead(200, { 'content-length': BODY.length });
    response.end(BODY);
  } else if (route === '/slow') {
    response.writeHead(200, { 'content-length': BODY.length });
    let sent = 0;
    const tick = setInterval(() => {
      response.write(BODY.subarray(sent, sent + 50_000));
      sent += 50_000;
      if (sent >= BODY.length) {
        clearInterval(tick);
        response.end();
      }
    }, 40);
  } else if (route === '/token?id=42') {
    response.writeHead(200, { 'content-length': BODY.length, 'content-disposition': 'attachment; filename="ESCO dataset - v1.1.1 - classification - en - csv.zip"' });
    response.end(BODY);
  } else if (route === '/truncated') {
    response.writeHead(200, { 'content-length': BODY.length });
    response.write(BODY.subarray(0, 100_000), () => response.socket?.destroy());
  } else if (route === '/stall') {
    response.writeHead(200, { 'content-length': BODY.length });
    response.write(BODY.subarray(0, 1000));
    setTimeout(() => response.destroy(), 3000).unref();
  } else if (route === '/unannounced') {
    response.writeHead(200, { 'transfer-encoding': 'chunked' });
    response.end(BODY);
  } else if (route === '/forbidden') {
    response.writeHead(403, { 'content-type': 'text/html' });
    response.end('<html>Access Denied</html>');
  } else {
    response.writeHead(404);
    response.end('not found');
  }
});

let base: string;
let folder: string;
const lines: string[] = [];
const options = { userAgent: 'careers-graph-test/1 (the test of the downloader)', progress: (line: string) => lines.push(line) };

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'download-'));
  lines.length = 0;
  userAgents.length = 0;
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

it('streams the body into the folder under the URL name, with its SHA-256, sending the User-Agent', async () => {
  const result = await downloadFile(`${base}/files/db_29_0_text.zip`, folder, options);
  expect(result).toEqual({ file: path.join(folder, 'db_29_0_text.zip'), bytes: BODY.length, sha256: sha256(BODY) });
  expect(fs.readFileSync(result.file).equals(BODY)).toBe(true);
  expect(fs.readdirSync(folder)).toEqual(['db_29_0_text.zip']);
  expect(userAgents).toEqual([options.userAgent]);
  expect(lines.at(-1)).toBe(`downloaded db_29_0_text.zip: 0.3 MB in ${/in ([\d.]+) s/.exec(lines.at(-1) ?? '')?.[1]} s, SHA-256 ${sha256(BODY)}`);
});

it('removes the partial file a killed run left, never using it', async () => {
  const abandoned = path.join(folder, '.download-2147483646-0badc0de.partial');
  fs.writeFileSync(abandoned, BODY.subarray(0, 1000));
  await downloadFile(`${base}/files/db_29_0_text.zip`, folder, options);
  expect(fs.readdirSync(folder)).toEqual(['db_29_0_text.zip']);
  expect(fs.readFileSync(path.join(folder, 'db_29_0_text.zip')).equals(BODY)).toBe(true);
});

it('names the file as the server does (Content-Disposition) when the address does not', async () => {
  const result = await downloadFile(`${base}/token?id=42`, folder, options);
  expect(path.basename(result.file)).toBe('ESCO dataset - v1.1.1 - classification - en - csv.zip');
});

it('reports progress every so often, not on every chunk', async () => {
  await downloadFile(`${base}/slow`, folder, { ...options, progressEveryMs: 100 });
  const progress = lines.filter((line) => line.startsWith('  slow: '));
  expect(progress.length).toBeGreaterThan(0);
  expect(progress.length).toBeLessThan(6);
  expect(progress[0]).toMatch(/^ {2}slow: [\d.]+ MB of 0\.3 MB \(\d+%\)$/);
});

it.each([
  ['/missing', /HTTP 404 Not Found: the publisher does not have it there.*get it elsewhere/],
  ['/forbidden', /HTTP 403 Forbidden: 127\.0\.0\.1:\d+ refused the download.*CAREERS_GRAPH_USER_AGENT.*in a browser and pass its path/],
  ['/truncated', /the download broke off after 100000 of 300000 bytes.*nothing was kept, run the command again/],
])('%s: a clear error, and no file in the folder', async (route, message) => {
  await expect(downloadFile(`${base}${route}`, folder, { ...options, hint: 'get it elsewhere' })).rejects.toThrow(message);
  expect(fs.readdirSync(folder)).toEqual([]);
});

it('gives up on a stalled body after the idle timeout, keeping nothing', async () => {
  await expect(downloadFile(`${base}/stall`, folder, { ...options, idleTimeoutMs: 300 })).rejects.toThrow(/stalled \(no data for 0\.3 s after 1000 bytes\)/);
  expect(fs.readdirSync(folder)).toEqual([]);
});

it('refuses a body over the size limit, announced or not', async () => {
  await expect(downloadFile(`${base}/files/db_29_0_text.zip`, folder, { ...options, maxBytes: 1000 })).rejects.toThrow(/300000 bytes, over the limit of 1000/);
  await expect(downloadFile(`${base}/unannounced`, folder, { ...options, maxBytes: 1000 })).rejects.toThrow(/more than 1000 bytes, the limit/);
  expect(fs.readdirSync(folder)).toEqual([]);
});

it('says when the server cannot be reached', async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  await expect(downloadFile(`http://127.0.0.1:${port}/x.zip`, folder, options)).rejects.toThrow(/cannot reach 127\.0\.0\.1:\d+ \(.*ECONNREFUSED/);
});

import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../config/repo-root';
import { writeZip } from '../../../test/support/write-zip';
import { locateEscoFiles } from '../esco/locate-esco-files';
import { releaseFromFolder } from '../onet/onet-import';
import { resolveImportInput, type ResolveOptions } from './resolve-import-input';

const fixtures = path.join(repoRoot(), 'test', 'fixtures');
let scratch: string;
let served: Map<string, string>;
const requests: string[] = [];
const server = http.createServer((request, response) => {
  requests.push(request.url ?? '');
  const file = served.get(request.url ?? '');
  if (!file) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-length': fs.statSync(file).size });
  fs.createReadStream(file).pipe(response);
});
let options: ResolveOptions;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'resolve-'));
  served = new Map();
  requests.length = 0;
  const mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  options = { cacheDir: path.join(scratch, 'cache'), mirror, userAgent: 'careers-graph-test', progress: () => undefined };
});
afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** The files of a fixture folder as zip entries under `prefix`. */
const entriesOf = (folder: string, prefix: string) => fs.readdirSync(folder).map((name) => ({ name: `${prefix}${name}`, file: path.join(folder, name) }));

it('fetches an O*NET release by name from the mirror, unpacks it once, and reuses both without a request', async () => {
  const zip = await writeZip(path.join(scratch, 'db_30_0_text.zip'), entriesOf(path.join(fixtures, 'onet'), 'db_30_0_text/'));
  served.set('/dl_files/database/db_30_0_text.zip', zip);
  const first = await resolveImportInput('onet', ['30.0'], options);
  expect(first.release).toBe('30.0');
  expect(first.paths).toHaveLength(1);
  const folder = first.paths[0] as string;
  expect(releaseFromFolder(folder)).toBe('30.0');
  expect(fs.readdirSync(folder).sort()).toEqual(fs.readdirSync(path.join(fixtures, 'onet')).sort());
  expect(fs.readFileSync(path.join(folder, 'Skills.txt'))).toEqual(fs.readFileSync(path.join(fixtures, 'onet', 'Skills.txt')));
  expect(requests).toEqual(['/dl_files/database/db_30_0_text.zip']);

  expect(await resolveImportInput('onet', ['30.0'], options)).toEqual(first);
  expect(requests).toHaveLength(1);
});

it('takes a local zip of ESCO v1.1.x (two archives) as the two folders, whether an archive holds a folder or the files', async () => {
  const english = 'ESCO dataset - v1.1.1 - classification - en - csv';
  const independent = 'ESCO dataset - v1.1.1 - classification -  - csv';
  const first = await writeZip(path.join(scratch, `${english}.zip`), entriesOf(path.join(fixtures, 'esco-1.1.1', english), ''));
  const second = await writeZip(path.join(scratch, 'independent.zip'), entriesOf(path.join(fixtures, 'esco-1.1.1', independent), `${independent}/`));
  const resolved = await resolveImportInput('esco', [first, second], options);
  expect(resolved.release).toBeNull();
  const located = locateEscoFiles(resolved.paths);
  expect(located.release).toBe('1.1.1');
  expect(path.basename(path.dirname(located.paths.occupationSkillRelations))).toBe(independent);
  expect(requests).toEqual([]);
});

it('picks the table out of a BLS archive and refuses a release whose pinned file differs, removing the download', async () => {
  const zip = await writeZip(path.join(scratch, 'oesm24nat.zip'), [
    { name: 'oesm24nat/national_M2024_dl.xlsx', data: 'not the published workbook' },
    { name: 'oesm24nat/field_descriptions.xlsx', data: 'notes' },
  ]);
  served.set('/oes/special-requests/oesm24nat.zip', zip);
  await expect(resolveImportInput('bls-oews', ['M2024'], options)).rejects.toThrow(
    /bls-oews M2024: national_M2024_dl\.xlsx has SHA-256 [0-9a-f]{64}, not the pinned a9bad309.*removed from the cache and nothing was imported/,
  );
  expect(fs.readdirSync(path.join(options.cacheDir, 'bls-oews', 'M2024'))).toEqual([]);

  // M2023 has no pin: its table is found among the archive's files, and its release named.
  served.set('/oes/special-requests/oesm23nat.zip', zip);
  const resolved = await resolveImportInput('bls-oews', ['M2023'], options);
  expect(path.basename(resolved.paths[0] as string)).toBe('national_M2024_dl.xlsx');
  expect(resolved.release).toBe('M2023');
});

it('says where to get ESCO, which has no stable address, and what a release name looks like', async () => {
  await expect(resolveImportInput('esco', ['1.1.1'], options)).rejects.toThrow(/ESCO has no stable download address.*esco\.ec\.europa\.eu\/en\/use-esco\/download/);
  await expect(resolveImportInput('bls-oews', ['May2024'], options)).rejects.toThrow(/May2024: no such folder or file, and not a release name of bls-oews \(e\.g\. M2024/);
  await expect(resolveImportInput('onet', ['http://example.org/db_29_0_text.zip'], options)).rejects.toThrow(/only https:\/\/ addresses are fetched/);
  expect(requests).toEqual([]);
});

it('passes a folder or a table as it is', async () => {
  const folder = path.join(fixtures, 'onet');
  const table = path.join(fixtures, 'crosswalks', 'ESCO_to_ONET-SOC.tsv');
  expect(await resolveImportInput('onet', [folder], options)).toEqual({ paths: [folder], release: null });
  expect(await resolveImportInput('crosswalk-esco-onet', [table], options)).toEqual({ paths: [table], release: null });
  expect(fs.existsSync(options.cacheDir)).toBe(false);
});

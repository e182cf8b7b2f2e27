import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../src/config/repo-root';
import { readCurated } from '../../src/data/read-curated';
import { startTestApi, type TestApi } from '../integration/test-api';
import { expectNoErrors } from '../support/expect-graphql-error';
import { printedAccount } from '../support/printed-account';
import { describeNeeding } from '../support/outside-repo';
import { realData, unpackRealData } from '../support/real-data';
import { readTsv } from '../support/read-tsv';
import { SUITE_PASSWORD, SUITE_USER } from '../support/suite-database';
import { writeZip } from '../support/write-zip';
import { REALDATA_URI_VARIABLE } from './global-setup';

const run = promisify(execFile);

/** The curated roles that carry an O*NET-SOC code, with the SOC 2018 code it refines. */
const curatedWithCodes = () =>
  readCurated().entities.roles.flatMap((role) => (role.externalCodes ?? []).filter((code) => code.startsWith('ONET_SOC:')).map((code) => ({ id: role.id, soc: code.slice(9, 16) })));

/**
 * A publisher's server on a loopback port: each path serves a file, or misbehaves
 * as told (403, a body cut short). Every request is counted.
 */
function publisher() {
  const files = new Map<string, string>();
  const misbehave = new Map<string, 'forbidden' | 'truncated'>();
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    const route = request.url ?? '';
    requests.push(route);
    const file = files.get(route);
    if (misbehave.get(route) === 'forbidden') response.writeHead(403).end('<html>Access Denied</html>');
    else if (!file) response.writeHead(404).end('not found');
    else if (misbehave.get(route) === 'truncated') {
      const bytes = fs.readFileSync(file);
      response.writeHead(200, { 'content-length': bytes.length });
      response.write(bytes.subarray(0, bytes.length >> 1), () => response.socket?.destroy());
    } else {
      response.writeHead(200, { 'content-length': fs.statSync(file).size });
      fs.createReadStream(file).pipe(response);
    }
  });
  return { server, files, misbehave, requests };
}

describeNeeding(realData, 'releases fetched by name from a publisher (a local mirror serving the published files)', () => {
  const site = publisher();
  let scratch: string;
  let cache: string;
  let api: TestApi;
  let onetFolder: string;

  /** One run of the import command, as an operator runs it, against the suite's Neo4j and the local mirror. */
  async function importCommand(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = {
      ...process.env,
      NEO4J_URI: process.env[REALDATA_URI_VARIABLE],
      NEO4J_USER: SUITE_USER,
      NEO4J_PASSWORD: SUITE_PASSWORD,
      CAREERS_GRAPH_RELEASES_MIRROR: `http://127.0.0.1:${(site.server.address() as AddressInfo).port}`,
      CAREERS_GRAPH_RELEASES_CACHE: cache,
    };
    const tsx = path.join(repoRoot(), 'node_modules', '.bin', 'tsx');
    try {
      const { stdout, stderr } = await run(tsx, ['src/import/cli.ts', ...args], { cwd: repoRoot(), env, maxBuffer: 64 * 1024 * 1024 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  }

  /** Every file under the cache (partial files included), relative to it. */
  const cached = () => (fs.existsSync(cache) ? fs.readdirSync(cache, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.relative(cache, path.join(entry.parentPath, entry.name))) : []);

  beforeAll(async () => {
    await new Promise<void>((resolve) => site.server.listen(0, '127.0.0.1', resolve));
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'fetch-realdata-'));
    cache = path.join(scratch, 'cache');
    // BLS's archive as it ships it: the workbook in a folder named after the archive.
    const workbook = unpackRealData('bls-oews/M2024/national_M2024_dl.xlsx');
    site.files.set('/oes/special-requests/oesm24nat.zip', await writeZip(path.join(scratch, 'oesm24nat.zip'), [{ name: 'oesm24nat/national_M2024_dl.xlsx', file: workbook }]));
    // O*NET's archive: the text release's folder, every file of it the releases folder has.
    onetFolder = unpackRealData('onet-29.0/db_29_0_text');
    const onetEntries = fs.readdirSync(onetFolder).map((name) => ({ name: `db_29_0_text/${name}`, file: path.join(onetFolder, name) }));
    site.files.set('/dl_files/database/db_29_0_text.zip', await writeZip(path.join(scratch, 'db_29_0_text.zip'), onetEntries));
    site.files.set('/emp/ind-occ-matrix/occupation.xlsx', unpackRealData('bls-ep-2024-34/occupation.xlsx'));
    site.files.set('/crosswalks/esco/ESCO_to_ONET-SOC.xlsx', unpackRealData('crosswalks/ESCO_to_ONET-SOC.xlsx'));
    api = await startTestApi(process.env[REALDATA_URI_VARIABLE]);
  });
  afterAll(async () => {
    await api?.close();
    site.server.closeAllConnections();
    await new Promise((resolve) => site.server.close(resolve));
    fs.rmSync(scratch, { recursive: true, force: true });
  });
  beforeEach(() => {
    site.requests.length = 0;
    site.misbehave.clear();
  });

  it('bls-oews M2024: downloads BLS archive, checks the pinned workbook, imports it; a second run reuses the cache without a request', async () => {
    const first = await importCommand('bls-oews', 'M2024');
    expect(first.stderr).toContain('/oes/special-requests/oesm24nat.zip');
    expect(first.stderr).toContain('bls-oews M2024: national_M2024_dl.xlsx has the pinned SHA-256');
    expect(first.code).toBe(0);
    expect(site.requests).toEqual(['/oes/special-requests/oesm24nat.zip']);

    // The curated roles carrying an O*NET-SOC code get the workbook's median, read here from its TSV twin.
    const detailed = readTsv(unpackRealData('bls-oews/M2024/derived/national_M2024_dl.tsv')).filter((row) => row.O_GROUP === 'detailed');
    const roles = curatedWithCodes();
    expect(roles.length).toBeGreaterThan(0);
    for (const { id, soc } of roles) {
      const response = await api.query('query ($id: ID!) { role(id: $id) { salaries { median year sources { source { id } } } } }', { id });
      expectNoErrors(response);
      const m2024 = (response.data as Record<string, any>).role.salaries.filter((salary: { sources: { source: { id: string } }[] }) => salary.sources.some((source) => source.source.id === 'bls-oews-m2024'));
      expect(m2024).toEqual([expect.objectContaining({ year: 2024, median: Number(detailed.find((row) => row.OCC_CODE === soc)?.A_MEDIAN) })]);
    }

    site.requests.length = 0;
    const again = await importCommand('bls-oews', 'M2024');
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/using .*oesm24nat\.zip \(downloaded before\)/);
    expect(again.stdout).toContain('national_M2024_dl.xlsx: already loaded');
    expect(site.requests).toEqual([]);
  }, 240_000);

  it('bls-projections 2024-34: downloads the workbook and imports its table 1.2 (the third sheet)', async () => {
    const result = await importCommand('bls-projections', '2024-34');
    expect(result.code).toBe(0);
    expect(site.requests).toEqual(['/emp/ind-occ-matrix/occupation.xlsx']);
    // Table 1.2 as TSV (a plain conversion the releases folder carries), read here independently.
    const lineItems = readTsv(unpackRealData('bls-ep-2024-34/derived/occupation_table_1.2.tsv')).filter((row) => row['Occupation type'] === 'Line item');
    // Every line item of table 1.2 read and accounted for: what is not a summary row is a line item, written or
    // skipped because no role of the graph carries its SOC code.
    const account = printedAccount(result.stdout, 'occupation.xlsx');
    expect(account.rejected).toBe(0);
    expect(account.read - (account.skipReasons['a summary row: not a detailed occupation'] ?? 0)).toBe(lineItems.length);
    for (const { id, soc } of curatedWithCodes()) {
      const response = await api.query('query ($id: ID!) { role(id: $id) { growth { percent period } } }', { id });
      expectNoErrors(response);
      const row = lineItems.find((candidate) => candidate['2024 National Employment Matrix code'] === soc);
      expect((response.data as Record<string, any>).role.growth).toContainEqual({ period: '2024-34', percent: Number(row?.['Employment change, percent, 2024–34']) });
    }
  }, 240_000);

  it('onet 29.0: downloads the text release, unpacks it, checks the pinned file and imports every occupation', async () => {
    const result = await importCommand('onet', '29.0');
    expect(result.stderr).toContain('onet 29.0: Occupation Data.txt has the pinned SHA-256');
    expect(result.stderr).toMatch(/importing onet 29\.0 from .*db_29_0_text/);
    expect(result.code).toBe(0);
    expect(site.requests).toEqual(['/dl_files/database/db_29_0_text.zip']);
    const codes = new Set(readTsv(path.join(onetFolder, 'Occupation Data.txt')).map((row) => row['O*NET-SOC Code']));
    const { records } = await api.database.driver.executeQuery("MATCH (r:Role) WHERE 'onet-29.0' IN r.sourceIds RETURN count(r) AS roles");
    expect(Number(records[0]?.get('roles'))).toBe(codes.size);
  }, 600_000);

  it.each([
    ['a missing file (404)', undefined, /HTTP 404 Not Found: the publisher does not have it there.*onetcenter\.org\/crosswalks\.html/],
    ['a refusal (403)', 'forbidden' as const, /HTTP 403 Forbidden: .* refused the download.*CAREERS_GRAPH_USER_AGENT.*in a browser and pass its path/],
    ['a body cut short', 'truncated' as const, /the download broke off after \d+ of \d+ bytes.*nothing was kept, run the command again/],
  ])('crosswalk-esco-onet current, %s: exit 2 with a clear message, nothing in the cache', async (_case, behaviour, message) => {
    const route = '/crosswalks/esco/ESCO_to_ONET-SOC.xlsx';
    const file = site.files.get(route) as string;
    if (behaviour) site.misbehave.set(route, behaviour);
    else site.files.delete(route);
    try {
      const before = cached().filter((entry) => entry.startsWith('crosswalk-esco-onet'));
      const result = await importCommand('crosswalk-esco-onet', 'current');
      expect(result.stderr).toMatch(message);
      expect(result.code).toBe(2);
      expect(site.requests).toEqual([route]);
      expect(cached().filter((entry) => entry.startsWith('crosswalk-esco-onet'))).toEqual(before);
      expect(before).toEqual([]);
    } finally {
      site.files.set(route, file);
    }
  }, 60_000);
});

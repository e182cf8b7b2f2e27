import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../src/config/repo-root';
import { ImportFileError } from '../../src/import/delimited';
import { ImportRefusedError } from '../../src/import/import-report';
import { importOnet, occupationId } from '../../src/import/onet/onet-import';
import { startTestApi, type TestApi } from '../integration/test-api';
import { graphFingerprint } from '../support/graph-fingerprint';
import { readTsv } from '../support/read-tsv';
import { SUITE_PASSWORD, SUITE_USER } from '../support/suite-database';
import { IMPORT_URI_VARIABLE } from './global-setup';

const fixtures = path.join(repoRoot(), 'test', 'fixtures');
const quiet = { progress: () => undefined, batchSize: 7, restart: false, minImportance: 3 };

/** A copy of the O*NET fixture release in a folder of its own, changed by `change`. */
function brokenRelease(change: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onet-broken-'));
  for (const file of fs.readdirSync(path.join(fixtures, 'onet'))) fs.copyFileSync(path.join(fixtures, 'onet', file), path.join(dir, file));
  change(dir);
  return dir;
}

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi(process.env[IMPORT_URI_VARIABLE]);
});
afterAll(() => api.close());

const sourceIds = async (id: string) => (await api.database.driver.executeQuery('MATCH (s:Source {id: $id}) RETURN s.id AS id', { id })).records.length;

describe('the O*NET pre-flight pass', () => {
  it.each([
    ['a missing file', (dir: string) => fs.rmSync(path.join(dir, 'Task Statements.txt')), /Task Statements\.txt: no such file/],
    [
      'a header without a column the format has',
      (dir: string) => {
        const file = path.join(dir, 'Job Zones.txt');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Job Zone', 'Zone'));
      },
      /Job Zones\.txt: the header lacks "Job Zone"/,
    ],
    [
      'bytes that are not UTF-8',
      (dir: string) => {
        const file = path.join(dir, 'Alternate Titles.txt');
        const lines = fs.readFileSync(file).toString('latin1').split('\n');
        lines[3] = `${lines[3]?.replace(/\r$/, '')}\u00e9\r`;
        fs.writeFileSync(file, Buffer.from(lines.join('\n'), 'latin1'));
      },
      /Alternate Titles\.txt:4: not valid UTF-8/,
    ],
    ['a missing categories file beside the education file', (dir: string) => fs.rmSync(path.join(dir, 'Education, Training, and Experience Categories.txt')), /Categories\.txt: no such file/],
  ])('refuses a release with %s before writing anything, naming the file', async (_, change, message) => {
    const dir = brokenRelease(change);
    const before = await graphFingerprint(api.database);
    const attempt = importOnet(api.database, { ...quiet, dir, release: 'broken' });
    await expect(attempt).rejects.toThrow(ImportFileError);
    await expect(attempt).rejects.toThrow(message);
    expect(await sourceIds('onet-broken')).toBe(0);
    expect(await graphFingerprint(api.database)).toEqual(before);
  });

  it('names every fault at once, and the import command exits 2', async () => {
    const dir = brokenRelease((folder) => {
      fs.rmSync(path.join(folder, 'Skills.txt'));
      fs.rmSync(path.join(folder, 'Knowledge.txt'));
    });
    const env = { ...process.env, NEO4J_URI: process.env[IMPORT_URI_VARIABLE], NEO4J_USER: SUITE_USER, NEO4J_PASSWORD: SUITE_PASSWORD };
    const failed = await promisify(execFile)(path.join(repoRoot(), 'node_modules', '.bin', 'tsx'), ['src/import/cli.ts', 'onet', dir, '--release', 'broken-2'], { cwd: repoRoot(), env }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/Skills\.txt: no such file[\s\S]*Knowledge\.txt: no such file/);
    expect(await sourceIds('onet-broken-2')).toBe(0);
  });

  it('with --strict, refuses a release with rows to reject before writing anything', async () => {
    const expected = JSON.parse(fs.readFileSync(path.join(fixtures, 'onet-bad', 'bad-rows.json'), 'utf8')) as { file: string }[];
    const before = await graphFingerprint(api.database);
    const attempt = importOnet(api.database, { ...quiet, dir: path.join(fixtures, 'onet-bad'), release: 'strict-bad', strict: true });
    await expect(attempt).rejects.toThrow(ImportRefusedError);
    const rejectedInSkills = expected.filter((row) => row.file === 'Skills.txt').length;
    await expect(attempt).rejects.toThrow(`Skills.txt: 0 row(s) to skip, ${rejectedInSkills} to reject`);
    expect(await sourceIds('onet-strict-bad')).toBe(0);
    expect(await graphFingerprint(api.database)).toEqual(before);
  });
});

describe('a repeated O*NET import', () => {
  // The fixture release as the other tests import it (same source), so the graph ends as they expect it.
  it('reads again only a file whose content changed since it was loaded, and reports it', async () => {
    const dir = brokenRelease(() => undefined);
    // --restart: every row written as the fixture states it, whatever another test file imported over it before.
    const first = await importOnet(api.database, { ...quiet, dir, release: '30.0', restart: true });
    const file = path.join(dir, 'Occupation Data.txt');
    const original = fs.readFileSync(file, 'utf8');
    const [row] = readTsv(file);
    const name = async () => (await api.query(`{ role(id: "${occupationId(row?.['O*NET-SOC Code'] as string)}") { name } }`)).data?.role.name;
    try {
      // One occupation retitled in Occupation Data.txt.
      fs.writeFileSync(file, original.replace(`\t${row?.Title}\t`, `\t${row?.Title} (retitled)\t`));
      const again = await importOnet(api.database, { ...quiet, dir, release: '30.0' });
      const changed = again.steps.find((step) => step.file === 'Occupation Data.txt');
      expect(changed).toMatchObject({ alreadyDone: false, changedSinceLoaded: true, read: first.steps[0]?.read, created: 0, updated: 1 });
      expect(changed && changed.unchanged + changed.updated).toBe(changed?.read);
      expect(again.steps.filter((step) => step !== changed).every((step) => step.alreadyDone)).toBe(true);
      expect(await name()).toBe(`${row?.Title} (retitled)`);
    } finally {
      fs.writeFileSync(file, original);
      await importOnet(api.database, { ...quiet, dir, release: '30.0' });
    }
    expect(await name()).toBe(row?.Title);
  });
});

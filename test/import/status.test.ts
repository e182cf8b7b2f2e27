import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../src/config/repo-root';
import { citationProperties } from '../../src/models/graph-rows';
import { beginImport } from '../../src/import/import-run';
import { importOnet } from '../../src/import/onet/onet-import';
import { startTestApi, type TestApi } from '../integration/test-api';
import { readTsv } from '../support/read-tsv';
import { SUITE_PASSWORD, SUITE_USER } from '../support/suite-database';
import { IMPORT_URI_VARIABLE } from './global-setup';

const run = promisify(execFile);
const fixtures = path.join(repoRoot(), 'test', 'fixtures');

/** `npm run import -- status ...` as an operator runs it, against the suite's Neo4j. */
async function statusCommand(...args: string[]): Promise<string> {
  const env = { ...process.env, NEO4J_URI: process.env[IMPORT_URI_VARIABLE], NEO4J_USER: SUITE_USER, NEO4J_PASSWORD: SUITE_PASSWORD };
  const { stdout } = await run(path.join(repoRoot(), 'node_modules', '.bin', 'tsx'), ['src/import/cli.ts', 'status', ...args], { cwd: repoRoot(), env });
  return stdout;
}

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi(process.env[IMPORT_URI_VARIABLE]);
});
afterAll(() => api.close());

describe('import status', () => {
  it('shows a finished import with every file\'s account, its rows counted from the files', async () => {
    // The fixture release as the other tests import it (same source), so the graph ends as they expect it.
    await importOnet(api.database, { dir: path.join(fixtures, 'onet'), release: '30.0', minImportance: 3, batchSize: 50, restart: false, progress: () => undefined });
    const stdout = await statusCommand('onet-30.0');
    expect(stdout).toMatch(/^onet-30\.0 \(onet 30\.0\): finished, loaded \d{4}-\d\d-\d\dT/);
    expect(stdout).toContain('O*NET 30.0 Database (tab-delimited text release)');
    for (const file of ['Occupation Data.txt', 'Skills.txt', 'Education, Training, and Experience.txt']) {
      const rows = readTsv(path.join(fixtures, 'onet', file)).length;
      const line = new RegExp(`^  ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: finished [^,]+, ${rows} rows read: (\\d+) created, (\\d+) updated, (\\d+) unchanged, (\\d+) skipped.*, (\\d+) rejected$`, 'm').exec(stdout);
      expect(line).not.toBeNull();
      const counts = (line as RegExpExecArray).slice(1).map(Number);
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(rows);
    }
    expect(stdout).toContain('  skipped 9: scale OJ: not imported');
    // Another dataset is not listed when one is named.
    expect(stdout).not.toContain('esco-');
  });

  it('shows an import that stopped part way as interrupted, with the rows its file had committed', async () => {
    const cite = citationProperties([{ source: 'onet-status-2' }]);
    const started = await beginImport(api.database, { id: 'onet-status-2', title: 'O*NET status-2' }, { taxonomy: 'onet', release: 'status-2' }, { batchSize: 2, restart: false, progress: () => undefined });
    const items = (async function* () {
      for (const index of [1, 2, 3, 4, 5]) {
        if (index === 5) throw new Error('interrupted');
        yield { item: `status-skill-${index}` };
      }
    })();
    await expect(started.loader.load({ file: 'Skills.txt', items, facts: (id: string) => ({ nodes: [{ id, label: 'Skill' as const, properties: { name: id, ...cite } }] }) })).rejects.toThrow('interrupted');
    const stdout = await statusCommand('onet-status-2');
    expect(stdout).toMatch(/^onet-status-2 \(onet status-2\): interrupted: the run begun \S+ has not finished$/m);
    expect(stdout).toContain('  Skills.txt: interrupted after 4 items, so far 4 rows read: 4 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected');
  });

  it('lists every release of a taxonomy named alone', async () => {
    const stdout = await statusCommand('onet');
    expect(stdout).toMatch(/^onet-30\.0 /m);
    expect(stdout).toMatch(/^onet-status-2 /m);
  });
});

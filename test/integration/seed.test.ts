import { graphFingerprint } from '../../src/database/graph-fingerprint';
import { migrate, readMigrations } from '../../src/database/migrate';
import { readCurated } from '../../src/data/read-curated';
import { seedCurated } from '../../src/data/seed-curated';
import { toGraphRows } from '../../src/data/to-graph-rows';
import { startTestApi, type TestApi } from './test-api';
import { testDatabase } from './test-database';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('loading the curated graph', () => {
  it('holds every node and link of the dataset', async () => {
    const rows = toGraphRows(readCurated());
    const [row] = await api.database.runner().read('graph-counts', {});
    const migrations = readMigrations().length; // one (:SchemaMigration) node each
    const loadRecords = 1; // the (:DatasetLoad) naming the curated file's version
    expect(row).toEqual({
      nodes: rows.sources.length + rows.entities.length + migrations + loadRecords,
      relationships: rows.links.length,
    });
  });

  it('a second time changes nothing', async () => {
    const before = await graphFingerprint(api.database);
    const report = await seedCurated(api.database, readCurated());
    expect(report.links).toEqual({ created: 0, updated: 0, unchanged: toGraphRows(readCurated()).links.length });
    expect(await graphFingerprint(api.database)).toEqual(before);
  });

  it('applies no migration twice', async () => {
    expect(await migrate(api.database.driver, testDatabase.database)).toEqual([]);
  });
});

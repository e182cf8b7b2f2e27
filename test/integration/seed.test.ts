import { graphFingerprint } from '../support/graph-fingerprint';
import { migrate, readMigrations, runStatements } from '../../src/database/migrate';
import { readCurated } from '../../src/data/read-curated';
import { seedCurated } from '../../src/repositories/curated-loader';
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

  it('derives every skill requirement\'s weight, and the weight migration repairs one missing or wrong', async () => {
    const mismatched = `MATCH ()-[r:REQUIRES_SKILL]->()
      RETURN count(r) AS requirements,
        count(CASE WHEN r.weight IS NULL OR r.weight <> coalesce(r.importance / 5.0, CASE r.essential WHEN true THEN 1.0 WHEN false THEN 0.5 END, 1.0) THEN 1 END) AS mismatched`;
    const read = async () => (await api.database.driver.executeQuery(mismatched, {}, { database: testDatabase.database })).records[0]?.toObject();
    expect(await read()).toEqual({ requirements: expect.any(Number), mismatched: 0 });
    const before = await graphFingerprint(api.database);
    await api.database.driver.executeQuery(
      'MATCH ()-[r:REQUIRES_SKILL]->() WITH r ORDER BY elementId(r) LIMIT 3 WITH collect(r) AS rs FOREACH (r IN rs[0..2] | REMOVE r.weight) FOREACH (r IN rs[2..] | SET r.weight = 7.0)',
      {},
      { database: testDatabase.database },
    );
    expect(await read()).toMatchObject({ mismatched: 3 });
    const migration = readMigrations().find((m) => m.name === 'requirement_weight');
    // A missing migration leaves the three mismatches, which the next line catches.
    if (migration) await runStatements(api.database.driver, testDatabase.database, migration);
    expect(await read()).toMatchObject({ mismatched: 0 });
    expect(await graphFingerprint(api.database)).toEqual(before);
  });

  it('applies no migration twice', async () => {
    expect(await migrate(api.database.driver, testDatabase.database)).toEqual([]);
  });
});

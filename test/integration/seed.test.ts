import { graphFingerprint } from '../support/graph-fingerprint';
import { LANGUAGES } from '../../src/models/languages';
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
    // The (:GraphState) nodes recording that the role weights and the kept neighbours are current, and the writers' lock.
    const graphState = 3;
    const migrationLease = 1; // the (:MigrationLease) one process at a time holds while it migrates
    expect(row).toEqual({
      nodes: rows.sources.length + rows.nodes.length + migrations + loadRecords + graphState + migrationLease,
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

  it('the node-label migration relabels nodes a graph stored as Entity, and leaves the id constraint and search index on Node', async () => {
    const query = async (cypher: string, params: Record<string, unknown> = {}) =>
      (await api.database.driver.executeQuery(cypher, params, { database: testDatabase.database })).records.map((record) => record.toObject());
    const ids = ['migration-007-probe-a', 'migration-007-probe-b'];
    // Nodes as a graph written before the migration holds them: Entity, no Node, no name (so no other test can find them).
    await query('UNWIND $ids AS id CREATE (:Entity {id: id})', { ids });
    try {
      const migration = readMigrations().find((m) => m.name === 'node_label');
      // A missing migration leaves the probes as Entity, which the next line catches.
      if (migration) await runStatements(api.database.driver, testDatabase.database, migration);
      expect(await query('MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, labels(n) AS labels ORDER BY id', { ids })).toEqual(
        ids.map((id) => ({ id, labels: ['Node'] })),
      );
      expect(await query('MATCH (n:Entity) RETURN count(n) AS entities')).toEqual([{ entities: 0 }]);
      const constraints = await query('SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties RETURN name, labelsOrTypes, properties ORDER BY name');
      expect(constraints).toContainEqual({ name: 'node_id_unique', labelsOrTypes: ['Node'], properties: ['id'] });
      expect(constraints.map((constraint) => constraint.name)).not.toContain('entity_id_unique');
      const indexes = await query("SHOW INDEXES YIELD name, type, labelsOrTypes WHERE type = 'FULLTEXT' RETURN name, labelsOrTypes ORDER BY name");
      // English on node_search; one index per other language (migration 010) and the exact lookup's (011), each on Node too.
      expect(indexes).toEqual(
        ['node_search', 'node_exact', ...Object.values(LANGUAGES).map((language) => language.index)].sort().map((name) => ({ name, labelsOrTypes: ['Node'] })),
      );
    } finally {
      await query('MATCH (n) WHERE n.id IN $ids DELETE n', { ids });
    }
  });

  it('the fact-count migration counts the facts citing each source, as the writers kept it while loading', async () => {
    const query = async (cypher: string, params: Record<string, unknown> = {}) =>
      (await api.database.driver.executeQuery(cypher, params, { database: testDatabase.database })).records.map((record) => record.toObject());
    const kept = await query('MATCH (s:Source) RETURN s.id AS id, s.factCount AS facts ORDER BY id');
    const counted = await query(
      `MATCH (s:Source)
       CALL (s) { MATCH (n:Node) WHERE s.id IN n.sourceIds RETURN count(n) AS nodes }
       CALL (s) { MATCH ()-[r]->() WHERE s.id IN r.sourceIds RETURN count(r) AS links }
       RETURN s.id AS id, nodes + links AS facts ORDER BY id`,
    );
    expect(kept).toEqual(counted);
    // Not a comparison of nothing: the articles' sources are cited (the editorial mapping's source may not be, until
    // the taxonomies it maps to are imported).
    expect(kept.filter((row) => Number(row.facts) > 0).length).toBeGreaterThanOrEqual(2);
    // As a graph written before the counts were kept holds its sources.
    await query('MATCH (s:Source) REMOVE s.factCount');
    try {
      const migration = readMigrations().find((m) => m.name === 'source_fact_count');
      if (migration) await runStatements(api.database.driver, testDatabase.database, migration);
      expect(await query('MATCH (s:Source) RETURN s.id AS id, s.factCount AS facts ORDER BY id')).toEqual(counted);
    } finally {
      await query('UNWIND $kept AS row MATCH (s:Source {id: row.id}) SET s.factCount = row.facts', { kept });
    }
  });

  it('applies no migration twice', async () => {
    expect(await migrate(api.database.driver, testDatabase.database)).toEqual([]);
  });

  it('applies a pending migration once when several processes start at once, the others waiting for the lease', async () => {
    // The last migration (an index created IF NOT EXISTS: safe to run again) made pending again.
    const last = readMigrations().at(-1);
    if (!last) throw new Error('no migrations');
    const recorded = async () =>
      (await api.database.driver.executeQuery('MATCH (m:SchemaMigration {version: $version}) RETURN count(m) AS n', { version: last.version }, { database: testDatabase.database }))
        .records[0]?.get('n');
    // Several rounds of several processes: the race a lease taken without a lock loses shows in some rounds only.
    for (let round = 0; round < 5; round += 1) {
      await api.database.driver.executeQuery('MATCH (m:SchemaMigration {version: $version}) DELETE m', { version: last.version }, { database: testDatabase.database });
      expect(await recorded()).toBe(0);

      const applied: number[] = [];
      let waited = 0;
      const starts = await Promise.all(
        Array.from({ length: 6 }, () =>
          migrate(api.database.driver, testDatabase.database, { onApply: (migration) => applied.push(migration.version), onWait: () => (waited += 1) }),
        ),
      );
      expect({ round, applied }).toEqual({ round, applied: [last.version] });
      expect(starts.map((pending) => pending.length).sort()).toEqual([0, 0, 0, 0, 0, 1]);
      expect(waited).toBeGreaterThan(0);
      expect(await recorded()).toBe(1);
    }
  });
});

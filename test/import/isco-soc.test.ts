import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { repoRoot } from '../../src/config/repo-root';
import { ISCO_SOC_CROSSWALK, importIscoSocCrosswalk } from '../../src/import/crosswalk/isco-soc-import';
import { ImportFileError } from '../../src/import/delimited';
import { importEsco, iscoGroupId } from '../../src/import/esco/esco-import';
import { importOnet, occupationId } from '../../src/import/onet/onet-import';
import { writeGraphRows } from '../../src/repositories/graph-writer';
import { graphFingerprint } from '../support/graph-fingerprint';
import { expectNoErrors } from '../support/expect-graphql-error';
import { readTsv } from '../support/read-tsv';
import { startTestApi, type TestApi } from '../integration/test-api';
import { IMPORT_URI_VARIABLE } from './global-setup';

const fixtures = path.join(repoRoot(), 'test', 'fixtures');
const crosswalk = path.join(fixtures, 'crosswalks', 'isco_soc_crosswalk_2010SOC_to_ISCO08.tsv');
const bridge = path.join(fixtures, 'crosswalks', '2010_to_2019_Crosswalk.csv');
const english = path.join(fixtures, 'esco-1.1.1', 'ESCO dataset - v1.1.1 - classification - en - csv');
const quiet = { progress: () => undefined, batchSize: 3, restart: false };

// Two O*NET occupations the fixture O*NET release lacks, which a row the BLS marks "part" (27-4099 -> 3521) leads
// to; written as an O*NET import writes an occupation, and removed after the file.
const EXTRA = ['27-4015.00', '27-4099.00'];

// What the fixtures hold, read here independently of the importer: the BLS rows (codes trimmed, as the workbook
// pads 248 of them with a space), the bridge, O*NET's occupations and ESCO's ISCO groups.
const rows = readTsv(crosswalk).map((row) => ({ soc: (row['2010 SOC Code'] as string).trim(), isco: (row['ISCO-08 Code'] as string).trim(), part: row.part === '*' }));
const bridgeRows = parseCsv(fs.readFileSync(bridge, 'utf8'), { columns: true }) as Record<string, string>[];
const onetCodes = new Set([...readTsv(path.join(fixtures, 'onet', 'Occupation Data.txt')).map((row) => row['O*NET-SOC Code'] as string), ...EXTRA]);
const groupCodes = new Set((parseCsv(fs.readFileSync(path.join(english, 'ISCOGroups_en.csv'), 'utf8'), { columns: true }) as Record<string, string>[]).map((row) => row.code));
const reached = (soc: string) => [
  ...new Set(bridgeRows.filter((row) => row['O*NET-SOC 2010 Code']?.startsWith(`${soc}.`)).map((row) => row['O*NET-SOC 2019 Code'] as string)),
];
const written = rows.filter((row) => groupCodes.has(row.isco) && reached(row.soc).some((code) => onetCodes.has(code)));
const expectedPairs = new Map<string, { onet: string; isco: string; part: boolean }>();
for (const row of written) {
  for (const onet of reached(row.soc).filter((code) => onetCodes.has(code))) {
    const key = `${onet}|${row.isco}`;
    expectedPairs.set(key, { onet, isco: row.isco, part: (expectedPairs.get(key)?.part ?? false) || row.part });
  }
}

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi(process.env[IMPORT_URI_VARIABLE]);
  await importOnet(api.database, { ...quiet, dir: path.join(fixtures, 'onet'), release: '30.0', minImportance: 3 });
  await importEsco(api.database, { ...quiet, dirs: [path.join(fixtures, 'esco-1.1.1')], release: '1.1.1' });
  await api.database.writeTransaction('test', (run) =>
    writeGraphRows(
      run,
      {
        sources: [],
        nodes: EXTRA.map((code) => ({ id: occupationId(code), label: 'Role', properties: { name: `O*NET ${code}`, externalCodes: [`ONET_SOC:${code}`], sourceIds: ['onet-30.0'], quotes: [''], inferred: false } })),
        links: [],
      },
      'test',
    ),
  );
});
afterAll(async () => {
  await api.database.driver.executeQuery('MATCH (n:Node) WHERE n.id IN $ids DETACH DELETE n', { ids: EXTRA.map(occupationId) });
  await api.close();
});

describe('the BLS ISCO-08 to SOC 2010 crosswalk, bridged to O*NET-SOC 2019', () => {
  it('holds rows of every kind: written, marked part, and skipped for a missing bridge, occupation or group', () => {
    expect(written.length).toBeGreaterThan(2);
    expect([...expectedPairs.values()].filter((pair) => pair.part).length).toBeGreaterThan(0);
    expect(rows.some((row) => reached(row.soc).length === 0)).toBe(true);
    expect(rows.some((row) => !groupCodes.has(row.isco))).toBe(true);
    expect(rows.some((row) => row.isco.length === 3)).toBe(true);
  });

  it('accounts for every row and links each O*NET occupation the bridge reaches to its ISCO-08 group', async () => {
    const report = await importIscoSocCrosswalk(api.database, { ...quiet, files: [bridge, crosswalk] });
    const [step] = report.steps;
    expect(report.source).toBe('bls-isco-soc-2010');
    expect(step).toMatchObject({ read: rows.length, items: written.length, skipped: rows.length - written.length, rejected: 0, badRows: [] });
    expect(report.counts).toMatchObject({ rows: written.length, equivalences: expectedPairs.size, bridgeRows: bridgeRows.length, bridgeRejected: 0 });
    const noBridge = step?.warnings.find((warning) => /has no O\*NET-SOC 2010 occupation of SOC 2010 27-1011/.test(warning.problem));
    expect(noBridge?.line).toBe(rows.findIndex((row) => row.soc === '27-1011') + 2);

    const { records } = await api.database.driver.executeQuery(
      `MATCH (a:Role)-[r:EQUIVALENT_TO]->(g:OccupationGroup) WHERE $source IN r.sourceIds
       RETURN a.id AS from, g.id AS to, r.match AS match, r.crosswalk AS crosswalk ORDER BY from, to`,
      { source: 'bls-isco-soc-2010' },
    );
    const expected = [...expectedPairs.values()]
      .map((pair) => ({ from: occupationId(pair.onet), to: iscoGroupId(pair.isco), match: pair.part ? 'part' : null, crosswalk: ISCO_SOC_CROSSWALK }))
      .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
    expect(records.map((record) => record.toObject())).toEqual(expected);
  });

  it("shows the group among the O*NET occupation's equivalents, citing the BLS row and the bridge row", async () => {
    const response = await api.query(`{ role(id: "${occupationId('27-4014.00')}") {
      equivalents { role { id } group { id code } name crosswalk match sources { source { id } quote } }
    } }`);
    expectNoErrors(response);
    const toGroup = response.data?.role.equivalents.filter((entry: { group: unknown }) => entry.group !== null);
    expect(toGroup).toEqual([
      {
        role: null,
        group: { id: iscoGroupId('3521'), code: '3521' },
        name: expect.any(String),
        crosswalk: ISCO_SOC_CROSSWALK,
        match: null,
        sources: [
          { source: { id: 'bls-isco-soc-2010' }, quote: '2010 SOC 27-4014 Sound Engineering Technicians: ISCO-08 3521 Broadcasting and audio-visual technicians' },
          { source: { id: 'onet-soc-2010-2019' }, quote: 'O*NET-SOC 2010 27-4014.00 Sound Engineering Technicians: O*NET-SOC 2019 27-4014.00 Sound Engineering Technicians' },
        ],
      },
    ]);
  });

  it('lets a path cross from an O*NET occupation to an ESCO occupation through the group', async () => {
    // The import suites share one database, and the ESCO to O*NET crosswalk suite, if it ran first, linked the
    // group's ESCO occupations to this O*NET one directly: the way through the group is then one of the paths,
    // not the shortest, so the test looks for it among them.
    const onet = occupationId('27-4011.00');
    const { records } = await api.database.driver.executeQuery(
      "MATCH (r:Role)-[:IN_OCCUPATION_GROUP]->(:OccupationGroup {id: 'isco-3521'}) WHERE r.id STARTS WITH 'esco-' RETURN r.id AS id ORDER BY id LIMIT 1",
    );
    const esco = records[0]?.get('id') as string;
    expect(esco).toEqual(expect.any(String));
    const response = await api.query(
      `{ paths(from: "${onet}", to: "${esco}", via: [EQUIVALENT_TO, IN_OCCUPATION_GROUP], maxHops: 2, first: 10) { steps { from to relation } } }`,
    );
    expectNoErrors(response);
    const paths = response.data?.paths as { steps: { from: string; to: string; relation: string }[] }[];
    expect(paths.filter((found) => found.steps.length === 2)).toEqual([
      {
        steps: [
          { from: onet, to: iscoGroupId('3521'), relation: 'EQUIVALENT_TO' },
          { from: iscoGroupId('3521'), to: esco, relation: 'IN_OCCUPATION_GROUP' },
        ],
      },
    ]);
  });

  it('changes nothing when run again', async () => {
    const before = await graphFingerprint(api.database);
    const again = await importIscoSocCrosswalk(api.database, { ...quiet, restart: true, files: [crosswalk, bridge] });
    expect(again.steps[0]).toMatchObject({ alreadyDone: false, items: written.length });
    const after = await graphFingerprint(api.database);
    expect({ nodes: after.nodes, relationships: after.relationships }).toEqual({ nodes: before.nodes, relationships: before.relationships });
  });

  it('refuses files it cannot tell apart, naming what it needs', async () => {
    await expect(importIscoSocCrosswalk(api.database, { ...quiet, files: [crosswalk] })).rejects.toThrow(ImportFileError);
    await expect(importIscoSocCrosswalk(api.database, { ...quiet, files: [crosswalk, path.join(fixtures, 'onet', 'Occupation Data.txt')] })).rejects.toThrow(
      /neither the BLS ISCO-08 to SOC 2010 crosswalk/,
    );
  });
});

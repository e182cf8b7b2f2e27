import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { repoRoot } from '../../src/config/repo-root';
import { ESCO_ONET_CROSSWALK, importEscoOnetCrosswalk } from '../../src/import/crosswalk/esco-onet-import';
import { escoId, importEsco, iscoGroupId } from '../../src/import/esco/esco-import';
import { importOnet, occupationId } from '../../src/import/onet/onet-import';
import { graphFingerprint } from '../support/graph-fingerprint';
import { expectNoErrors } from '../support/expect-graphql-error';
import { startTestApi, type TestApi } from '../integration/test-api';
import { IMPORT_URI_VARIABLE } from './global-setup';

const fixtures = path.join(repoRoot(), 'test', 'fixtures');
const english = path.join(fixtures, 'esco-1.1.1', 'ESCO dataset - v1.1.1 - classification - en - csv');
const crosswalk = path.join(fixtures, 'crosswalks', 'ESCO_to_ONET-SOC.tsv');
const quiet = { progress: () => undefined, batchSize: 4, restart: false };

/** A tab-delimited fixture as column -> value, read here independently of the importer. */
function tsv(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  const columns = (header as string).split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((value, index) => [columns[index], value])));
}
const csv = (file: string) => parseCsv(fs.readFileSync(path.join(english, file), 'utf8'), { columns: true }) as Record<string, string>[];

// What the fixtures hold, and so which crosswalk rows have both ends in the graph.
const occupations = csv('occupations_en.csv');
const uriByCode = new Map(occupations.map((row) => [row.code as string, row.conceptUri as string]));
const groupCodes = new Set(csv('ISCOGroups_en.csv').map((row) => row.code as string));
const onetCodes = new Set(tsv(path.join(fixtures, 'onet', 'Occupation Data.txt')).map((row) => row['O*NET-SOC Code'] as string));
const rows = tsv(crosswalk).map((row) => ({ esco: row['ESCO/ISCO Code'] as string, onet: row['O*NET-SOC 2019 Code'] as string }));
const isGroup = (code: string) => /^\d{1,4}$/.test(code);
const linked = rows.filter((row) => onetCodes.has(row.onet) && (isGroup(row.esco) ? groupCodes.has(row.esco) : uriByCode.has(row.esco)));
const equivalences = linked.filter((row) => !isGroup(row.esco));
const placements = linked.filter((row) => isGroup(row.esco));

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi(process.env[IMPORT_URI_VARIABLE]);
  // The same releases as import.test.ts: loading them again, in whichever order the files run, changes nothing.
  await importOnet(api.database, { ...quiet, dir: path.join(fixtures, 'onet'), release: '30.0', minImportance: 3 });
  await importEsco(api.database, { ...quiet, dirs: [path.join(fixtures, 'esco-1.1.1')], release: '1.1.1' });
});
afterAll(() => api.close());

describe("O*NET's ESCO to O*NET-SOC crosswalk", () => {
  it('stores each ESCO occupation\'s code, which rolesByCode finds', async () => {
    const response = await api.query('{ rolesByCode(system: ESCO_CODE, code: "3521.1.6") { id externalCodes { system code } } }');
    expectNoErrors(response);
    expect(response.data?.rolesByCode).toEqual([
      {
        id: escoId(uriByCode.get('3521.1.6') as string),
        externalCodes: [
          { system: 'ESCO', code: uriByCode.get('3521.1.6') },
          { system: 'ISCO', code: '3521' },
          { system: 'ESCO_CODE', code: '3521.1.6' },
        ],
      },
    ]);
    const malformed = await api.query('{ rolesByCode(system: ESCO_CODE, code: "3521-1") { id } }');
    expect(malformed.errors?.[0]?.message).toMatch(/ESCO_CODE code such as 3521\.1\.7/);
  });

  it('links every row whose two ends the graph holds, and skips the others with a warning', async () => {
    // The fixture mixes both kinds of rows with rows naming occupations and groups the fixtures lack.
    expect(equivalences.length).toBeGreaterThan(3);
    expect(placements.length).toBeGreaterThan(1);
    expect(rows.length - linked.length).toBeGreaterThan(10);
    const report = await importEscoOnetCrosswalk(api.database, { ...quiet, file: crosswalk });
    const [step] = report.steps;
    expect(report.source).toBe('onet-esco-crosswalk');
    expect(report.counts).toEqual({ occupations: equivalences.length, groups: placements.length, missing: rows.length - linked.length });
    expect(step).toMatchObject({ read: rows.length, items: linked.length, skipped: rows.length - linked.length, rejected: 0, badRows: [] });
    expect(step?.warnings[0]?.problem).toMatch(/^the graph holds no (ESCO occupation|ISCO-08 group|O\*NET occupation) /);

    const { records } = await api.database.driver.executeQuery(
      'MATCH (a:Role)-[r:EQUIVALENT_TO]->(b:Role) WHERE $source IN r.sourceIds RETURN a.id AS from, b.id AS to ORDER BY from, to',
      { source: 'onet-esco-crosswalk' },
    );
    const expected = equivalences.map((row) => ({ from: escoId(uriByCode.get(row.esco) as string), to: occupationId(row.onet) }));
    expect(records.map((record) => record.toObject())).toEqual(expected.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)));
  });

  it('shows each equivalence from both ends, with the crosswalk and its citation', async () => {
    const technician = escoId(uriByCode.get('3521.1.6') as string);
    const response = await api.query(`{
      esco: role(id: "${technician}") { equivalents { role { id } crosswalk match sources { source { id } } } }
      onet: role(id: "${occupationId('27-4014.00')}") { equivalents { role { id } crosswalk } occupationGroups { id } }
    }`);
    expectNoErrors(response);
    // Other crosswalks (the BLS's, the curated roles' mapping) may have linked these roles too, whichever file ran first.
    type Entry = { role: { id: string } | null; crosswalk: string };
    const data = response.data as Record<'esco' | 'onet', { equivalents: Entry[] }>;
    for (const side of ['esco', 'onet'] as const) {
      data[side].equivalents = data[side].equivalents.filter((entry: Entry) => entry.crosswalk === ESCO_ONET_CROSSWALK);
    }
    const expectedOnet = equivalences.filter((row) => row.esco === '3521.1.6').map((row) => occupationId(row.onet));
    expect(response.data?.esco.equivalents.map((entry: { role: { id: string } }) => entry.role.id).sort()).toEqual(expectedOnet.sort());
    expect(response.data?.esco.equivalents[0]).toMatchObject({ crosswalk: ESCO_ONET_CROSSWALK, match: null, sources: [{ source: { id: 'onet-esco-crosswalk' } }] });
    const expectedEsco = equivalences.filter((row) => row.onet === '27-4014.00').map((row) => escoId(uriByCode.get(row.esco) as string));
    expect(response.data?.onet.equivalents.map((entry: { role: { id: string } }) => entry.role.id).sort()).toEqual(expectedEsco.sort());
    // A row naming an ISCO-08 group places the O*NET occupation in it.
    const groups = placements.filter((row) => row.onet === '27-4014.00').map((row) => iscoGroupId(row.esco));
    expect(groups.length).toBe(1);
    expect(response.data?.onet.occupationGroups.map((group: { id: string }) => group.id)).toEqual(groups);
  });

  it('lets a path cross from an O*NET occupation to an ESCO one through an equivalence', async () => {
    const producer = escoId(uriByCode.get('2654.3.1') as string);
    const response = await api.query(`{
      paths(from: "${occupationId('27-2041.00')}", to: "${producer}", via: [EQUIVALENT_TO], maxHops: 1) { steps { relation } explanation }
    }`);
    expectNoErrors(response);
    expect(response.data?.paths[0]?.steps).toEqual([{ relation: 'EQUIVALENT_TO' }]);
    expect(response.data?.paths[0]?.explanation).toMatch(/equivalent/);
  });

  it('changes nothing when run again, and reports the same account', async () => {
    const before = await graphFingerprint(api.database);
    const again = await importEscoOnetCrosswalk(api.database, { ...quiet, file: crosswalk });
    expect(again.steps[0]).toMatchObject({ alreadyDone: true, items: linked.length, skipped: rows.length - linked.length });
    const restarted = await importEscoOnetCrosswalk(api.database, { ...quiet, restart: true, file: crosswalk });
    expect(restarted.steps[0]).toMatchObject({ alreadyDone: false, items: linked.length });
    const after = await graphFingerprint(api.database);
    expect({ nodes: after.nodes, relationships: after.relationships }).toEqual({ nodes: before.nodes, relationships: before.relationships });
  });
});

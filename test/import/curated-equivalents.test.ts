import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { repoRoot } from '../../src/config/repo-root';
import { readCurated } from '../../src/data/read-curated';
import { escoId, importEsco, iscoGroupId } from '../../src/import/esco/esco-import';
import { importOnet, occupationId } from '../../src/import/onet/onet-import';
import { CURATED_MAPPING_CROSSWALK } from '../../src/repositories/curated-equivalents';
import { seedCurated } from '../../src/repositories/curated-loader';
import { expectNoErrors } from '../support/expect-graphql-error';
import { readTsv } from '../support/read-tsv';
import { startTestApi, type TestApi } from '../integration/test-api';
import { IMPORT_URI_VARIABLE } from './global-setup';

const fixtures = path.join(repoRoot(), 'test', 'fixtures');
const english = path.join(fixtures, 'esco-1.1.1', 'ESCO dataset - v1.1.1 - classification - en - csv');
const quiet = { progress: () => undefined, batchSize: 50, restart: false };

// The mapping as the curated file states it, and what the fixtures hold, read here independently of the loader.
const dataset = readCurated();
const csv = (file: string) => parseCsv(fs.readFileSync(path.join(english, file), 'utf8'), { columns: true }) as Record<string, string>[];
const escoUriByCode = new Map(csv('occupations_en.csv').map((row) => [row.code as string, row.conceptUri as string]));
const groupCodes = new Set(csv('ISCOGroups_en.csv').map((row) => row.code as string));
const onetCodes = new Set(readTsv(path.join(fixtures, 'onet', 'Occupation Data.txt')).map((row) => row['O*NET-SOC Code'] as string));
const editorial = dataset.sources.filter((source) => source.editorial).map((source) => source.id);

/** The node a mapped code names in the fixture graph, or null when the fixtures lack it. */
function expectedTarget(code: string): string | null {
  const [system, value = ''] = code.split(':');
  if (system === 'ONET_SOC') return onetCodes.has(value) ? occupationId(value) : null;
  if (system === 'ISCO') return groupCodes.has(value) ? iscoGroupId(value) : null;
  const uri = escoUriByCode.get(value);
  return uri ? escoId(uri) : null;
}
const expectedOf = (roleId: string) =>
  (dataset.entities.roles.find((role) => role.id === roleId)?.equivalents ?? []).flatMap((entry) => {
    const target = expectedTarget(entry.code);
    return target ? [{ target, match: entry.match, reason: entry.reason }] : [];
  });

const EQUIVALENTS = `query ($id: ID!) { role(id: $id) { equivalents { role { id } group { id } name crosswalk match reason sources { source { id } quote } } } }`;
type Equivalent = { role: { id: string } | null; group: { id: string } | null; crosswalk: string; match: string; reason: string; sources: { source: { id: string }; quote: string | null }[] };
async function equivalentsOf(id: string): Promise<Equivalent[]> {
  const response = await api.query(EQUIVALENTS, { id });
  expectNoErrors(response);
  return response.data?.role.equivalents as Equivalent[];
}
const simplified = (entries: Equivalent[]) =>
  entries
    .filter((entry) => entry.crosswalk === CURATED_MAPPING_CROSSWALK)
    .map((entry) => ({ target: entry.role?.id ?? entry.group?.id, match: entry.match, reason: entry.reason }))
    .sort((a, b) => String(a.target).localeCompare(String(b.target)));

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi(process.env[IMPORT_URI_VARIABLE]);
  // The suite's graph holds the curated roles (loaded at setup); the imports' last step links them to what they bring.
  await importOnet(api.database, { ...quiet, dir: path.join(fixtures, 'onet'), release: '30.0', minImportance: 3 });
  await importEsco(api.database, { ...quiet, dirs: [path.join(fixtures, 'esco-1.1.1')], release: '1.1.1' });
}, 180_000);
afterAll(() => api.close());

describe("the curated roles' mapping to O*NET, ESCO and ISCO-08", () => {
  it('cites an editorial source of its own, never the articles', () => {
    expect(editorial.length).toBe(1);
    for (const role of dataset.entities.roles) {
      for (const entry of role.equivalents ?? []) expect(entry.citations.map((citation) => citation.source)).toEqual(editorial);
    }
  });

  it("lists the audio engineer's counterparts the graph holds among its equivalents, with match, reason and the mapping's source", async () => {
    const expected = expectedOf('audio-engineer');
    // The fixtures hold an O*NET occupation, an ESCO occupation and an ISCO group the audio engineer maps to.
    expect(expected.map((entry) => entry.target.split('-')[0]).sort()).toEqual(['esco', 'isco', 'onet']);
    const found = await equivalentsOf('audio-engineer');
    expect(simplified(found)).toEqual(expected.sort((a, b) => a.target.localeCompare(b.target)));
    for (const entry of found) expect(entry.sources).toEqual(editorial.map((id) => ({ source: { id }, quote: null })));
  });

  it('answers the same for every curated role, and from the counterpart back', async () => {
    for (const role of dataset.entities.roles) expect(simplified(await equivalentsOf(role.id))).toEqual(expectedOf(role.id).sort((a, b) => a.target.localeCompare(b.target)));
    const technician = escoId(escoUriByCode.get('3521.1.6') as string);
    const back = (await equivalentsOf(technician)).filter((entry) => entry.crosswalk === CURATED_MAPPING_CROSSWALK).map((entry) => entry.role?.id);
    const mappedTo = dataset.entities.roles.filter((role) => role.equivalents?.some((entry) => entry.code === 'ESCO_CODE:3521.1.6')).map((role) => role.id);
    expect(back.sort()).toEqual(mappedTo.sort());
  });

  it('lets a path from a curated role reach an ESCO occupation through its equivalence', async () => {
    const producer = escoId(escoUriByCode.get('2654.3.1') as string);
    const response = await api.query(`{ paths(from: "music-producer", to: "${producer}", via: [EQUIVALENT_TO], maxHops: 1) { steps { relation } explanation } }`);
    expectNoErrors(response);
    expect(response.data?.paths[0]?.steps).toEqual([{ relation: 'EQUIVALENT_TO' }]);
  });

  it('makes the links again on the curated load, and removes those the mapping no longer states', async () => {
    await api.database.driver.executeQuery("MATCH (:Role {id: 'audio-engineer'})-[r:EQUIVALENT_TO]->() DELETE r");
    await seedCurated(api.database, dataset);
    expect(simplified(await equivalentsOf('audio-engineer'))).toHaveLength(expectedOf('audio-engineer').length);

    const narrowed = structuredClone(dataset);
    const audio = narrowed.entities.roles.find((role) => role.id === 'audio-engineer');
    if (audio) audio.equivalents = audio.equivalents?.filter((entry) => entry.code.startsWith('ONET_SOC:'));
    await seedCurated(api.database, narrowed);
    expect(simplified(await equivalentsOf('audio-engineer')).map((entry) => entry.target)).toEqual([occupationId('27-4014.00')]);
    await seedCurated(api.database, dataset);
    expect(simplified(await equivalentsOf('audio-engineer'))).toHaveLength(expectedOf('audio-engineer').length);
  });
});

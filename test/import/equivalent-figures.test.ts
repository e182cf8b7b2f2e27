import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { repoRoot } from '../../src/config/repo-root';
import { readCurated } from '../../src/data/read-curated';
import { importOews } from '../../src/import/bls/oews-import';
import { importProjections } from '../../src/import/bls/projections-import';
import { importEscoOnetCrosswalk } from '../../src/import/crosswalk/esco-onet-import';
import { escoId, importEsco } from '../../src/import/esco/esco-import';
import { importOnet, occupationId } from '../../src/import/onet/onet-import';
import { expectNoErrors } from '../support/expect-graphql-error';
import { readTsv } from '../support/read-tsv';
import { startTestApi, type TestApi } from '../integration/test-api';
import { IMPORT_URI_VARIABLE } from './global-setup';

const fixtures = path.join(repoRoot(), 'test', 'fixtures');
const english = path.join(fixtures, 'esco-1.1.1', 'ESCO dataset - v1.1.1 - classification - en - csv');
const quiet = { progress: () => undefined, batchSize: 50, restart: false };

// Read here independently of the importers: the crosswalk's rows, O*NET's occupations, the BLS tables, the curated mapping.
const escoUriByCode = new Map(
  (parseCsv(fs.readFileSync(path.join(english, 'occupations_en.csv'), 'utf8'), { columns: true }) as Record<string, string>[]).map((row) => [row.code as string, row.conceptUri as string]),
);
const onetCodes = new Set(readTsv(path.join(fixtures, 'onet', 'Occupation Data.txt')).map((row) => row['O*NET-SOC Code'] as string));
const crosswalkRows = readTsv(path.join(fixtures, 'crosswalks', 'ESCO_to_ONET-SOC.tsv'));
const oews = readTsv(path.join(fixtures, 'bls', 'oews_national_M2025_cross_industry.tsv')).filter((row) => row.O_GROUP === 'detailed');
const projections = readTsv(path.join(fixtures, 'bls', 'occupation_table_1.2.tsv')).filter((row) => row['Occupation type'] === 'Line item');
const curated = readCurated().entities.roles;

/** The SOC codes an ESCO occupation reaches: those its O*NET equivalents refine, and those of the curated roles mapped to it. */
function expectedSocCodes(escoCode: string): string[] {
  const onet = crosswalkRows.filter((row) => row['ESCO/ISCO Code'] === escoCode && onetCodes.has(row['O*NET-SOC 2019 Code'] as string)).map((row) => row['O*NET-SOC 2019 Code'] as string);
  const mapped = curated
    .filter((role) => role.equivalents?.some((entry) => entry.code === `ESCO_CODE:${escoCode}`))
    .flatMap((role) => (role.externalCodes ?? []).filter((code) => code.startsWith('ONET_SOC:')).map((code) => code.slice('ONET_SOC:'.length)));
  const published = new Set([...oews.map((row) => row.OCC_CODE as string), ...projections.map((row) => row['2024 National Employment Matrix code'] as string)]);
  return [...new Set([...onet, ...mapped].map((code) => code.slice(0, 7)))].filter((soc) => published.has(soc)).sort();
}

const FIGURES = `query ($id: ID!) { role(id: $id) {
  salaries { id }
  equivalentFigures { socCode via { id } salaries { median year socCode provider sources { source { id } } } growth { percent period socCode } }
} }`;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi(process.env[IMPORT_URI_VARIABLE]);
  await importOnet(api.database, { ...quiet, dir: path.join(fixtures, 'onet'), release: '30.0', minImportance: 3 });
  await importEsco(api.database, { ...quiet, dirs: [path.join(fixtures, 'esco-1.1.1')], release: '1.1.1' });
  await importEscoOnetCrosswalk(api.database, { ...quiet, file: path.join(fixtures, 'crosswalks', 'ESCO_to_ONET-SOC.tsv') });
  // Read again in full (restart): another file of the suite may have loaded the tables before O*NET was in the graph.
  await importOews(api.database, { ...quiet, restart: true, file: path.join(fixtures, 'bls', 'oews_national_M2025_cross_industry.tsv'), release: 'M2025' });
  await importProjections(api.database, { ...quiet, restart: true, file: path.join(fixtures, 'bls', 'occupation_table_1.2.tsv'), release: null });
}, 180_000);
afterAll(() => api.close());

describe('BLS figures of an ESCO occupation, through its equivalents', () => {
  it("shows the recording studio technician the OEWS wages and projection of 27-4014, citing the BLS, with the O*NET occupation it comes through", async () => {
    const technician = escoId(escoUriByCode.get('3521.1.6') as string);
    const expectedCodes = expectedSocCodes('3521.1.6');
    expect(expectedCodes).toContain('27-4014');
    const response = await api.query(FIGURES, { id: technician });
    expectNoErrors(response);
    const { salaries, equivalentFigures } = (response.data as { role: { salaries: unknown[]; equivalentFigures: Record<string, any>[] } }).role;
    expect(salaries).toEqual([]);
    expect(equivalentFigures.map((entry) => entry.socCode)).toEqual(expectedCodes);

    const sound = equivalentFigures.find((entry) => entry.socCode === '27-4014') as Record<string, any>;
    expect(sound.via.map((role: { id: string }) => role.id)).toContain(occupationId('27-4014.00'));
    const row = oews.find((candidate) => candidate.OCC_CODE === '27-4014') as Record<string, string>;
    expect(sound.salaries).toEqual([
      { median: Number(row.A_MEDIAN), year: 2025, socCode: '27-4014', provider: 'U.S. Bureau of Labor Statistics (OEWS)', sources: [{ source: { id: 'bls-oews-m2025' } }] },
    ]);
    const projection = projections.find((candidate) => candidate['2024 National Employment Matrix code'] === '27-4014') as Record<string, string>;
    const change = Object.keys(projection).find((column) => column.startsWith('Employment change, percent')) as string;
    expect(sound.growth).toEqual([{ percent: Number(projection[change]), period: '2024-34', socCode: '27-4014' }]);
  });

  it("shows ESCO's music producer the figures of each SOC code it reaches, one entry per code", async () => {
    const producer = escoId(escoUriByCode.get('2654.3.1') as string);
    const response = await api.query(FIGURES, { id: producer });
    expectNoErrors(response);
    const entries = response.data?.role.equivalentFigures as { socCode: string; salaries: { socCode: string }[] }[];
    expect(entries.map((entry) => entry.socCode)).toEqual(expectedSocCodes('2654.3.1'));
    for (const entry of entries) for (const salary of entry.salaries) expect(salary.socCode).toBe(entry.socCode);
  });

  it('leaves out a SOC code whose figures the role holds itself', async () => {
    const response = await api.query(FIGURES, { id: occupationId('27-4014.00') });
    expectNoErrors(response);
    expect(response.data?.role.salaries.length).toBeGreaterThan(0);
    expect(response.data?.role.equivalentFigures.map((entry: { socCode: string }) => entry.socCode)).not.toContain('27-4014');
  });
});

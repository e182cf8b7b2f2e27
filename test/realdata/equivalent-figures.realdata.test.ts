import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { importOews } from '../../src/import/bls/oews-import';
import { importEscoOnetCrosswalk } from '../../src/import/crosswalk/esco-onet-import';
import { escoId, importEsco } from '../../src/import/esco/esco-import';
import { importOnet, occupationId } from '../../src/import/onet/onet-import';
import { expectNoErrors } from '../support/expect-graphql-error';
import { describeNeeding } from '../support/outside-repo';
import { readTsv } from '../support/read-tsv';
import { realData, unpackRealData } from '../support/real-data';
import { startTestApi, type TestApi } from '../integration/test-api';
import { REALDATA_URI_VARIABLE } from './global-setup';
import { DEFAULT_BATCH_SIZE } from '../../src/import/import-run';

const ENGLISH = 'ESCO dataset - v1.1.1 - classification - en - csv';
const quietly = { batchSize: DEFAULT_BATCH_SIZE, restart: false, progress: () => undefined };

describeNeeding(realData, 'BLS figures of ESCO occupations through their O*NET equivalents, on the published releases', () => {
  let api: TestApi;
  let uriByCode = new Map<string, string>();

  beforeAll(async () => {
    api = await startTestApi(process.env[REALDATA_URI_VARIABLE]);
    await importOnet(api.database, { ...quietly, dir: unpackRealData('onet-29.0/db_29_0_text'), release: '29.0', minImportance: 3 });
    const escoRoot = unpackRealData('esco-1.1.1');
    await importEsco(api.database, { ...quietly, dirs: [escoRoot], release: '1.1.1' });
    await importEscoOnetCrosswalk(api.database, { ...quietly, file: unpackRealData('crosswalks/ESCO_to_ONET-SOC.xlsx') });
    // Read again in full: another file of the suite may have loaded the workbook before O*NET was in the graph.
    await importOews(api.database, { ...quietly, restart: true, file: unpackRealData('bls-oews/M2024/national_M2024_dl.xlsx'), release: 'M2024' });
    uriByCode = new Map(
      (parseCsv(fs.readFileSync(path.join(escoRoot, ENGLISH, 'occupations_en.csv'), 'utf8'), { columns: true }) as Record<string, string>[]).map((row) => [
        row.code as string,
        row.conceptUri as string,
      ]),
    );
  }, 1_800_000);
  afterAll(() => api?.close());

  it("shows ESCO's sound mastering engineer the May 2024 median of 27-4014 as the BLS workbook states it, through Sound Engineering Technicians", async () => {
    // Computed from the published files: the crosswalk's O*NET occupations of 3521.1.9, and the workbook's first sheet as TSV.
    const onet = readTsv(unpackRealData('crosswalks/derived/ESCO_to_ONET-SOC.tsv'))
      .filter((row) => row['ESCO/ISCO Code'] === '3521.1.9')
      .map((row) => row['O*NET-SOC 2019 Code'] as string);
    expect(onet).toContain('27-4014.00');
    const m2024 = readTsv(unpackRealData('bls-oews/M2024/derived/national_M2024_dl.tsv')).filter((row) => row.O_GROUP === 'detailed');
    const published = new Set(m2024.map((row) => row.OCC_CODE as string));
    const expectedCodes = [...new Set(onet.map((code) => code.slice(0, 7)))].filter((soc) => published.has(soc)).sort();
    const median = Number(m2024.find((row) => row.OCC_CODE === '27-4014')?.A_MEDIAN);

    const started = performance.now();
    const response = await api.query(
      `{ role(id: "${escoId(uriByCode.get('3521.1.9') as string)}") { name equivalentFigures { socCode via { id } salaries { median year socCode sources { source { id } } } } } }`,
    );
    expectNoErrors(response);
    const entries = response.data?.role.equivalentFigures as { socCode: string; via: { id: string }[]; salaries: { median: number; year: number; socCode: string; sources: unknown[] }[] }[];
    process.stdout.write(
      `${String(response.data?.role.name)}: ${entries.map((entry) => `${entry.socCode} ${entry.salaries.map((salary) => `${salary.year} median ${salary.median}`).join(', ')}`).join('; ')} ` +
        `(${((performance.now() - started) / 1000).toFixed(2)} s)\n`,
    );
    expect(entries.map((entry) => entry.socCode).filter((code) => expectedCodes.includes(code))).toEqual(expectedCodes);
    const sound = entries.find((entry) => entry.socCode === '27-4014');
    expect(sound?.via.map((role) => role.id)).toContain(occupationId('27-4014.00'));
    expect(sound?.salaries.find((salary) => salary.year === 2024)).toEqual({ median, year: 2024, socCode: '27-4014', sources: [{ source: { id: 'bls-oews-m2024' } }] });
  });
});

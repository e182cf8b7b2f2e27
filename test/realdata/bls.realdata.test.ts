import fs from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { socOfOnetCode } from '../../src/import/bls/roles-by-soc';
import { importOews } from '../../src/import/bls/oews-import';
import { importProjections } from '../../src/import/bls/projections-import';
import { readCurated } from '../../src/data/read-curated';
import { expectNoErrors } from '../support/expect-graphql-error';
import { describeNeeding } from '../support/outside-repo';
import { realData, unpackRealData } from '../support/real-data';
import { startTestApi, type TestApi } from '../integration/test-api';
import { REALDATA_URI_VARIABLE } from './global-setup';
import { readTsv as tsv } from '../support/read-tsv';
import { DEFAULT_BATCH_SIZE } from '../../src/import/import-run';


const quiet = { progress: () => undefined, batchSize: DEFAULT_BATCH_SIZE, restart: false };

/** The curated roles that carry an O*NET-SOC code, with the SOC 2018 code it refines. */
const curatedWithCodes = readCurated()
  .entities.roles.flatMap((role) => (role.externalCodes ?? []).filter((code) => code.startsWith('ONET_SOC:')).map((code) => ({ id: role.id, soc: code.slice(9, 16) })));

describeNeeding(realData, 'BLS wages and projections, whole published tables', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(process.env[REALDATA_URI_VARIABLE]);
  });
  afterAll(() => api?.close());

  const SALARIES = `query ($id: ID!) {
    role(id: $id) {
      salaries { median p10 p90 employment year provider sources { source { id } } }
      growth { percent period provider }
    }
  }`;

  it("finds each O*NET occupation's SOC 2018 code as O*NET's 2019 to SOC crosswalk states it, for every row", () => {
    const rows = parseCsv(fs.readFileSync(unpackRealData('crosswalks/2019_to_SOC_Crosswalk.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(1016);
    const differing = rows.filter((row) => socOfOnetCode(row['O*NET-SOC 2019 Code'] ?? '') !== row['2018 SOC Code']);
    expect(differing).toEqual([]);
  });

  it('the May 2024 workbook as BLS ships it, the May 2025 table and projections 2024-34 land on the curated roles beside their 2017 figures', async () => {
    expect(curatedWithCodes.length).toBeGreaterThan(0);
    const started = Date.now();
    // The workbook, read with its first sheet, against its first sheet as TSV (a plain conversion the release carries).
    const workbook = unpackRealData('bls-oews/M2024/national_M2024_dl.xlsx');
    const m2024 = tsv(unpackRealData('bls-oews/M2024/derived/national_M2024_dl.tsv')).filter((row) => row.O_GROUP === 'detailed');
    const m2025File = unpackRealData('bls-oews/M2025/oews_national_M2025_cross_industry.tsv');
    const m2025 = tsv(m2025File).filter((row) => row.O_GROUP === 'detailed');
    const projectionsFile = unpackRealData('bls-ep-2024-34/derived/occupation_table_1.2.tsv');
    const projections = tsv(projectionsFile).filter((row) => row['Occupation type'] === 'Line item');

    const reports = [
      await importOews(api.database, { ...quiet, file: workbook, release: 'M2024' }),
      await importOews(api.database, { ...quiet, file: m2025File, release: 'M2025' }),
      await importProjections(api.database, { ...quiet, file: projectionsFile, release: null }),
    ];
    process.stderr.write(`  BLS OEWS May 2024 (xlsx), May 2025 and projections 2024-34 imported in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    expect(reports.flatMap((report) => report.steps.flatMap((step) => step.badRows))).toEqual([]);
    // Each detailed occupation written, or skipped when no role carries its code (it would write nothing).
    const detailedRows = (step: (typeof reports)[number]['steps'][number] | undefined) => (step?.items ?? 0) + (step?.skipReasons["no role carries the row's SOC code"] ?? 0);
    expect(reports.map((report) => detailedRows(report.steps[0]))).toEqual([m2024.length, m2025.length, projections.length]);

    for (const { id, soc } of curatedWithCodes) {
      const response = await api.query(SALARIES, { id });
      expectNoErrors(response);
      const { salaries, growth } = (response.data as Record<string, any>).role;
      const expected = (rows: Record<string, string>[]) => {
        const row = rows.find((candidate) => candidate.OCC_CODE === soc) as Record<string, string>;
        return Number(row.A_MEDIAN);
      };
      const oews = salaries.filter((salary: { provider: string }) => salary.provider === 'U.S. Bureau of Labor Statistics (OEWS)');
      expect(oews.map((salary: { year: number; median: number }) => [salary.year, salary.median]).sort()).toEqual([
        [2024, expected(m2024)],
        [2025, expected(m2025)],
      ]);
      // The curated 2017 figures are still there, beside them.
      expect(salaries.some((salary: { year: number | null }) => salary.year === 2017)).toBe(true);
      const projection = projections.find((row) => row['2024 National Employment Matrix code'] === soc) as Record<string, string>;
      expect(growth).toContainEqual(expect.objectContaining({ period: '2024-34', percent: Number(projection['Employment change, percent, 2024–34']) }));
    }
  }, 300_000);
});

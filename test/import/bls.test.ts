import path from 'node:path';
import { repoRoot } from '../../src/config/repo-root';
import { importOews } from '../../src/import/bls/oews-import';
import { importProjections } from '../../src/import/bls/projections-import';
import { graphFingerprint } from '../support/graph-fingerprint';
import { expectNoErrors } from '../support/expect-graphql-error';
import { startTestApi, type TestApi } from '../integration/test-api';
import { IMPORT_URI_VARIABLE } from './global-setup';
import { readTsv } from '../support/read-tsv';
import { lastChanges } from '../support/last-changes';

const fixtures = path.join(repoRoot(), 'test', 'fixtures', 'bls');
const quiet = { progress: () => undefined, batchSize: 2, restart: false };

/** A tab-separated fixture as column -> value, read here independently of the importers. */
const tsv = (file: string) => readTsv(path.join(fixtures, file));

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi(process.env[IMPORT_URI_VARIABLE]);
});
afterAll(() => api.close());

const ROLE_FIGURES = `query ($id: ID!) {
  role(id: $id) {
    externalCodes { system code }
    salaries { id median mean p10 p25 p75 p90 employment year provider population sources { source { id } } }
    growth { id percent period provider baseEmployment projectedEmployment sources { source { id } } }
  }
}`;

/** The SOC 2018 code of the curated role's O*NET-SOC code: 27-4014.00 refines 27-4014. */
async function figuresOf(id: string) {
  const response = await api.query(ROLE_FIGURES, { id });
  expectNoErrors(response);
  const role = response.data?.role;
  const soc = (role.externalCodes as { system: string; code: string }[]).find((code) => code.system === 'ONET_SOC')?.code.slice(0, 7);
  return { role, soc };
}

describe('BLS wages (OEWS national table)', () => {
  const rows = tsv('oews_national_M2025_cross_industry.tsv');
  const detailed = rows.filter((row) => row.O_GROUP === 'detailed');

  it('reads every detailed occupation, and no group row, without a bad row', async () => {
    const report = await importOews(api.database, { ...quiet, file: path.join(fixtures, 'oews_national_M2025_cross_industry.tsv'), release: 'M2025' });
    expect(report.steps.flatMap((step) => step.badRows)).toEqual([]);
    // Every row read; group rows skipped, and detailed ones whose code no role carries (they would write nothing).
    const step = report.steps[0];
    expect(step?.read).toBe(rows.length);
    expect(step?.skipReasons).toMatchObject({ 'broad group row: not a detailed occupation': rows.filter((row) => row.O_GROUP === 'broad').length });
    expect((step?.items ?? 0) + (step?.skipReasons["no role carries the row's SOC code"] ?? 0)).toBe(detailed.length);
    expect(step?.items).toBeGreaterThan(0);
  });

  it.each([['audio-engineer'], ['music-producer']])('gives %s the May 2025 figures of its SOC code beside the salaries it had', async (id) => {
    const { role, soc } = await figuresOf(id);
    const row = detailed.find((candidate) => candidate.OCC_CODE === soc) as Record<string, string>;
    const oews = role.salaries.filter((salary: { provider: string }) => salary.provider === 'U.S. Bureau of Labor Statistics (OEWS)');
    expect(oews).toEqual([
      expect.objectContaining({
        median: Number(row.A_MEDIAN),
        mean: Number(row.A_MEAN),
        p10: Number(row.A_PCT10),
        p25: Number(row.A_PCT25),
        p75: Number(row.A_PCT75),
        p90: Number(row.A_PCT90),
        employment: Number(row.TOT_EMP),
        year: 2025,
        population: expect.stringContaining(`(SOC ${soc})`),
        sources: [{ source: { id: 'bls-oews-m2025' } }],
      }),
    ]);
    // The curated figures stay: every salary the role had before is still there.
    expect(role.salaries.length).toBeGreaterThan(oews.length);
  });

  it('a second time, read again from the start, changes no fact', async () => {
    const before = await graphFingerprint(api.database);
    const changesBefore = await lastChanges(api.database);
    await importOews(api.database, { ...quiet, file: path.join(fixtures, 'oews_national_M2025_cross_industry.tsv'), release: 'M2025', restart: true });
    const after = await graphFingerprint(api.database);
    // Only the checkpoints' own timestamps move: no fact was stamped as changed.
    expect({ nodes: after.nodes, relationships: after.relationships }).toEqual({ nodes: before.nodes, relationships: before.relationships });
    expect(await lastChanges(api.database)).toEqual(changesBefore);
  });
});

describe('BLS Employment Projections (table 1.2)', () => {
  const rows = tsv('occupation_table_1.2.tsv');
  const lineItems = rows.filter((row) => row['Occupation type'] === 'Line item');

  it('reads every line item, and no summary row, without a bad row, and takes the period from the headers', async () => {
    const report = await importProjections(api.database, { ...quiet, file: path.join(fixtures, 'occupation_table_1.2.tsv'), release: null });
    expect(report.source).toBe('bls-ep-2024-34');
    expect(report.steps.flatMap((step) => step.badRows)).toEqual([]);
    const step = report.steps[0];
    expect(step?.read).toBe(rows.length);
    expect(step?.skipReasons['a summary row: not a detailed occupation']).toBe(rows.length - lineItems.length);
    expect((step?.items ?? 0) + (step?.skipReasons["no role carries the row's SOC code"] ?? 0)).toBe(lineItems.length);
    expect(step?.items).toBeGreaterThan(0);
  });

  it.each([['audio-engineer'], ['music-producer']])('gives %s the 2024-34 projection of its SOC code, in people', async (id) => {
    const { role, soc } = await figuresOf(id);
    const row = lineItems.find((candidate) => candidate['2024 National Employment Matrix code'] === soc) as Record<string, string>;
    const projection = role.growth.filter((growth: { period: string }) => growth.period === '2024-34');
    expect(projection).toEqual([
      expect.objectContaining({
        percent: Number(row['Employment change, percent, 2024–34']),
        baseEmployment: Math.round(Number(row['Employment, 2024']) * 1000),
        projectedEmployment: Math.round(Number(row['Employment, 2034']) * 1000),
        sources: [{ source: { id: 'bls-ep-2024-34' } }],
      }),
    ]);
  });
});

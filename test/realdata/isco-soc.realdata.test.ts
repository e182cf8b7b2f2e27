import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { importIscoSocCrosswalk, type IscoSocCounts } from '../../src/import/crosswalk/isco-soc-import';
import { importEsco, iscoGroupId } from '../../src/import/esco/esco-import';
import type { ImportReport } from '../../src/import/import-report';
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

describeNeeding(realData, 'the BLS ISCO-08 to SOC 2010 crosswalk as published, over O*NET 29.0 and ESCO v1.1.1', () => {
  let api: TestApi;
  let report: ImportReport & { counts: IscoSocCounts };
  let seconds = 0;
  const expected = { rows: 0, written: 0, skipped: 0, equivalences: 0, part: 0, bridgeRows: 0 };

  beforeAll(async () => {
    api = await startTestApi(process.env[REALDATA_URI_VARIABLE]);
    // Whichever file of the suite runs first imports the taxonomies; a repeated import reads only its checkpoints.
    await importOnet(api.database, { ...quietly, dir: unpackRealData('onet-29.0/db_29_0_text'), release: '29.0', minImportance: 3 });
    const escoRoot = unpackRealData('esco-1.1.1');
    await importEsco(api.database, { ...quietly, dirs: [escoRoot], release: '1.1.1' });

    // What the crosswalk should become, computed here from the published files: the workbook's SOC-to-ISCO sheet as
    // the release carries it in TSV (the importer reads the .xls itself), the bridge, O*NET's occupations, ESCO's groups.
    const rows = readTsv(unpackRealData('crosswalks/derived/isco_soc_crosswalk_2010SOC_to_ISCO08.tsv')).map((row) => ({
      soc: (row['2010 SOC Code'] as string).trim(),
      isco: (row['ISCO-08 Code'] as string).trim(),
      part: (row.part as string).trim() === '*',
    }));
    const bridgeFile = unpackRealData('crosswalks/2010_to_2019_Crosswalk.csv');
    const bridge = parseCsv(fs.readFileSync(bridgeFile, 'utf8'), { columns: true }) as Record<string, string>[];
    const onet = new Set(readTsv(path.join(unpackRealData('onet-29.0/db_29_0_text'), 'Occupation Data.txt')).map((row) => row['O*NET-SOC Code'] as string));
    const groups = new Set(
      (parseCsv(fs.readFileSync(path.join(escoRoot, ENGLISH, 'ISCOGroups_en.csv'), 'utf8'), { columns: true }) as Record<string, string>[]).map((row) => row.code),
    );
    const reached = new Map<string, Set<string>>();
    for (const row of bridge) {
      const soc = (row['O*NET-SOC 2010 Code'] as string).slice(0, 7);
      reached.set(soc, (reached.get(soc) ?? new Set()).add(row['O*NET-SOC 2019 Code'] as string));
    }
    const pairs = new Map<string, boolean>();
    let written = 0;
    for (const row of rows) {
      const present = [...(reached.get(row.soc) ?? [])].filter((code) => onet.has(code));
      if (!groups.has(row.isco) || present.length === 0) continue;
      written += 1;
      for (const code of present) pairs.set(`${code}|${row.isco}`, (pairs.get(`${code}|${row.isco}`) ?? false) || row.part);
    }
    Object.assign(expected, {
      rows: rows.length,
      written,
      skipped: rows.length - written,
      equivalences: pairs.size,
      part: [...pairs.values()].filter(Boolean).length,
      bridgeRows: bridge.length,
    });

    const started = performance.now();
    report = await importIscoSocCrosswalk(api.database, { ...quietly, restart: true, files: [unpackRealData('crosswalks/isco_soc_crosswalk.xls'), bridgeFile] });
    seconds = (performance.now() - started) / 1000;
    process.stdout.write(`ISCO-SOC crosswalk (xls) imported in ${seconds.toFixed(1)} s: ${JSON.stringify(report.counts)}; expected ${JSON.stringify(expected)}\n`);
  }, 1_800_000);
  afterAll(() => api?.close());

  it('reads every row of the Excel 97 workbook and accounts for each: written, or skipped with its reason', async () => {
    expect(expected.rows).toBe(1125);
    expect(report.steps[0]).toMatchObject({ read: expected.rows, items: expected.written, skipped: expected.skipped, rejected: 0, badRows: [] });
    expect(report.counts).toEqual({
      rows: expected.written,
      equivalences: expected.equivalences,
      part: expected.part,
      skipped: expected.skipped,
      bridgeRows: expected.bridgeRows,
      bridgeRejected: 0,
    });
    const { records } = await api.database.driver.executeQuery(
      `MATCH (:Role)-[r:EQUIVALENT_TO]->(:OccupationGroup) WHERE $source IN r.sourceIds
       RETURN count(r) AS links, count(CASE r.match WHEN 'part' THEN 1 END) AS part`,
      { source: 'bls-isco-soc-2010' },
    );
    expect({ links: Number(records[0]?.get('links')), part: Number(records[0]?.get('part')) }).toEqual({ links: expected.equivalences, part: expected.part });
  });

  it("gives O*NET's Sound Engineering Technicians the ISCO-08 unit group 3521 as an equivalent", async () => {
    const response = await api.query(`{ role(id: "${occupationId('27-4014.00')}") { equivalents { group { id } crosswalk match } } }`);
    expectNoErrors(response);
    const groups = response.data?.role.equivalents.filter((entry: { group: unknown }) => entry.group !== null);
    expect(groups).toContainEqual({ group: { id: iscoGroupId('3521') }, crosswalk: expect.stringMatching(/BLS/), match: null });
  });
});

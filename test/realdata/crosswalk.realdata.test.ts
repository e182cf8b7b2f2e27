import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { importEscoOnetCrosswalk } from '../../src/import/crosswalk/esco-onet-import';
import { escoId, importEsco } from '../../src/import/esco/esco-import';
import type { ImportReport } from '../../src/import/import-report';
import { importOnet, occupationId } from '../../src/import/onet/onet-import';
import { expectNoErrors } from '../support/expect-graphql-error';
import { describeNeeding } from '../support/outside-repo';
import { realData, unpackRealData } from '../support/real-data';
import { startTestApi, type TestApi } from '../integration/test-api';
import { REALDATA_URI_VARIABLE } from './global-setup';
import { DEFAULT_BATCH_SIZE } from '../../src/import/import-run';

const ENGLISH = 'ESCO dataset - v1.1.1 - classification - en - csv';
const quietly = { batchSize: DEFAULT_BATCH_SIZE, restart: false, progress: () => undefined };

/** A tab-delimited file as column -> value, read here independently of the importers (no quoting in these files). */
function tsv(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  const columns = (header as string).split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((value, index) => [columns[index], value.trim()])));
}

describeNeeding(realData, "O*NET's ESCO to O*NET-SOC crosswalk over O*NET 29.0 and ESCO v1.1.1", () => {
  let api: TestApi;
  let report: ImportReport & { counts: { occupations: number; groups: number; missing: number } };
  const expected = { rows: 0, equivalences: 0, placements: 0 };
  let uriByCode = new Map<string, string>();

  beforeAll(async () => {
    api = await startTestApi(process.env[REALDATA_URI_VARIABLE]);
    // Whichever file of the suite runs first, this one imports what it links; loading a release again reads only
    // its checkpoints (O*NET, ESCO) or, for a file an earlier run of this suite did not finish, finishes it.
    const started = performance.now();
    await importOnet(api.database, { ...quietly, dir: unpackRealData('onet-29.0/db_29_0_text'), release: '29.0', minImportance: 3 });
    const escoRoot = unpackRealData('esco-1.1.1');
    await importEsco(api.database, { ...quietly, dirs: [escoRoot], release: '1.1.1' });
    const taxonomies = (performance.now() - started) / 1000;

    // What the crosswalk should become, computed from the published files: its TSV (the same table as the workbook
    // the importer reads), ESCO's occupations and ISCO groups, O*NET's occupations.
    const rows = tsv(unpackRealData('crosswalks/derived/ESCO_to_ONET-SOC.tsv')).map((row) => ({ esco: row['ESCO/ISCO Code'] as string, onet: row['O*NET-SOC 2019 Code'] as string }));
    const csv = (file: string) => parseCsv(fs.readFileSync(path.join(escoRoot, ENGLISH, file), 'utf8'), { columns: true }) as Record<string, string>[];
    uriByCode = new Map(csv('occupations_en.csv').map((row) => [row.code as string, row.conceptUri as string]));
    const groups = new Set(csv('ISCOGroups_en.csv').map((row) => row.code as string));
    const onet = new Set(tsv(path.join(unpackRealData('onet-29.0/db_29_0_text'), 'Occupation Data.txt')).map((row) => row['O*NET-SOC Code'] as string));
    const isGroup = (code: string) => /^\d{1,4}$/.test(code);
    const linked = rows.filter((row) => onet.has(row.onet) && (isGroup(row.esco) ? groups.has(row.esco) : uriByCode.has(row.esco)));
    Object.assign(expected, {
      rows: rows.length,
      equivalences: linked.filter((row) => !isGroup(row.esco)).length,
      placements: linked.filter((row) => isGroup(row.esco)).length,
    });

    const crosswalkStarted = performance.now();
    report = await importEscoOnetCrosswalk(api.database, { ...quietly, file: unpackRealData('crosswalks/ESCO_to_ONET-SOC.xlsx') });
    const seconds = (performance.now() - crosswalkStarted) / 1000;
    process.stdout.write(
      `O*NET 29.0 and ESCO v1.1.1 present in ${taxonomies.toFixed(1)} s; crosswalk imported in ${seconds.toFixed(1)} s: ` +
        `${JSON.stringify(report.counts)} of ${expected.rows} rows, expected ${JSON.stringify(expected)}\n`,
    );
  }, 1_800_000);
  afterAll(() => api?.close());

  it('links every row of the workbook whose two ends the graph holds, and skips the others with a warning', async () => {
    expect(expected.rows).toBe(8627);
    const missing = expected.rows - expected.equivalences - expected.placements;
    expect(report.counts).toEqual({ occupations: expected.equivalences, groups: expected.placements, missing });
    expect(report.steps[0]).toMatchObject({ read: expected.rows, items: expected.equivalences + expected.placements, skipped: missing, rejected: 0, badRows: [] });
    const { records } = await api.database.driver.executeQuery(
      `CALL () { MATCH (:Role)-[r:EQUIVALENT_TO]->(:Role) WHERE $source IN r.sourceIds RETURN count(r) AS equivalences }
       CALL () { MATCH (:Role)-[r:IN_OCCUPATION_GROUP]->(:OccupationGroup) WHERE $source IN r.sourceIds RETURN count(r) AS placements }
       RETURN equivalences, placements`,
      { source: 'onet-esco-crosswalk' },
    );
    expect({ equivalences: Number(records[0]?.get('equivalences')), placements: Number(records[0]?.get('placements')) }).toEqual({
      equivalences: expected.equivalences,
      placements: expected.placements,
    });
  });

  it('finds a path from O*NET\'s Sound Engineering Technicians to ESCO\'s sound mastering engineer through an equivalence', async () => {
    // ESCO v1.1.1 has no "sound engineer": its nearest occupation is the sound mastering engineer (3521.1.9).
    const target = escoId(uriByCode.get('3521.1.9') as string);
    const started = performance.now();
    const response = await api.query(`{ paths(from: "${occupationId('27-4014.00')}", to: "${target}") { length steps { relation } explanation } }`);
    expectNoErrors(response);
    const paths = response.data?.paths as { length: number; steps: { relation: string }[]; explanation: string }[];
    process.stdout.write(`paths in ${((performance.now() - started) / 1000).toFixed(1)} s:\n${paths.map((found) => `  ${found.explanation}`).join('\n')}\n`);
    const through = paths.find((found) => found.steps.some((step) => step.relation === 'EQUIVALENT_TO'));
    expect(through).toBeDefined();
    expect(through?.explanation).toMatch(/equivalent/);
  });
});

import path from 'node:path';
import { hardwareId, importOnet, occupationId, technologyId } from '../../src/import/onet/onet-import';
import type { ImportReport } from '../../src/import/import-report';
import { startTestApi, type TestApi } from '../integration/test-api';
import { describeNeeding } from '../support/outside-repo';
import { realData, unpackRealData } from '../support/real-data';
import { REALDATA_URI_VARIABLE } from './global-setup';
import { readTsv } from '../support/read-tsv';
import { DEFAULT_BATCH_SIZE } from '../../src/import/import-run';

/** The rows of one file of the release as column -> value, read here independently of the importer (no quoting in O*NET's text files). */
const tsv = (dir: string, file: string) => readTsv(path.join(dir, file));

const distinct = (values: Iterable<string>) => new Set(values).size;

describeNeeding(realData, 'O*NET 29.0, the whole published release', () => {
  let dir: string;
  let api: TestApi;
  let report: ImportReport;
  const options = () => ({ dir, release: '29.0', minImportance: 3, batchSize: DEFAULT_BATCH_SIZE, restart: false, progress: () => undefined });
  const count = async (cypher: string) => Number((await api.database.driver.executeQuery(cypher)).records[0]?.get(0));
  const lastChanges = async () =>
    (
      await api.database.driver.executeQuery(
        'CALL () { MATCH (n:Node) RETURN max(n.updatedAt) AS nodes, count(n) AS nodeCount } CALL () { MATCH ()-[r]->() RETURN max(r.updatedAt) AS links, count(r) AS linkCount } RETURN toString(nodes) AS nodes, toString(links) AS links, nodeCount, linkCount',
      )
    ).records[0]?.toObject();

  beforeAll(async () => {
    dir = unpackRealData('onet-29.0/db_29_0_text');
    api = await startTestApi(process.env[REALDATA_URI_VARIABLE]);
    const started = performance.now();
    report = await importOnet(api.database, options());
    process.stderr.write(`O*NET 29.0 imported whole in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }, 20 * 60_000);
  afterAll(() => api?.close());

  it('reads every row without a bad one', () => {
    expect(report.steps.flatMap((step) => step.badRows)).toEqual([]);
    expect(report.steps.find((step) => step.file === 'Technology Skills.txt')?.items).toBe(32_470);
    expect(report.steps.find((step) => step.file === 'Tools Used.txt')?.items).toBe(41_650);
  });

  it('accounts for every row of every file it reads: read = created + updated + unchanged + skipped + rejected', () => {
    for (const step of report.steps) {
      const rows = tsv(dir, step.file).length;
      expect({ file: step.file, read: step.read, sum: step.created + step.updated + step.unchanged + step.skipped + step.rejected }).toEqual({
        file: step.file,
        read: rows,
        sum: rows,
      });
    }
    // The education file's rows of other scales are read and skipped by design, none with a warning.
    const education = tsv(dir, 'Education, Training, and Experience.txt');
    const step = report.steps.find((entry) => entry.file === 'Education, Training, and Experience.txt');
    expect(step?.skipReasons).toMatchObject({ 'scale RW: not imported': education.filter((row) => row['Scale ID'] === 'RW').length });
    expect(step?.warned).toBe(0);
  });

  it('keeps every technology product and every role-technology link: 8,749 and 32,470', async () => {
    const rows = tsv(dir, 'Technology Skills.txt');
    expect(distinct(rows.map((row) => row.Example as string))).toBe(8_749);
    expect(distinct(rows.map((row) => `${row['O*NET-SOC Code']}|${row.Example}`))).toBe(32_470);
    expect(await count("MATCH (t:Tool) WHERE t.id STARTS WITH 'onet-tool-' RETURN count(t)")).toBe(8_749);
    expect(await count("MATCH (:Role)-[r:USES_TOOL]->(t:Tool) WHERE t.id STARTS WITH 'onet-tool-' RETURN count(r)")).toBe(32_470);
    // C, C# and C++ are three products, each used by the occupations that list it.
    for (const name of ['C', 'C#', 'C++']) {
      const users = rows.filter((row) => row.Example === name).length;
      const stored = await api.database.driver.executeQuery('MATCH (:Role)-[r:USES_TOOL]->(t:Tool {id: $id}) RETURN t.name AS name, count(r) AS users', {
        id: technologyId(name),
      });
      expect(stored.records.map((record) => [record.get('name'), Number(record.get('users'))])).toEqual([[name, users]]);
    }
  });

  it('loads the tools used as hardware, every one and every link, the commodity on the link', async () => {
    const rows = tsv(dir, 'Tools Used.txt');
    const names = distinct(rows.map((row) => row.Example as string));
    expect(await count("MATCH (t:Tool {kind: 'hardware'}) WHERE t.id STARTS WITH 'onet-hardware-' RETURN count(t)")).toBe(names);
    expect(await count("MATCH (:Role)-[r:USES_TOOL]->(t:Tool {kind: 'hardware'}) WHERE r.commodityCode IS NOT NULL RETURN count(r)")).toBe(rows.length);

    const sound = rows.filter((row) => row['O*NET-SOC Code'] === '27-4014.00');
    const response = await api.query(`{ role(id: "${occupationId('27-4014.00')}") { toolLinks { tool { id name kind } commodity } } }`);
    const hardware = (response.data?.role.toolLinks as { tool: { id: string; name: string; kind: string }; commodity: string }[]).filter(
      (link) => link.tool.kind === 'hardware',
    );
    expect(hardware.map((link) => link.tool.id).sort()).toEqual(sound.map((row) => hardwareId(row.Example as string)).sort());
    expect(hardware).toContainEqual({ tool: expect.objectContaining({ name: 'Audio mixer consoles' }), commodity: 'Audio mixing consoles' });
    expect(hardware.filter((link) => link.commodity === 'Microphones').length).toBeGreaterThanOrEqual(5);
  });

  it.each(['27-4014.00', '15-1252.00', '11-1011.00', '29-1141.00'])('lists the related occupations of %s exactly as O*NET does, tier, index and order', async (code) => {
    const tiers = ['Primary-Short', 'Primary-Long', 'Supplemental'];
    const own = tsv(dir, 'Related Occupations.txt')
      .filter((row) => row['O*NET-SOC Code'] === code)
      .sort((a, b) => tiers.indexOf(a['Relatedness Tier'] as string) - tiers.indexOf(b['Relatedness Tier'] as string) || Number(a.Index) - Number(b.Index))
      .map((row) => ({ role: { id: occupationId(row['Related O*NET-SOC Code'] as string) }, tier: row['Relatedness Tier'], rank: Number(row.Index) }));
    expect(own.length).toBeGreaterThan(0);
    const response = await api.query(`{ role(id: "${occupationId(code)}") { relatedRoles { role { id } tier rank inferred } } }`);
    const listed = response.data?.role.relatedRoles as { role: { id: string }; tier: string | null; rank: number | null; inferred: boolean }[];
    expect(listed.filter((link) => link.tier !== null).map(({ role, tier, rank }) => ({ role, tier, rank }))).toEqual(own);
    // Anything else listed is a curated role sharing the code, inferred, after O*NET's list.
    expect(listed.slice(own.length).every((link) => link.tier === null && link.inferred)).toBe(true);
  });

  it('lists apart, with their own tier and index, the occupations naming 27-4014.00', async () => {
    const naming = tsv(dir, 'Related Occupations.txt').filter((row) => row['Related O*NET-SOC Code'] === '27-4014.00');
    const response = await api.query(`{ role(id: "${occupationId('27-4014.00')}") { relatedFrom { role { id } tier rank } } }`);
    const expected = naming.map((row) => ({ role: { id: occupationId(row['O*NET-SOC Code'] as string) }, tier: row['Relatedness Tier'], rank: Number(row.Index) }));
    expect(response.data?.role.relatedFrom).toEqual(expect.arrayContaining(expected));
    expect(response.data?.role.relatedFrom).toHaveLength(expected.length);
  });

  it.each(['27-4014.00', '11-1011.00', '29-1141.00'])('gives %s its required level of education as O*NET states it, every share above 0, the largest as typical', async (code) => {
    const shares = tsv(dir, 'Education, Training, and Experience.txt')
      .filter((row) => row['O*NET-SOC Code'] === code && row['Scale ID'] === 'RL' && Number(row['Data Value']) > 0)
      .map((row) => ({ category: Number(row.Category), share: Number(row['Data Value']) }))
      .sort((a, b) => b.share - a.share || a.category - b.category);
    expect(shares.length).toBeGreaterThan(0);
    const response = await api.query(`{ role(id: "${occupationId(code)}") { education { share education { id } } typicalEducation { share education { id } } } }`);
    const role = response.data?.role as { education: { share: number | null; education: { id: string } }[]; typicalEducation: { share: number; education: { id: string } } };
    const listed = role.education.filter((requirement) => requirement.share !== null);
    expect(listed.map((requirement) => ({ id: requirement.education.id, share: requirement.share }))).toEqual(
      shares.map(({ category, share }) => ({ id: `onet-education-rl-${category}`, share })),
    );
    expect(role.typicalEducation).toEqual({ share: shares[0]?.share, education: { id: `onet-education-rl-${shares[0]?.category}` } });
  });

  it('changes nothing when run again from the first file', async () => {
    const before = await lastChanges();
    const started = performance.now();
    const again = await importOnet(api.database, { ...options(), restart: true });
    process.stderr.write(`O*NET 29.0 imported again in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    expect(again.steps.some((step) => step.alreadyDone)).toBe(false);
    expect(await lastChanges()).toEqual(before);
    // Every row read again: none created or updated, each written one unchanged.
    for (const [index, step] of again.steps.entries()) {
      expect({ file: step.file, read: step.read, created: step.created, updated: step.updated, unchanged: step.unchanged }).toEqual({
        file: step.file,
        read: report.steps[index]?.read,
        created: 0,
        updated: 0,
        unchanged: step.read - step.skipped - step.rejected,
      });
    }
  }, 20 * 60_000);
});

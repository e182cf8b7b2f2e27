import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config/repo-root';
import { graphFingerprint } from '../support/graph-fingerprint';
import { citationProperties } from '../../src/models/graph-rows';
import { markRoleWeightsPending, refreshRoleWeightsNow, roleWeightsPending } from '../../src/database/role-weights';
import { BatchLoader, type StepItem } from '../../src/import/batch-loader';
import { parse as parseCsv } from 'csv-parse/sync';
import { ImportFileError } from '../../src/import/delimited';
import { escoId, importEsco, skillGroupId } from '../../src/import/esco/esco-import';
import { locateEscoFiles } from '../../src/import/esco/locate-esco-files';
import { importEscoLabels, labelReleaseFromFolder, locateEscoLabelFiles } from '../../src/import/esco/esco-labels-import';
import { ImportRefusedError } from '../../src/import/import-report';
import { educationLevelId, hardwareId, importOnet, occupationId, technologyId } from '../../src/import/onet/onet-import';
import { startTestApi, type TestApi } from '../integration/test-api';
import { IMPORT_URI_VARIABLE } from './global-setup';
import { readTsv } from '../support/read-tsv';
import { lastChanges } from '../support/last-changes';
import { expectNoErrors } from '../support/expect-graphql-error';

const fixtures = path.join(repoRoot(), 'test', 'fixtures');
const quiet = { progress: () => undefined, batchSize: 7, restart: false };

/** The rows of a tab-delimited fixture as column -> value, read here independently of the importer. */
const tsv = (folder: string, file: string) => readTsv(path.join(fixtures, folder, file));

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi(process.env[IMPORT_URI_VARIABLE]);
});
afterAll(() => api.close());

describe('O*NET text release', () => {
  const occupations = tsv('onet', 'Occupation Data.txt');
  const code = '27-4014.00';

  it('loads every file without a bad row', async () => {
    const report = await importOnet(api.database, { ...quiet, dir: path.join(fixtures, 'onet'), release: '30.0', minImportance: 3 });
    expect(report.steps.flatMap((step) => step.badRows)).toEqual([]);
    expect(report.steps.find((step) => step.file === 'Occupation Data.txt')?.items).toBe(occupations.length);
    // Every row of the education file is read; a repeated (occupation, RL category) is skipped with a warning,
    // rows of other scales and shares of 0 by design.
    const education = tsv('onet', 'Education, Training, and Experience.txt');
    const firstSeen = new Set<string>();
    const repeats: number[] = [];
    let otherScales = 0;
    let zeros = 0;
    education.forEach((row, index) => {
      if (row['Scale ID'] !== 'RL') {
        otherScales += 1;
        return;
      }
      const key = `${row['O*NET-SOC Code']} ${row.Category}`;
      if (firstSeen.has(key)) repeats.push(index + 2);
      else if (Number(row['Data Value']) === 0) zeros += 1;
      firstSeen.add(key);
    });
    expect(otherScales * zeros).toBeGreaterThan(0);
    const step = report.steps.find((entry) => entry.file === 'Education, Training, and Experience.txt');
    expect(step).toMatchObject({ read: education.length, skipped: repeats.length + otherScales + zeros, warned: repeats.length, rejected: 0 });
    expect(step?.warnings.map((warning) => warning.line)).toEqual(repeats);
    expect(Object.values(step?.skipReasons ?? {}).reduce((sum, count) => sum + count, 0)).toBe(otherScales + zeros);
  });

  it('accounts for every row of every file: each read row created, updated, unchanged, skipped or rejected', async () => {
    const report = await importOnet(api.database, { ...quiet, dir: path.join(fixtures, 'onet'), release: '30.0', minImportance: 3 });
    const files = fs.readdirSync(path.join(fixtures, 'onet')).filter((file) => !file.includes('Categories') && file.endsWith('.txt'));
    expect(report.steps.map((step) => step.file).sort()).toEqual(files.sort());
    for (const step of report.steps) {
      expect({ file: step.file, read: step.read }).toEqual({ file: step.file, read: tsv('onet', step.file).length });
      expect({ file: step.file, sum: step.created + step.updated + step.unchanged + step.skipped + step.rejected }).toEqual({ file: step.file, sum: step.read });
    }
  });

  it('makes each occupation a role with its code, description and alternate titles', async () => {
    const occupation = occupations.find((row) => row['O*NET-SOC Code'] === code) as Record<string, string>;
    // Alternate titles and, since the release has them, the sample of reported titles.
    const titles = [
      ...tsv('onet', 'Alternate Titles.txt')
        .filter((row) => row['O*NET-SOC Code'] === code)
        .map((row) => row['Alternate Title']),
      ...tsv('onet', 'Sample of Reported Titles.txt')
        .filter((row) => row['O*NET-SOC Code'] === code)
        .map((row) => row['Reported Job Title']),
    ];
    const response = await api.query(`{ role(id: "${occupationId(code)}") { name summary aliases externalCodes { system code } citations { source { id } } } }`);
    expect(response.data?.role).toEqual({
      name: occupation.Title,
      summary: occupation.Description,
      aliases: expect.arrayContaining(titles),
      externalCodes: [{ system: 'ONET_SOC', code }],
      citations: [{ source: { id: 'onet-30.0' } }],
    });
    expect(response.data?.role.aliases).toHaveLength(new Set(titles).size);
  });

  it('requires exactly the skills and knowledge rated at importance 3 or more, with importance and level', async () => {
    const ratings = [...tsv('onet', 'Skills.txt'), ...tsv('onet', 'Knowledge.txt')];
    let below = 0;
    for (const occupation of occupations) {
      const own = ratings.filter((row) => row['O*NET-SOC Code'] === occupation['O*NET-SOC Code']);
      const scale = (id: string) =>
        new Map(own.filter((row) => row['Scale ID'] === id).map((row) => [String(row['Element Name']), Number(row['Data Value'])]));
      const importance = scale('IM');
      const level = scale('LV');
      const expected = [...importance]
        .filter(([, value]) => value >= 3)
        .map(([name, value]) => ({ skill: { name }, importance: value, level: level.get(name) ?? null }))
        .sort((a, b) => a.skill.name.localeCompare(b.skill.name));
      below += importance.size - expected.length;
      const response = await api.query(`{ role(id: "${occupationId(occupation['O*NET-SOC Code'] as string)}") { skills { skill { name } importance level } } }`);
      expect(response.data?.role.skills).toEqual(expected);
    }
    expect(below).toBeGreaterThan(0); // the fixture rates some below the threshold
  });

  it('relates occupations with tier and rank, and crosses into the curated graph through the shared code', async () => {
    const related = tsv('onet', 'Related Occupations.txt').filter((row) => row['O*NET-SOC Code'] === code);
    const response = await api.query(`{
      role(id: "${occupationId(code)}") { relatedRoles { role { id } tier rank } }
      paths(from: "audio-engineer", to: "${occupationId(code)}", maxHops: 1) { length explanation }
    }`);
    expect(response.data?.role.relatedRoles).toEqual(
      expect.arrayContaining(
        related.map((row) => ({ role: { id: occupationId(row['Related O*NET-SOC Code'] as string) }, tier: row['Relatedness Tier'], rank: Number(row.Index) })),
      ),
    );
    // The curated audio engineer's growth figure counts all sound engineering technicians (27-4014.00).
    expect(response.data?.paths).toEqual([{ length: 1, explanation: expect.stringContaining('the same O*NET-SOC occupation (27-4014.00)') }]);
  });

  it('lists an occupation\'s own related occupations in O*NET\'s order, and those naming it apart', async () => {
    const rows = tsv('onet', 'Related Occupations.txt');
    const tiers = ['Primary-Short', 'Primary-Long', 'Supplemental'];
    const entry = (other: string, row: Record<string, string>) => ({ role: { id: occupationId(other) }, tier: row['Relatedness Tier'], rank: Number(row.Index) });
    const own = rows
      .filter((row) => row['O*NET-SOC Code'] === code)
      .sort((a, b) => tiers.indexOf(a['Relatedness Tier'] as string) - tiers.indexOf(b['Relatedness Tier'] as string) || Number(a.Index) - Number(b.Index))
      .map((row) => entry(row['Related O*NET-SOC Code'] as string, row));
    const title = (other: string) => occupations.find((row) => row['O*NET-SOC Code'] === other)?.Title as string;
    const naming = rows
      .filter((row) => row['Related O*NET-SOC Code'] === code)
      .sort(
        (a, b) =>
          tiers.indexOf(a['Relatedness Tier'] as string) - tiers.indexOf(b['Relatedness Tier'] as string) ||
          Number(a.Index) - Number(b.Index) ||
          title(a['O*NET-SOC Code'] as string).localeCompare(title(b['O*NET-SOC Code'] as string)),
      )
      .map((row) => entry(row['O*NET-SOC Code'] as string, row));
    const response = await api.query(`{ role(id: "${occupationId(code)}") { relatedRoles { role { id } tier rank inferred } relatedFrom { role { id } tier rank } } }`);
    const related = response.data?.role.relatedRoles as { role: { id: string }; tier: string | null; rank: number | null; inferred: boolean }[];
    // O*NET's list, in O*NET's order (not by name), then the curated role sharing the code, inferred.
    expect(related.filter((link) => link.tier !== null).map(({ role, tier, rank }) => ({ role, tier, rank }))).toEqual(own);
    expect(related.filter((link) => link.tier === null).map((link) => [link.role.id, link.inferred])).toEqual([['audio-engineer', true]]);
    expect(response.data?.role.relatedFrom).toEqual(naming);
  });

  it('gives C, C# and C++ a tool each, and keeps each occupation\'s commodity and flags on its link', async () => {
    const technology = tsv('onet', 'Technology Skills.txt');
    const names = [...new Set(technology.map((row) => row.Example as string))];
    const stored = await api.database.driver.executeQuery("MATCH (t:Tool) WHERE t.id STARTS WITH 'onet-tool-' RETURN t.name AS name, t.kind AS kind, t.commodityCode AS code");
    expect(stored.records.map((record) => record.get('name')).sort()).toEqual([...names].sort());
    expect(new Set(stored.records.map((record) => record.get('kind')))).toEqual(new Set(['software']));
    expect(stored.records.every((record) => record.get('code') === null)).toBe(true);
    expect(new Set(['C', 'C#', 'C++'].map(technologyId)).size).toBe(3);

    const response = await api.query(`{ role(id: "${occupationId('27-4011.00')}") { toolLinks { tool { name kind } hot inDemand commodityCode commodity } } }`);
    const expected = technology
      .filter((row) => row['O*NET-SOC Code'] === '27-4011.00')
      .map((row) => ({
        tool: { name: row.Example, kind: 'software' },
        hot: row['Hot Technology'] === 'Y',
        inDemand: row['In Demand'] === 'Y',
        commodityCode: row['Commodity Code'],
        commodity: row['Commodity Title'],
      }));
    const links = response.data?.role.toolLinks as { tool: { kind: string } }[];
    expect(links.filter((link) => link.tool.kind === 'software')).toEqual(expect.arrayContaining(expected));
    expect(links.filter((link) => link.tool.kind === 'software')).toHaveLength(expected.length);
    // The same product under another commodity elsewhere: each occupation keeps its own.
    const elsewhere = await api.query(`{ role(id: "${occupationId('27-2012.00')}") { toolLinks { tool { id } commodityCode } } }`);
    expect(elsewhere.data?.role.toolLinks).toContainEqual({ tool: { id: technologyId('Adobe After Effects') }, commodityCode: '43232103' });
    expect(links).toContainEqual(expect.objectContaining({ tool: { name: 'Adobe After Effects', kind: 'software' }, commodityCode: '43232102' }));
  });

  it('makes the tools used hardware, with the commodity on each link', async () => {
    const used = tsv('onet', 'Tools Used.txt').filter((row) => row['O*NET-SOC Code'] === code);
    const response = await api.query(`{ role(id: "${occupationId(code)}") { toolLinks { tool { id name kind } hot commodityCode commodity } } }`);
    const hardware = (response.data?.role.toolLinks as { tool: { kind: string } }[]).filter((link) => link.tool.kind === 'hardware');
    expect(hardware).toEqual(
      expect.arrayContaining(
        used.map((row) => ({
          tool: { id: hardwareId(row.Example as string), name: row.Example, kind: 'hardware' },
          hot: null,
          commodityCode: row['Commodity Code'],
          commodity: row['Commodity Title'],
        })),
      ),
    );
    expect(hardware).toHaveLength(used.length); // "Dead blow hammers" and "Dead-blow hammers" are two
  });

  it('marks each task core or supplemental', async () => {
    const tasks = tsv('onet', 'Task Statements.txt').filter((row) => row['O*NET-SOC Code'] === code);
    const response = await api.query(`{ role(id: "${occupationId(code)}") { responsibilityLinks { responsibility { name } core } } }`);
    expect(response.data?.role.responsibilityLinks).toEqual(
      expect.arrayContaining(tasks.map((row) => ({ responsibility: { name: row.Task }, core: row['Task Type'] === 'Core' }))),
    );
    expect(response.data?.role.responsibilityLinks).toHaveLength(tasks.length);
  });

  it('gives each occupation the required levels of education its workers name, with each share, largest first, after the job zone is kept', async () => {
    // Read here from the fixture: the RL names by category, and each (occupation, category) share once.
    const names = new Map(
      tsv('onet', 'Education, Training, and Experience Categories.txt')
        .filter((row) => row['Scale ID'] === 'RL')
        .map((row) => [Number(row.Category), String(row['Category Description']).split(' - ')[0]]),
    );
    const shares = new Map<string, Map<number, number>>();
    for (const row of tsv('onet', 'Education, Training, and Experience.txt').filter((entry) => entry['Scale ID'] === 'RL')) {
      const own = shares.get(row['O*NET-SOC Code'] as string) ?? new Map<number, number>();
      own.set(Number(row.Category), Number(row['Data Value']));
      shares.set(row['O*NET-SOC Code'] as string, own);
    }
    const zones = new Map(tsv('onet', 'Job Zones.txt').map((row) => [row['O*NET-SOC Code'], row['Job Zone']]));
    let zeros = 0;
    for (const occupation of occupations) {
      const soc = occupation['O*NET-SOC Code'] as string;
      const own = [...(shares.get(soc) ?? new Map<number, number>())];
      zeros += own.filter(([, share]) => share === 0).length;
      const expected = own
        .filter(([, share]) => share > 0)
        .sort(([categoryA, a], [categoryB, b]) => b - a || categoryA - categoryB)
        .map(([category, share]) => ({ level: names.get(category), share, education: { id: educationLevelId(category) } }));
      expect(expected.length).toBeGreaterThan(0);
      const response = await api.query(`{ role(id: "${occupationId(soc)}") { education { level share education { id } } typicalEducation { level share } } }`);
      expect(response.errors).toBeUndefined();
      // The distribution, largest share first, then the job zone, which stays.
      expect(response.data?.role.education).toEqual([...expected, { level: `O*NET Job Zone ${zones.get(soc)}`, share: null, education: { id: `onet-job-zone-${zones.get(soc)}` } }]);
      expect(response.data?.role.typicalEducation).toEqual({ level: expected[0]?.level, share: expected[0]?.share });
    }
    expect(zeros).toBeGreaterThan(0); // the fixture has levels no worker names: no requirement
    const curated = await api.query('{ role(id: "audio-engineer") { typicalEducation { level } education { share } } }');
    expect(curated.data?.role.typicalEducation).toBeNull();
    expect((curated.data?.role.education as { share: number | null }[]).every((entry) => entry.share === null)).toBe(true);
  });

  it('recommends only roles of the job zones asked for: an occupation by its own zone, a curated role by its O*NET equivalents\'', async () => {
    // Every zone read here from the fixture; the skills held are those the fixture's occupations require, and the curated audio engineer's.
    const zones = new Map(tsv('onet', 'Job Zones.txt').map((row) => [occupationId(row['O*NET-SOC Code'] as string), Number(row['Job Zone'])]));
    const listed = await api.query<{ roles: { edges: { node: { id: string; skills: { skill: { id: string } }[] } }[] } }>(
      '{ roles(first: 30) { edges { node { id skills { skill { id } } } } } }',
    );
    expectNoErrors(listed);
    const skills = listed.data as { roles: { edges: { node: { id: string; skills: { skill: { id: string } }[] } }[] } };
    const held = [...new Set(skills.roles.edges.filter((edge) => zones.has(edge.node.id) || edge.node.id === 'audio-engineer').flatMap((edge) => edge.node.skills.map((entry) => entry.skill.id)))].slice(0, 100);
    expect(held.length).toBeGreaterThan(5);
    const recommend = async (filter: Record<string, number> | null) => {
      const response = await api.query<{ recommendRoles: { role: { id: string; equivalents: { role: { id: string } | null }[] } }[] }>(
        'query ($skills: [ID!], $filter: RoleFilter) { recommendRoles(skills: $skills, filter: $filter, first: 100) { role { id equivalents { role { id } } } } }',
        { skills: held, filter },
      );
      expectNoErrors(response);
      return response.data?.recommendRoles.map((entry) => entry.role) ?? [];
    };
    const zonesOf = (role: { id: string; equivalents: { role: { id: string } | null }[] }): number[] =>
      zones.has(role.id) ? [zones.get(role.id) as number] : role.equivalents.flatMap((equivalent) => (equivalent.role && zones.has(equivalent.role.id) ? [zones.get(equivalent.role.id) as number] : []));

    const everyRole = await recommend(null);
    for (const [filter, keep] of [
      [{ maxJobZone: 3 }, (zone: number) => zone <= 3],
      [{ minJobZone: 4 }, (zone: number) => zone >= 4],
      [{ minJobZone: 3, maxJobZone: 3 }, (zone: number) => zone === 3],
    ] as const) {
      const expected = everyRole.filter((role) => zonesOf(role).some(keep)).map((role) => role.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(everyRole.length);
      expect({ filter, roles: (await recommend(filter)).map((role) => role.id) }).toEqual({ filter, roles: expected });
    }
    // A curated role with an O*NET equivalent is kept by that equivalent's zone.
    expect((await recommend({ maxJobZone: 3 })).map((role) => role.id)).toContain('audio-engineer');

    const refused = await api.query('{ recommendRoles(skills: ["mixing"], filter: { minJobZone: 4, maxJobZone: 2 }) { score } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(/minJobZone.*must not be above maxJobZone/);
  });

  it('keeps each link\'s category and Recommend Suppress flag, and writes nothing for the other scales', async () => {
    const rows = tsv('onet', 'Education, Training, and Experience.txt');
    const stored = await api.database.driver.executeQuery(
      "MATCH (r:Role)-[e:REQUIRES_EDUCATION]->(n:Education) WHERE n.id STARTS WITH 'onet-education-rl-' RETURN r.id AS role, n.id AS level, e.category AS category, e.suppressed AS suppressed",
    );
    const links = stored.records.map((record) => record.toObject());
    const expected = new Set(
      rows
        .filter((row) => row['Scale ID'] === 'RL' && Number(row['Data Value']) > 0)
        .map((row) => `${occupationId(row['O*NET-SOC Code'] as string)} ${educationLevelId(Number(row.Category))} ${Number(row.Category)} ${row['Recommend Suppress'] === 'Y'}`),
    );
    expect(new Set(links.map((link) => `${link.role} ${link.level} ${Number(link.category)} ${link.suppressed}`))).toEqual(expected);
    expect(links).toHaveLength(expected.size);
  });

  it('finds an occupation by an alternate or a reported title', async () => {
    for (const title of ['Mixing Engineer', 'Studio Engineer']) {
      const response = await api.query(`{ search(text: "${title}", kinds: [ROLE]) { node { id } } }`);
      expect(response.data?.search.map((hit: { node: { id: string } }) => hit.node.id)).toContain(occupationId(code));
    }
  });

  it('changes nothing when run again, finished files or not', async () => {
    const before = await graphFingerprint(api.database);
    const changesBefore = await lastChanges(api.database);
    const again = await importOnet(api.database, { ...quiet, dir: path.join(fixtures, 'onet'), release: '30.0', minImportance: 3 });
    expect(again.steps.every((step) => step.alreadyDone)).toBe(true);
    const progress: string[] = [];
    const restarted = await importOnet(api.database, {
      ...quiet,
      progress: (line) => progress.push(line),
      restart: true,
      dir: path.join(fixtures, 'onet'),
      release: '30.0',
      minImportance: 3,
    });
    expect(restarted.steps.some((step) => step.alreadyDone)).toBe(false);
    // Nothing written, so nothing derived from it is rebuilt: neither the weights nor the kept neighbours.
    expect(progress.filter((line) => /^role (weights|neighbours)/.test(line))).toEqual([
      'role weights: nothing written since a finished run (every file unchanged, or read again without a change): nothing to refresh',
    ]);
    // Every row read again and written again, none created or updated: each unchanged, skipped or rejected as before.
    for (const [index, step] of restarted.steps.entries()) {
      const earlier = again.steps[index];
      expect({ file: step.file, created: step.created, updated: step.updated }).toEqual({ file: step.file, created: 0, updated: 0 });
      expect({ file: step.file, read: step.read, unchanged: step.unchanged, skipped: step.skipped }).toEqual({
        file: step.file,
        read: earlier?.read,
        unchanged: step.read - step.skipped - step.rejected,
        skipped: earlier?.skipped,
      });
    }
    const after = await graphFingerprint(api.database);
    // Only the checkpoints' own timestamps move: no fact was stamped as changed.
    expect({ nodes: after.nodes, relationships: after.relationships }).toEqual({ nodes: before.nodes, relationships: before.relationships });
    const changesAfter = await lastChanges(api.database);
    expect(changesAfter).toEqual(changesBefore);
  });

  it('reports each bad row with its file and line, and loads every other row', async () => {
    const expected = JSON.parse(fs.readFileSync(path.join(fixtures, 'onet-bad', 'bad-rows.json'), 'utf8')) as { file: string; line: number }[];
    const report = await importOnet(api.database, { ...quiet, dir: path.join(fixtures, 'onet-bad'), release: '30.0-bad', minImportance: 3 });
    const reported = report.steps.flatMap((step) => step.badRows).map(({ file, line }) => ({ file, line }));
    expect(reported.sort(byFileAndLine)).toEqual(expected.map(({ file, line }) => ({ file, line })).sort(byFileAndLine));
    for (const row of report.steps.flatMap((step) => step.badRows)) expect(row.problem.length).toBeGreaterThan(10);
  });
});

describe('ESCO CSV download', () => {
  const sound = 'http://data.europa.eu/esco/occupation/';

  it('loads occupations, skills and requirements, each requirement essential or optional', async () => {
    const report = await importEsco(api.database, { ...quiet, dirs: [path.join(fixtures, 'esco')], release: '1.2.0' });
    expect(report.steps.flatMap((step) => step.badRows)).toEqual([]);

    const relations = fs
      .readFileSync(path.join(fixtures, 'esco', 'occupationSkillRelations_en.csv'), 'utf8')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    const [occupationUri] = relations[0] as string[];
    expect(occupationUri?.startsWith(sound)).toBe(true);
    const expected = relations
      .filter(([uri]) => uri === occupationUri)
      .map(([, relationType, , skillUri]) => ({ skill: { id: escoId(skillUri as string) }, essential: relationType === 'essential' }))
      .sort((a, b) => a.skill.id.localeCompare(b.skill.id));

    const response = await api.query(`{ role(id: "${escoId(occupationUri as string)}") { externalCodes { system } skills { skill { id } essential } } }`);
    expect(response.data?.role.externalCodes.map((entry: { system: string }) => entry.system)).toEqual(['ESCO', 'ISCO', 'ESCO_CODE']);
    const skills = (response.data?.role.skills ?? []) as { skill: { id: string } }[];
    expect([...skills].sort((a, b) => a.skill.id.localeCompare(b.skill.id))).toEqual(expected);
  });

  it('marks the weights pending while an import runs, so a start after an interrupted one refreshes them', async () => {
    // Other files of this suite share the database: what they left pending stays as it was.
    const { pending: before } = await roleWeightsPending(api.database);
    await markRoleWeightsPending(api.database, 'interrupted-import');
    await markRoleWeightsPending(api.database, 'another-import');
    expect(await roleWeightsPending(api.database)).toEqual({ stale: true, pending: [...before, 'interrupted-import', 'another-import'] });
    await refreshRoleWeightsNow(api.database, 30_000, ['another-import']);
    expect(await roleWeightsPending(api.database)).toEqual({ stale: true, pending: [...before, 'interrupted-import'] });
    await refreshRoleWeightsNow(api.database, 30_000, ['interrupted-import']);
    expect(await roleWeightsPending(api.database)).toEqual({ stale: before.length > 0, pending: before });
  });

  it('leaves every role\'s derived weights current, so a fresh refresh has nothing to write', async () => {
    // The imports of this file finished: none left its mark.
    expect((await roleWeightsPending(api.database)).pending.filter((dataset) => dataset.startsWith('esco-'))).toEqual([]);
    const { roles, refreshed } = await refreshRoleWeightsNow(api.database, 30_000, []);
    expect(roles).toBeGreaterThan(0);
    expect(refreshed).toBe(0);
    const [unset] = (await api.database.driver.executeQuery('MATCH (r:Role) WHERE r.skillWeight IS NULL RETURN count(r) AS n', {}, { database: 'neo4j' })).records;
    expect(Number(unset?.get('n'))).toBe(0);
  });

  it('links skills to the skills they draw on, essential or optional, which paths then follow', async () => {
    const [first] = fs
      .readFileSync(path.join(fixtures, 'esco', 'skillSkillRelations_en.csv'), 'utf8')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    const [original, , relationType, , related] = first as string[];
    const stored = await api.database.driver.executeQuery(
      'MATCH (:Skill {id: $from})-[r:RELATED_SKILL]->(:Skill {id: $to}) RETURN r.essential AS essential',
      { from: escoId(original as string), to: escoId(related as string) },
    );
    expect(stored.records.map((record) => record.get('essential'))).toEqual([relationType === 'essential']);
    const response = await api.query(`{ paths(from: "${escoId(original as string)}", to: "${escoId(related as string)}", maxHops: 1, via: [RELATED_SKILL]) { steps { relation explanation } } }`);
    expect(response.data?.paths).toEqual([{ steps: [{ relation: 'RELATED_SKILL', explanation: expect.stringContaining('draws on') }] }]);
  });

  it('reads label lists that span lines inside quoted fields as aliases', async () => {
    const response = await api.query('{ search(text: "régisseur", kinds: [ROLE]) { node { id ... on Role { aliases } } } }');
    expect(response.data?.search[0]?.node.aliases).toContain('régisseur son');
  });

  it('rejects each row that breaks the format and skips each relation naming a concept the release lacks, with file and line', async () => {
    const expected = JSON.parse(fs.readFileSync(path.join(fixtures, 'esco-bad', 'bad-rows.json'), 'utf8')) as { file: string; line: number; outcome: string }[];
    const report = await importEsco(api.database, { ...quiet, dirs: [path.join(fixtures, 'esco-bad')], release: '1.2.0-bad' });
    const listed = (outcome: string) => expected.filter((row) => row.outcome === outcome).map(({ file, line }) => ({ file, line })).sort(byFileAndLine);
    expect(report.steps.flatMap((step) => step.badRows).map(({ file, line }) => ({ file, line })).sort(byFileAndLine)).toEqual(listed('rejected'));
    expect(report.steps.flatMap((step) => step.warnings).map(({ file, line }) => ({ file, line })).sort(byFileAndLine)).toEqual(listed('skipped'));
    expect(report.steps.reduce((sum, step) => sum + step.rejected, 0)).toBe(listed('rejected').length);
  });

  it('places occupations in their ISCO unit group and under their broader occupation (v1.2 layout)', async () => {
    const response = await api.query(`{
      role(id: "${escoId(`${sound}48c4f9e0-095f-4396-9655-dfc9ff695917`)}") { occupationGroups { id code } broaderRoles { id } }
      occupationGroup(id: "isco-3521") { code broader { id broader { id } } narrower { id } roles { id } }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data?.role).toEqual({ occupationGroups: [{ id: 'isco-3521', code: '3521' }], broaderRoles: [{ id: escoId(`${sound}a541958f-e99a-47b5-8a1c-7e9e07b26d56`) }] });
    expect(response.data?.occupationGroup).toMatchObject({ code: '3521', broader: { id: 'isco-352', broader: { id: 'isco-35' } }, narrower: [] });
    expect(response.data?.occupationGroup.roles.map((role: { id: string }) => role.id)).toEqual(
      expect.arrayContaining([`${sound}a541958f-e99a-47b5-8a1c-7e9e07b26d56`, `${sound}48c4f9e0-095f-4396-9655-dfc9ff695917`].map(escoId)),
    );
  });
});

describe('ESCO v1.1.1 as published: two folders, relations without _en, a release with orphan relations', () => {
  const parent = path.join(fixtures, 'esco-1.1.1');
  const english = path.join(parent, 'ESCO dataset - v1.1.1 - classification - en - csv');
  const independent = path.join(parent, 'ESCO dataset - v1.1.1 - classification -  - csv');
  const orphan = 'http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e';
  /** The fixture's rows, read here with a CSV parser of its own: csv-parse's sync API, not the importer's reader. */
  const rows = (folder: string, file: string) => parseCsv(fs.readFileSync(path.join(folder, file), 'utf8'), { columns: true, relax_column_count: true }) as Record<string, string>[];
  const relations = rows(independent, 'occupationSkillRelations.csv');
  const orphans = relations.filter((row) => row.occupationUri === orphan);
  const sourceIds = async (id: string) =>
    (await api.database.driver.executeQuery('MATCH (s:Source {id: $id}) RETURN s.id AS id', { id })).records.map((record) => record.get('id'));

  it('finds the same files in both folders given, or in their parent', () => {
    expect(locateEscoFiles([english, independent])).toEqual(locateEscoFiles([parent]));
    expect(locateEscoFiles([parent]).release).toBe('1.1.1');
    expect(path.basename(locateEscoFiles([parent]).paths.occupationSkillRelations)).toBe('occupationSkillRelations.csv');
  });

  it('refuses, writing nothing, when a file is missing (the English folder alone), naming every missing file', async () => {
    const before = await graphFingerprint(api.database);
    const attempt = importEsco(api.database, { ...quiet, dirs: [english], release: 'missing-1.1.1' });
    await expect(attempt).rejects.toThrow(ImportFileError);
    await expect(attempt).rejects.toThrow(/occupationSkillRelations_en\.csv \(or occupationSkillRelations\.csv\), skillSkillRelations.*broaderRelationsOccPillar.*broaderRelationsSkillPillar/);
    expect(await sourceIds('esco-missing-1.1.1')).toEqual([]);
    expect(await graphFingerprint(api.database)).toEqual(before);
  });

  it('with --strict, refuses the release\'s orphan relations before writing anything', async () => {
    expect(orphans.length).toBeGreaterThan(0);
    const before = await graphFingerprint(api.database);
    const attempt = importEsco(api.database, { ...quiet, dirs: [parent], release: 'strict-1.1.1', strict: true });
    await expect(attempt).rejects.toThrow(ImportRefusedError);
    await expect(attempt).rejects.toThrow(`${orphans.length} row(s) to skip`);
    expect(await sourceIds('esco-strict-1.1.1')).toEqual([]);
    expect(await graphFingerprint(api.database)).toEqual(before);
  });

  it('otherwise loads every other row and reports the orphan relations as warnings with their lines, no row rejected', async () => {
    // Other files of this suite import this fixture too, and the 1.2.0 fixture above shares concepts with it:
    // --restart reads and writes every file, whichever ran first.
    const report = await importEsco(api.database, { ...quiet, restart: true, dirs: [english, independent], release: '1.1.1' });
    expect(report.steps.flatMap((step) => step.badRows)).toEqual([]);
    const step = report.steps.find((entry) => entry.file === 'occupationSkillRelations.csv');
    expect(step).toMatchObject({ read: relations.length, items: relations.length - orphans.length, skipped: orphans.length, rejected: 0 });
    expect(step?.warnings.map((warning) => warning.problem)).toEqual(orphans.map(() => `"occupationUri" ${orphan} is not in occupations_en.csv`));
    expect(report.steps.filter((entry) => entry !== step).every((entry) => entry.skipped === 0)).toBe(true);
    const [count] = (
      await api.database.driver.executeQuery(
        'MATCH (:Role)-[r:REQUIRES_SKILL]->(s:Skill) WHERE $source IN r.sourceIds RETURN count(r) AS n',
        { source: 'esco-1.1.1' },
      )
    ).records;
    expect(Number(count?.get('n'))).toBe(new Set(relations.filter((row) => row.occupationUri !== orphan).map((row) => `${row.occupationUri} ${row.skillUri}`)).size);
  });

  it('builds the occupation hierarchy: ISCO groups under broader groups, occupations in unit groups and under broader occupations', async () => {
    const groups = rows(english, 'ISCOGroups_en.csv');
    const hierarchy = rows(independent, 'broaderRelationsOccPillar.csv');
    const producer = 'http://data.europa.eu/esco/occupation/5ff7a990-a306-40c2-9224-b2bf7f15b2f9';
    const broader = hierarchy.find((row) => row.conceptUri === producer)?.broaderUri as string;
    const response = await api.query(`{
      role(id: "${escoId(producer)}") { occupationGroups { id name } broaderRoles { id name } }
      major: occupationGroup(id: "isco-2") { name broader { id } narrower { code } }
      unit: occupationGroup(id: "isco-2654") { roles { id } }
    }`);
    expect(response.errors).toBeUndefined();
    const group = (code: string) => groups.find((row) => row.code === code);
    expect(response.data?.role.occupationGroups).toEqual([{ id: 'isco-2654', name: group('2654')?.preferredLabel }]);
    expect(response.data?.role.broaderRoles).toEqual([{ id: escoId(broader), name: rows(english, 'occupations_en.csv').find((row) => row.conceptUri === broader)?.preferredLabel }]);
    expect(response.data?.major).toEqual({ name: group('2')?.preferredLabel, broader: null, narrower: [{ code: '26' }] });
    const fixtureRoles = new Set(rows(english, 'occupations_en.csv').map((row) => escoId(row.conceptUri as string)));
    const members = response.data?.unit.roles.map((role: { id: string }) => role.id).filter((id: string) => fixtureRoles.has(id));
    expect(members.sort()).toEqual([escoId(producer), escoId(broader)].sort());
  });

  it('builds the skills hierarchy: every group either file defines, skills in groups and under broader skills, groups under groups', async () => {
    const hierarchy = rows(english, 'skillsHierarchy_en.csv');
    const listed = rows(english, 'skillGroups_en.csv');
    const pillar = rows(independent, 'broaderRelationsSkillPillar.csv');
    const deepest = (row: Record<string, string>) => [3, 2, 1, 0].map((level) => row[`Level ${level} URI`]).find(Boolean) as string;
    const groupUris = new Set([...hierarchy.map(deepest), ...listed.map((row) => row.conceptUri as string)]);
    const byKind = (kind: string) => pillar.filter((row) => `${row.conceptType} ${row.broaderType}` === kind);
    const { records } = await api.database.driver.executeQuery(
      `CALL () { MATCH (g:SkillGroup) WHERE $source IN g.sourceIds RETURN count(g) AS groups }
       CALL () { MATCH (:Skill)-[r:IN_SKILL_GROUP]->(:SkillGroup) WHERE $source IN r.sourceIds RETURN count(r) AS inGroup }
       CALL () { MATCH (:Skill)-[r:BROADER_SKILL]->(:Skill) WHERE $source IN r.sourceIds RETURN count(r) AS broaderSkill }
       CALL () { MATCH (:SkillGroup)-[r:BROADER_SKILL_GROUP]->(:SkillGroup) WHERE $source IN r.sourceIds RETURN count(r) AS broaderGroup }
       RETURN groups, inGroup, broaderSkill, broaderGroup`,
      { source: 'esco-1.1.1' },
    );
    expect(Object.fromEntries(Object.entries(records[0]?.toObject() ?? {}).map(([key, value]) => [key, Number(value)]))).toEqual({
      groups: groupUris.size,
      inGroup: byKind('KnowledgeSkillCompetence SkillGroup').length,
      broaderSkill: byKind('KnowledgeSkillCompetence KnowledgeSkillCompetence').length,
      broaderGroup: byKind('SkillGroup SkillGroup').length,
    });

    // A skill with a group: its groups as the file names them, and the group's members, broader and narrower groups.
    const skillRow = byKind('KnowledgeSkillCompetence SkillGroup')[0] as Record<string, string>;
    const groupUri = skillRow.broaderUri as string;
    const groupId = skillGroupId(groupUri);
    const label = (uri: string) => listed.find((row) => row.conceptUri === uri)?.preferredLabel;
    const response = await api.query(`{
      skill(id: "${escoId(skillRow.conceptUri as string)}") { skillGroups { id } broaderSkills { id } narrowerSkills { id } }
      skillGroup(id: "${groupId}") { name level skills { id } broader { id } narrower { id } }
    }`);
    expect(response.errors).toBeUndefined();
    const groupsOf = (uri: string) => byKind('KnowledgeSkillCompetence SkillGroup').filter((row) => row.conceptUri === uri).map((row) => skillGroupId(row.broaderUri as string));
    expect(response.data?.skill.skillGroups.map((group: { id: string }) => group.id).sort()).toEqual(groupsOf(skillRow.conceptUri as string).sort());
    const members = pillar.filter((row) => row.broaderUri === groupUri && row.conceptType === 'KnowledgeSkillCompetence').map((row) => escoId(row.conceptUri as string));
    expect(response.data?.skillGroup.skills.map((skill: { id: string }) => skill.id).sort()).toEqual(members.sort());
    expect(response.data?.skillGroup.name).toBe(label(groupUri));
    const broader = byKind('SkillGroup SkillGroup').filter((row) => row.conceptUri === groupUri).map((row) => skillGroupId(row.broaderUri as string));
    expect(response.data?.skillGroup.broader.map((group: { id: string }) => group.id)).toEqual(broader);
    const placed = hierarchy.find((row) => deepest(row) === groupUri) as Record<string, string>;
    expect(response.data?.skillGroup.level).toBe([0, 1, 2, 3].filter((level) => placed[`Level ${level} URI`]).length - 1);

    // A skill under a broader skill, seen from both ends.
    const narrow = byKind('KnowledgeSkillCompetence KnowledgeSkillCompetence')[0] as Record<string, string>;
    const both = await api.query(`{
      narrow: skill(id: "${escoId(narrow.conceptUri as string)}") { broaderSkills { id } }
      broad: skill(id: "${escoId(narrow.broaderUri as string)}") { narrowerSkills { id } }
    }`);
    expect(both.data?.narrow.broaderSkills).toContainEqual({ id: escoId(narrow.broaderUri as string) });
    expect(both.data?.broad.narrowerSkills).toContainEqual({ id: escoId(narrow.conceptUri as string) });
  });

  it('takes a group skillGroups_en.csv lacks (as v1.1.1 lacks 7) from the hierarchy file: its label, code and level', async () => {
    const listed = new Set(rows(english, 'skillGroups_en.csv').map((row) => row.conceptUri));
    const unlisted = rows(english, 'skillsHierarchy_en.csv')
      .map((row) => {
        const level = [3, 2, 1, 0].find((candidate) => row[`Level ${candidate} URI`]) as number;
        return { uri: row[`Level ${level} URI`] as string, name: row[`Level ${level} preferred term`], code: row[`Level ${level} code`], level };
      })
      .filter((group) => !listed.has(group.uri));
    expect(unlisted.length).toBeGreaterThan(0);
    for (const group of unlisted) {
      const response = await api.query(`{ skillGroup(id: "${skillGroupId(group.uri)}") { name code level } }`);
      expect(response.data?.skillGroup).toEqual({ name: group.name, code: group.code, level: group.level });
    }
  });

  it('reports the same warnings when run again, from the account kept with each finished file', async () => {
    const again = await importEsco(api.database, { ...quiet, dirs: [parent], release: '1.1.1' });
    expect(again.steps.every((step) => step.alreadyDone)).toBe(true);
    const step = again.steps.find((entry) => entry.file === 'occupationSkillRelations.csv');
    expect(step).toMatchObject({ read: relations.length, items: relations.length - orphans.length, skipped: orphans.length, rejected: 0 });
    expect(step?.warnings).toHaveLength(orphans.length);
  });
});

describe('ESCO labels in other languages, added to the concepts the graph holds', () => {
  const labelsDir = (folder: string) => path.join(fixtures, 'esco-labels', folder);
  const read = (dir: string, file: string) => parseCsv(fs.readFileSync(path.join(dir, file), 'utf8'), { columns: true, relax_column_count: true }) as Record<string, string>[];
  const v111 = path.join(fixtures, 'esco-1.1.1', 'ESCO dataset - v1.1.1 - classification - en - csv');
  const v12 = path.join(fixtures, 'esco');
  /** The concepts the graph holds after the ESCO imports above: every URI of both fixtures' label files. */
  const held = new Set(
    [v111, v12].flatMap((dir) => [
      ...['occupations_en.csv', 'ISCOGroups_en.csv', 'skillGroups_en.csv'].flatMap((file) => read(dir, file).map((row) => row.conceptUri)),
      ...read(dir, 'skillsHierarchy_en.csv').map((row) => [3, 2, 1, 0].map((level) => row[`Level ${level} URI`]).find(Boolean)),
    ]),
  );
  const producer = 'http://data.europa.eu/esco/occupation/5ff7a990-a306-40c2-9224-b2bf7f15b2f9';

  it('tells the language from the files, and refuses one the graph does not index', () => {
    expect(locateEscoLabelFiles(labelsDir('esco-1.1.1-fr'), null).language).toBe('fr');
    expect(() => locateEscoLabelFiles(labelsDir('esco-1.1.1-fr'), 'de')).toThrow(/cannot be imported: the graph indexes fr, nl/);
    expect(labelReleaseFromFolder(labelsDir('esco-1.1.1-fr'))).toBe('1.1.1');
  });

  it('imports French labels by URI: every row whose concept the graph holds, the others skipped with a warning', async () => {
    const dir = labelsDir('esco-1.1.1-fr');
    const report = await importEscoLabels(api.database, { ...quiet, dir, lang: null, release: '1.1.1' });
    for (const file of ['occupations_fr.csv', 'ISCOGroups_fr.csv', 'skillGroups_fr.csv']) {
      const rows = read(dir, file);
      const kept = rows.filter((row) => held.has(row.conceptUri));
      expect(report.steps.find((step) => step.file === file)).toMatchObject({ read: rows.length, items: kept.length, skipped: rows.length - kept.length, rejected: 0 });
    }
  });

  it('answers name(lang:) and aliases(lang:) from the imported labels, gendered forms as published', async () => {
    const french = read(labelsDir('esco-1.1.1-fr'), 'occupations_fr.csv').find((row) => row.conceptUri === producer) as Record<string, string>;
    const english = read(v111, 'occupations_en.csv').find((row) => row.conceptUri === producer) as Record<string, string>;
    const response = await api.query(`{ role(id: "${escoId(producer)}") { name fr: name(lang: "fr") nl: name(lang: "nl") aliasesFr: aliases(lang: "fr") aliasesNl: aliases(lang: "nl") languages } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data?.role).toEqual({
      name: english.preferredLabel,
      fr: french.preferredLabel,
      // No Dutch label yet: the English name, and `languages` tells.
      nl: english.preferredLabel,
      aliasesFr: [...new Set((french.altLabels as string).split('\n').map((label) => label.trim()).filter(Boolean))],
      aliasesNl: [],
      languages: ['fr'],
    });
    const group = read(labelsDir('esco-1.1.1-fr'), 'ISCOGroups_fr.csv').find((row) => row.code === '2654') as Record<string, string>;
    const groupName = await api.query('{ occupationGroup(id: "isco-2654") { name(lang: "fr") } }');
    expect(groupName.data?.occupationGroup.name).toBe(group.preferredLabel);
  });

  it('searches in French with the French index: the feminine form of a gendered label finds the occupation', async () => {
    const french = read(labelsDir('esco-1.1.1-fr'), 'occupations_fr.csv').find((row) => row.conceptUri === producer) as Record<string, string>;
    const feminine = (french.preferredLabel as string).split('/')[1] as string;
    const response = await api.query(`{ search(text: ${JSON.stringify(feminine)}, lang: "fr", kinds: [ROLE]) { node { id } name } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data?.search[0]).toEqual({ node: { id: escoId(producer) }, name: french.preferredLabel });
    const refused = await api.query('{ search(text: "musique", lang: "de") { name } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps, of a URI listed twice (ESCO v1.2.x Dutch), the row modified last, and skips the other with a warning', async () => {
    const dir = labelsDir('esco-1.2.x-nl');
    const rows = read(dir, 'occupations_nl.csv');
    const seen = new Map<string, number>();
    rows.forEach((row) => seen.set(row.conceptUri as string, (seen.get(row.conceptUri as string) ?? 0) + 1));
    const twice = [...seen].filter(([, count]) => count > 1).map(([uri]) => uri);
    expect(twice.length).toBeGreaterThan(0);
    const report = await importEscoLabels(api.database, { ...quiet, dir, lang: 'nl', release: '1.2.x' });
    const step = report.steps.find((entry) => entry.file === 'occupations_nl.csv');
    // One warning per URI listed twice, on the line of its copy modified first.
    const superseded = step?.warnings.filter((warning) => warning.problem.includes('modified later')) ?? [];
    expect(superseded.map((warning) => warning.problem.split(' ')[0])).toEqual(twice);
    for (const uri of twice) {
      const dates = rows.filter((row) => row.conceptUri === uri).map((row) => row.modifiedDate as string);
      const kept = superseded.find((warning) => warning.problem.startsWith(uri));
      expect(kept?.problem).toContain(`(${dates.sort().at(-1)})`);
    }
    const kept = [...seen.keys()].filter((uri) => held.has(uri));
    expect(step).toMatchObject({ read: rows.length, items: kept.length, skipped: rows.length - kept.length, rejected: 0 });
    const dutch = rows.find((row) => row.conceptUri === producer) as Record<string, string>;
    const response = await api.query(`{ role(id: "${escoId(producer)}") { name(lang: "nl") languages } }`);
    expect(response.data?.role).toEqual({ name: dutch.preferredLabel, languages: ['fr', 'nl'] });
  });
});

describe('an interrupted import', () => {
  it('resumes after the last committed batch, writing no batch in part and no item twice', async () => {
    const ids = Array.from({ length: 10 }, (_, index) => `resume-skill-${index}`);
    const cite = citationProperties([{ source: 'onet-30.0' }]);
    const step = (failAfter: number | null) => ({
      file: 'resume-test',
      items: (async function* (): AsyncGenerator<StepItem<string>> {
        for (const [index, id] of ids.entries()) {
          if (failAfter !== null && index === failAfter) throw new Error('interrupted');
          yield { item: id };
        }
      })(),
      facts: (id: string) => ({ nodes: [{ id, label: 'Skill' as const, properties: { name: id, ...cite } }] }),
    });
    const loader = new BatchLoader(api.database, { dataset: 'resume-test', actor: 'test', batchSize: 3, progress: () => undefined, batchTimeoutMs: 10_000 });
    await expect(loader.load(step(7))).rejects.toThrow('interrupted');

    const stored = async () =>
      (await api.database.driver.executeQuery('MATCH (n:Skill) WHERE n.id IN $ids RETURN n.id AS id ORDER BY id', { ids })).records.map((record) =>
        record.get('id'),
      );
    // Two whole batches of three were committed; the seventh item, read but not in a full batch, was not.
    expect(await stored()).toEqual(ids.slice(0, 6).sort());

    const resumed = await loader.load(step(null));
    // The account is whole: the six created before the interruption, kept with the checkpoint, and the four created now.
    expect(resumed).toMatchObject({ resumedAfter: 6, items: 10, read: 10, created: 10, updated: 0, unchanged: 0 });
    expect(await stored()).toEqual([...ids].sort());
  });
});

function byFileAndLine(a: { file: string; line: number }, b: { file: string; line: number }): number {
  return a.file.localeCompare(b.file) || a.line - b.line;
}

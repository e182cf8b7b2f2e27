import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import neo4j, { type Driver } from 'neo4j-driver';
import { repoRoot } from '../../src/config/repo-root';
import { printedAccount } from '../support/printed-account';
import { describeNeeding } from '../support/outside-repo';
import { realData, unpackRealData } from '../support/real-data';
import { SUITE_PASSWORD, SUITE_USER } from '../support/suite-database';
import { REALDATA_URI_VARIABLE } from './global-setup';

const run = promisify(execFile);
const SOURCE = 'esco-1.1.1';
const ENGLISH = 'ESCO dataset - v1.1.1 - classification - en - csv';
const INDEPENDENT = 'ESCO dataset - v1.1.1 - classification -  - csv';

/** One run of the import command, as an operator runs it, against the suite's Neo4j. */
async function importCommand(...args: string[]): Promise<{ code: number; stdout: string; stderr: string; seconds: number }> {
  return importAs('esco', ...args);
}

async function importAs(taxonomy: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string; seconds: number }> {
  const started = performance.now();
  const env = { ...process.env, NEO4J_URI: process.env[REALDATA_URI_VARIABLE], NEO4J_USER: SUITE_USER, NEO4J_PASSWORD: SUITE_PASSWORD };
  const tsx = path.join(repoRoot(), 'node_modules', '.bin', 'tsx');
  try {
    const { stdout, stderr } = await run(tsx, ['src/import/cli.ts', taxonomy, ...args], { cwd: repoRoot(), env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '', seconds: (performance.now() - started) / 1000 };
  }
}

/** A file of the release, read here with csv-parse's sync API, independently of the importer's reader. */
function rows(folder: string, file: string): Record<string, string>[] {
  // skillsHierarchy_en.csv leaves out a row's empty trailing codes.
  return parseCsv(fs.readFileSync(path.join(folder, file), 'utf8'), { columns: true, relax_column_count: true }) as Record<string, string>[];
}

describeNeeding(realData, 'ESCO v1.1.1, the whole published release', () => {
  let driver: Driver;
  let root: string;
  let first: Awaited<ReturnType<typeof importCommand>>;
  const expected = {
    occupations: 0,
    skills: 0,
    groups: 0,
    relations: 0,
    orphans: 0,
    hierarchyOrphans: 0,
    pairs: 0,
    essentialPairs: 0,
    skillGroups: 0,
    unlistedSkillGroups: 0,
    inSkillGroup: 0,
    broaderSkill: 0,
    broaderSkillGroup: 0,
  };
  let skillGroupUris = new Set<string>();
  /** Every concept URI the release defines that the label files may name. */
  let conceptUris = new Set<string>();

  /** Counts in the graph scoped to what this release's Source cites (another import shares the database). */
  async function graphCounts(): Promise<Record<string, number | string>> {
    const { records } = await driver.executeQuery(
      `CALL () { MATCH (n:Role) WHERE $source IN n.sourceIds RETURN count(n) AS roles }
       CALL () { MATCH (n:Skill) WHERE $source IN n.sourceIds RETURN count(n) AS skills }
       CALL () { MATCH (n:OccupationGroup) WHERE $source IN n.sourceIds RETURN count(n) AS groups }
       CALL () { MATCH (:Role)-[r:REQUIRES_SKILL]->(:Skill) WHERE $source IN r.sourceIds RETURN count(r) AS requirements, count(CASE WHEN r.essential THEN 1 END) AS essential }
       CALL () { MATCH (n:SkillGroup) WHERE $source IN n.sourceIds RETURN count(n) AS skillGroups }
       CALL () { MATCH (:Skill)-[r:IN_SKILL_GROUP]->(:SkillGroup) WHERE $source IN r.sourceIds RETURN count(r) AS inSkillGroup }
       CALL () { MATCH (:Skill)-[r:BROADER_SKILL]->(:Skill) WHERE $source IN r.sourceIds RETURN count(r) AS broaderSkill }
       CALL () { MATCH (:SkillGroup)-[r:BROADER_SKILL_GROUP]->(:SkillGroup) WHERE $source IN r.sourceIds RETURN count(r) AS broaderSkillGroup }
       CALL () { MATCH ()-[r]->() WHERE $source IN r.sourceIds RETURN toString(max(r.updatedAt)) AS linksChanged }
       CALL () { MATCH (n:Node) WHERE $source IN n.sourceIds RETURN toString(max(n.updatedAt)) AS nodesChanged }
       RETURN roles, skills, groups, requirements, essential, skillGroups, inSkillGroup, broaderSkill, broaderSkillGroup, linksChanged, nodesChanged`,
      { source: SOURCE },
      { database: 'neo4j' },
    );
    const row = records[0]?.toObject() ?? {};
    return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'string' ? value : Number(value)]));
  }

  beforeAll(async () => {
    root = unpackRealData('esco-1.1.1');
    const english = path.join(root, ENGLISH);
    const independent = path.join(root, INDEPENDENT);
    const occupations = new Set(rows(english, 'occupations_en.csv').map((row) => row.conceptUri));
    const skills = new Set(rows(english, 'skills_en.csv').map((row) => row.conceptUri));
    const relations = rows(independent, 'occupationSkillRelations.csv');
    const kept = relations.filter((row) => occupations.has(row.occupationUri as string) && skills.has(row.skillUri as string));
    const pairs = new Map(kept.map((row) => [`${row.occupationUri} ${row.skillUri}`, row.relationType]));
    const groups = new Set(rows(english, 'ISCOGroups_en.csv').map((row) => row.conceptUri));
    const defined = (uri: string | undefined) => occupations.has(uri) || groups.has(uri);
    // The occupation the release lacks is also placed in its hierarchy.
    const hierarchy = rows(independent, 'broaderRelationsOccPillar.csv');
    Object.assign(expected, {
      occupations: occupations.size,
      skills: skills.size,
      groups: groups.size,
      hierarchyOrphans: hierarchy.filter((row) => !defined(row.conceptUri) || !defined(row.broaderUri)).length,
      relations: relations.length,
      orphans: relations.length - kept.length,
      pairs: pairs.size,
      essentialPairs: [...pairs.values()].filter((type) => type === 'essential').length,
    });
    // The skills hierarchy: a group is one skillGroups_en.csv lists or skillsHierarchy_en.csv places (its deepest level).
    const listedGroups = new Set(rows(english, 'skillGroups_en.csv').map((row) => row.conceptUri as string));
    const placedGroups = rows(english, 'skillsHierarchy_en.csv').map((row) => [3, 2, 1, 0].map((level) => row[`Level ${level} URI`]).find(Boolean) as string);
    skillGroupUris = new Set([...listedGroups, ...placedGroups]);
    conceptUris = new Set([...occupations, ...groups, ...skillGroupUris, ...skills].map(String));
    const pillar = rows(independent, 'broaderRelationsSkillPillar.csv');
    const known = (type: string | undefined, uri: string | undefined) => (type === 'SkillGroup' ? skillGroupUris.has(uri as string) : skills.has(uri as string));
    const kept2 = pillar.filter((row) => known(row.conceptType, row.conceptUri) && known(row.broaderType, row.broaderUri));
    const ofKind = (kind: string) => kept2.filter((row) => `${row.conceptType} ${row.broaderType}` === kind).length;
    Object.assign(expected, {
      skillGroups: skillGroupUris.size,
      unlistedSkillGroups: placedGroups.filter((uri) => !listedGroups.has(uri)).length,
      inSkillGroup: ofKind('KnowledgeSkillCompetence SkillGroup'),
      broaderSkill: ofKind('KnowledgeSkillCompetence KnowledgeSkillCompetence'),
      broaderSkillGroup: ofKind('SkillGroup SkillGroup'),
      hierarchyOrphans: expected.hierarchyOrphans + pillar.length - kept2.length,
    });
    driver = neo4j.driver(process.env[REALDATA_URI_VARIABLE] as string, neo4j.auth.basic(SUITE_USER, SUITE_PASSWORD));
    // Another file of the suite may have imported the release already (the crosswalk needs it):
    // --restart reads every file again, so this run's account is a first run's.
    first = await importCommand(root, '--restart');
    process.stdout.write(`ESCO 1.1.1 whole import: ${first.seconds.toFixed(1)} s wall time (exit ${first.code})\n`);
    // Each file's account, with its seconds: where the time goes.
    process.stdout.write(first.stdout.split('\n').filter((line) => /^\S+\.csv( \S+)?: /.test(line)).join('\n') + '\n');
  }, 1_800_000);

  afterAll(async () => {
    await driver?.close();
  });

  it('the release holds what its publisher says, counted here from the files', () => {
    expect(expected).toMatchObject({ occupations: 3007, skills: 13896, relations: 123855, orphans: 67, hierarchyOrphans: 1, skillGroups: 647, unlistedSkillGroups: 7 });
  });

  it('imports the whole release, exit 0: the orphan relations are warnings, with their count and first lines', () => {
    expect({ code: first.code, stderr: first.code === 0 ? '' : first.stderr }).toEqual({ code: 0, stderr: '' });
    const written = expected.relations - expected.orphans;
    // Created on a fresh graph, unchanged where another file of the suite imported the release first: written either way.
    const line = new RegExp(
      `occupationSkillRelations\\.csv: ${expected.relations} rows read: (\\d+) created, 0 updated, (\\d+) unchanged, ${expected.orphans} skipped \\(${expected.orphans} with a warning\\), 0 rejected`,
    ).exec(first.stdout);
    expect(Number(line?.[1]) + Number(line?.[2])).toBe(written);
    expect(first.stdout).toContain('skipped occupationSkillRelations.csv:');
    expect(first.stdout).toContain('"occupationUri" http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e is not in occupations_en.csv');
    expect(first.stdout).toContain(`source ${SOURCE}: 0 rejected, ${expected.orphans + expected.hierarchyOrphans} skipped with a warning`);
  });

  it('writes every occupation, skill, ISCO group and requirement the files define, essential as they say', async () => {
    expect(await graphCounts()).toMatchObject({
      roles: expected.occupations,
      skills: expected.skills,
      groups: expected.groups,
      requirements: expected.pairs,
      essential: expected.essentialPairs,
    });
  });

  it('writes ESCO\'s skills hierarchy: every skill group either file defines, and every broader relation of the skill pillar', async () => {
    expect(await graphCounts()).toMatchObject({
      skillGroups: expected.skillGroups,
      inSkillGroup: expected.inSkillGroup,
      broaderSkill: expected.broaderSkill,
      broaderSkillGroup: expected.broaderSkillGroup,
    });
    const pillar = printedAccount(first.stdout, 'broaderRelationsSkillPillar.csv');
    expect(pillar.read).toBeGreaterThan(0);
    expect({ skipped: pillar.skipped, rejected: pillar.rejected, written: pillar.created + pillar.updated + pillar.unchanged }).toEqual({ skipped: 0, rejected: 0, written: pillar.read });
  });

  it('places every occupation in an ISCO unit group', async () => {
    const { records } = await driver.executeQuery(
      'MATCH (r:Role) WHERE $source IN r.sourceIds AND NOT EXISTS { (r)-[:IN_OCCUPATION_GROUP]->(:OccupationGroup) } RETURN count(r) AS n',
      { source: SOURCE },
      { database: 'neo4j' },
    );
    expect(Number(records[0]?.get('n'))).toBe(0);
  });

  it('changes nothing when run again, and still reports the warnings', async () => {
    const before = await graphCounts();
    const again = await importCommand(path.join(root, ENGLISH), path.join(root, INDEPENDENT));
    process.stdout.write(`ESCO 1.1.1 repeated import: ${again.seconds.toFixed(1)} s wall time (exit ${again.code})\n`);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      new RegExp(`occupationSkillRelations\\.csv: already loaded and unchanged since, ${expected.relations} rows read: \\d+ created, 0 updated, \\d+ unchanged, ${expected.orphans} skipped`),
    );
    expect(again.stdout).toContain(`source ${SOURCE}: 0 rejected, ${expected.orphans + expected.hierarchyOrphans} skipped with a warning`);
    expect(await graphCounts()).toEqual(before);
  }, 600_000);

  it('with --strict, refuses the release before writing, exit 1', async () => {
    const refused = await importCommand(root, '--strict', '--release', 'strict-1.1.1');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`occupationSkillRelations.csv: ${expected.orphans} row(s) to skip`);
    const { records } = await driver.executeQuery('MATCH (s:Source {id: $id}) RETURN count(s) AS n', { id: 'esco-strict-1.1.1' }, { database: 'neo4j' });
    expect(Number(records[0]?.get('n'))).toBe(0);
  }, 600_000);
  it('adds the French labels of v1.1.1 and the Dutch of v1.2.x to the concepts it holds, counted from the files', async () => {
    const multilingual = unpackRealData('esco-multilingual');
    for (const [folder, language] of [
      ['esco-1.1.1-fr', 'fr'],
      ['esco-1.2.x-nl', 'nl'],
    ] as const) {
      const dir = path.join(multilingual, folder);
      const result = await importAs('esco-labels', dir, '--restart');
      process.stdout.write(`ESCO ${language} labels import: ${result.seconds.toFixed(1)} s wall time (exit ${result.code})\n`);
      expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({ code: 0, stderr: '' });
      for (const file of fs.readdirSync(dir).filter((name) => name.endsWith(`_${language}.csv`))) {
        const labelRows = rows(dir, file);
        // One row per URI (a URI listed twice: the copy modified last), kept when the release defines the concept.
        const kept = new Set(labelRows.map((row) => row.conceptUri as string).filter((uri) => conceptUris.has(uri))).size;
        const account = printedAccount(result.stdout, file);
        expect({ file, read: account.read, written: account.created + account.updated + account.unchanged, skipped: account.skipped, rejected: account.rejected }).toEqual({
          file,
          read: labelRows.length,
          written: kept,
          skipped: labelRows.length - kept,
          rejected: 0,
        });
      }
      const occupationRows = rows(dir, `occupations_${language}.csv`);
      const latest = new Map<string, Record<string, string>>();
      for (const row of occupationRows) {
        const seen = latest.get(row.conceptUri as string);
        if (!seen || (row.modifiedDate as string) >= (seen.modifiedDate as string)) latest.set(row.conceptUri as string, row);
      }
      const { records } = await driver.executeQuery(
        `MATCH (r:Role) WHERE $source IN r.sourceIds AND r[$property] IS NOT NULL RETURN r.externalCodes AS codes, r[$property] AS name`,
        { source: SOURCE, property: `name_${language}` },
        { database: 'neo4j' },
      );
      expect(records.length).toBe([...latest.keys()].filter((uri) => conceptUris.has(uri)).length);
      for (const record of records.slice(0, 200)) {
        const uri = (record.get('codes') as string[]).find((code) => code.startsWith('ESCO:http'))?.slice('ESCO:'.length) as string;
        expect(record.get('name')).toBe(latest.get(uri)?.preferredLabel?.trim());
      }
    }
  }, 600_000);
});

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SeededRandom } from '../support/seeded-random';
import { checkEsco, checkOnet } from './check';
import { spreadCounts } from './common';
import { ESSENTIAL_SHARE, escoCounts, generateEsco } from './esco';
import { csvLine, ESCO_FORMATS, ONET_FORMATS, parseCsv, parseTsv } from './formats';
import { generateOnet, onetCounts } from './onet';
import { FileSink, memorySinks } from './sink';
import { ONET_KNOWLEDGE, ONET_SKILLS } from './vocab';
import { ZipfSampler } from './zipf';

type Generate = typeof generateOnet;

async function inMemory(generate: Generate, seed: number, scale: number) {
  const { open, files } = memorySinks();
  const report = await generate(open, { seed, scale });
  const text = (file: string) => files.get(file)?.text() ?? null;
  return { report, text };
}

async function hashesOnDisk(generate: Generate, seed: number, scale: number): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taxonomy-'));
  try {
    await generate((file) => new FileSink(path.join(dir, file)), { seed, scale });
    const hashes: Record<string, string> = {};
    for (const file of fs.readdirSync(dir).sort()) hashes[file] = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, file))).digest('hex');
    return hashes;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const rowsOf = (text: string | null, csv: boolean) => (csv ? parseCsv(text ?? '') : parseTsv(text ?? '')).slice(1).map((r) => r.fields);

describe('helpers', () => {
  it('spreadCounts adds up to the total, within bounds', () => {
    const counts = spreadCounts(new SeededRandom(1), 100, 4300, 1, 250, 35);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4300);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(250);
  });

  it('ZipfSampler is long-tailed: rank 0 far likelier than the median rank', () => {
    const zipf = new ZipfSampler(1000, 0.9, 10);
    expect(zipf.probability(0)).toBeGreaterThan(20 * zipf.probability(500));
    const rng = new SeededRandom(3);
    const counts = new Array<number>(1000).fill(0);
    for (let i = 0; i < 50_000; i++) counts[zipf.sample(rng)]! += 1;
    expect(counts[0]! / 50_000).toBeCloseTo(zipf.probability(0), 2);
  });

  it('csvLine quotes only the fields that need it, doubling quotes', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'x\ny', 3])).toBe('a,"b,c","say ""hi""","x\ny",3\n');
  });
});

describe('generateOnet', () => {
  it('writes byte-identical files for the same seed, and different ones for another seed', async () => {
    const first = await hashesOnDisk(generateOnet, 11, 0.05);
    const again = await hashesOnDisk(generateOnet, 11, 0.05);
    const other = await hashesOnDisk(generateOnet, 12, 0.05);
    expect(Object.keys(first)).toEqual(Object.values(ONET_FORMATS).map((f) => f.file).sort());
    expect(again).toEqual(first);
    expect(other[ONET_FORMATS.skills.file]).not.toBe(first[ONET_FORMATS.skills.file]);
  });

  it('has the requested counts at a small scale, every occupation rated on every skill and knowledge area on IM and LV', async () => {
    const { report, text } = await inMemory(generateOnet, 5, 0.1);
    const expected = onetCounts(0.1);
    expect(expected.occupations).toBe(90);
    const rows = Object.fromEntries(report.files.map((f) => [f.file, f.rows]));
    expect(rows).toEqual({
      [ONET_FORMATS.occupationData.file]: 90,
      [ONET_FORMATS.alternateTitles.file]: 5400,
      [ONET_FORMATS.skills.file]: 90 * 35 * 2,
      [ONET_FORMATS.knowledge.file]: 90 * 33 * 2,
      [ONET_FORMATS.taskStatements.file]: 1900,
      [ONET_FORMATS.technologySkills.file]: 3200,
      [ONET_FORMATS.relatedOccupations.file]: 90 * 20,
      [ONET_FORMATS.jobZones.file]: 90,
      [ONET_FORMATS.education.file]: 90 * 23,
      [ONET_FORMATS.educationCategories.file]: 23,
    });
    for (const [format, elements] of [
      [ONET_FORMATS.skills, ONET_SKILLS],
      [ONET_FORMATS.knowledge, ONET_KNOWLEDGE],
    ] as const) {
      const ratings = rowsOf(text(format.file), false);
      expect(ratings).toHaveLength(report.files.find((f) => f.file === format.file)!.rows);
      const perOccupation = new Map<string, Set<string>>();
      for (const r of ratings) perOccupation.set(r[0]!, (perOccupation.get(r[0]!) ?? new Set()).add(`${r[1]}|${r[3]}`));
      expect(perOccupation.size).toBe(90);
      for (const set of perOccupation.values()) expect(set.size).toBe(elements.length * 2);
    }
    const related = rowsOf(text(ONET_FORMATS.relatedOccupations.file), false);
    const tiers = new Map<string, number>();
    for (const r of related) tiers.set(r[2]!, (tiers.get(r[2]!) ?? 0) + 1);
    expect(Object.fromEntries(tiers)).toEqual({ 'Primary-Short': 450, 'Primary-Long': 450, Supplemental: 900 });
  });

  it('has the fixture headers, values in range and every code it names defined', async () => {
    const { text } = await inMemory(generateOnet, 6, 0.05);
    expect(checkOnet(text)).toEqual([]);
    for (const format of Object.values(ONET_FORMATS)) {
      const fixture = fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'onet', format.file), 'utf8');
      expect(text(format.file)!.split('\n')[0]).toBe(fixture.split('\n')[0]);
    }
  });

  it('keeps the counts exact at a tiny scale', async () => {
    const { report, text } = await inMemory(generateOnet, 1, 0.003);
    expect(report.files.find((f) => f.file === ONET_FORMATS.occupationData.file)!.rows).toBe(3);
    expect(report.files.find((f) => f.file === ONET_FORMATS.relatedOccupations.file)!.rows).toBe(3 * 2);
    expect(checkOnet(text)).toEqual([]);
  });
});

describe('generateEsco', () => {
  it('writes byte-identical files for the same seed, and different ones for another seed', async () => {
    const first = await hashesOnDisk(generateEsco, 21, 0.02);
    const again = await hashesOnDisk(generateEsco, 21, 0.02);
    const other = await hashesOnDisk(generateEsco, 22, 0.02);
    expect(Object.keys(first)).toEqual(Object.values(ESCO_FORMATS).map((f) => f.file).sort());
    expect(again).toEqual(first);
    expect(other[ESCO_FORMATS.occupationSkillRelations.file]).not.toBe(first[ESCO_FORMATS.occupationSkillRelations.file]);
  });

  it('has the requested counts, about half essential, a long-tailed skill popularity, and only relations between things that exist', async () => {
    const scale = 0.2;
    const { report, text } = await inMemory(generateEsco, 8, scale);
    const counts = escoCounts(scale);
    expect(counts).toEqual({ occupations: 600, skills: 2800, occupationSkillRelations: 25_800, skillSkillRelations: 1200 });
    expect(Object.fromEntries(report.files.map((f) => [f.file, f.rows]))).toEqual({
      [ESCO_FORMATS.occupations.file]: 600,
      [ESCO_FORMATS.skills.file]: 2800,
      [ESCO_FORMATS.occupationSkillRelations.file]: 25_800,
      [ESCO_FORMATS.skillSkillRelations.file]: 1200,
    });
    expect(checkEsco(text)).toEqual([]);

    const relations = rowsOf(text(ESCO_FORMATS.occupationSkillRelations.file), true);
    expect(relations).toHaveLength(25_800);
    const essential = relations.filter((r) => r[1] === 'essential').length / relations.length;
    expect(Math.abs(essential - ESSENTIAL_SHARE)).toBeLessThan(0.02);
    expect(essential).toBeGreaterThan(0.45);
    expect(essential).toBeLessThan(0.6);

    const perSkill = new Map<string, number>();
    for (const r of relations) perSkill.set(r[3]!, (perSkill.get(r[3]!) ?? 0) + 1);
    const popularity = [...perSkill.values()].sort((a, b) => b - a);
    while (popularity.length < counts.skills) popularity.push(0);
    const share = (n: number) => popularity.slice(0, n).reduce((a, b) => a + b, 0) / relations.length;
    // the top 1% of skills hold many times 1% of the relations; the bottom half very little
    expect(share(counts.skills / 100)).toBeGreaterThan(0.1);
    expect(1 - share(counts.skills / 2)).toBeLessThan(0.15);

    const occupations = rowsOf(text(ESCO_FORMATS.occupations.file), true);
    const perOccupation = relations.length / occupations.length;
    expect(perOccupation).toBeCloseTo(43, 5);
    expect(occupations.some((o) => o[4]!.includes('\n'))).toBe(true); // multi-line altLabels
  });

  it('has the fixture headers', async () => {
    const { text } = await inMemory(generateEsco, 2, 0.005);
    for (const format of Object.values(ESCO_FORMATS)) {
      const fixture = fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'esco', format.file), 'utf8');
      expect(text(format.file)!.split('\n')[0]).toBe(fixture.split('\n')[0]);
    }
    expect(checkEsco(text)).toEqual([]);
  });

  it('as stress (ten times) keeps the same ratios', () => {
    const esco = escoCounts(1);
    const stress = escoCounts(10);
    expect(esco).toEqual({ occupations: 3000, skills: 14_000, occupationSkillRelations: 129_000, skillSkillRelations: 6000 });
    expect(stress).toEqual({ occupations: 30_000, skills: 140_000, occupationSkillRelations: 1_290_000, skillSkillRelations: 60_000 });
  });
});

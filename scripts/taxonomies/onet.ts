/**
 * An O*NET-like database in the tab-delimited text format of the 30.x
 * release: the same files, headers and value conventions, with invented
 * occupations. At scale 1 it is about the published size (900 occupations, each
 * rated on 35 skills and 33 knowledge areas on both the IM and LV scales).
 */
import { capitalise, mixedRadix, onetDate, permutation, plural, spreadCounts, Table, titleCase, type DatasetReport, type GenerateOptions } from './common';
import { ONET_FORMATS, tsvLine } from './formats';
import { SeededRandom } from '../support/seeded-random';
import type { OpenSink } from './sink';
import {
  DESCRIPTION_PURPOSES,
  DOMAINS,
  EDUCATION_SCALES,
  ONET_KNOWLEDGE,
  ONET_SKILLS,
  ROLE_QUALIFIERS,
  ROLE_SYNONYMS,
  ROLES,
  SKILL_OBJECTS,
  SOC_MAJOR_GROUPS,
  TASK_CONTEXTS,
  TASK_VERBS,
  TECH_BRANDS,
  TECH_COMMODITIES,
  type Element,
} from './vocab';

/** Sizes at scale 1, close to O*NET 30.x. */
export const ONET_SIZE = {
  occupations: 900,
  alternateTitles: 54_000,
  tasks: 19_000,
  technologySkills: 32_000,
  relatedPerOccupation: 20,
} as const;

export interface OnetCounts {
  occupations: number;
  alternateTitles: number;
  skills: number;
  knowledge: number;
  tasks: number;
  technologySkills: number;
  relatedOccupations: number;
  jobZones: number;
  education: number;
  educationCategories: number;
}

/** The exact number of rows of each file at a scale. */
export function onetCounts(scale: number): OnetCounts {
  const occupations = Math.max(2, Math.round(ONET_SIZE.occupations * scale));
  const related = Math.min(ONET_SIZE.relatedPerOccupation, occupations - 1);
  const categories = EDUCATION_SCALES.reduce((sum, s) => sum + s.categories.length, 0);
  return {
    occupations,
    alternateTitles: Math.max(occupations, Math.round(ONET_SIZE.alternateTitles * scale)),
    skills: occupations * ONET_SKILLS.length * 2,
    knowledge: occupations * ONET_KNOWLEDGE.length * 2,
    tasks: Math.max(occupations * 3, Math.round(ONET_SIZE.tasks * scale)),
    technologySkills: Math.max(occupations, Math.round(ONET_SIZE.technologySkills * scale)),
    relatedOccupations: occupations * related,
    jobZones: occupations,
    education: occupations * categories,
    educationCategories: categories,
  };
}

interface Occupation {
  code: string;
  title: string;
  domain: string;
  role: string;
  major: string;
  jobZone: number;
}

const fixed2 = (x: number) => x.toFixed(2);
const fixed4 = (x: number) => x.toFixed(4);

/** Invents the occupations: unique codes (sorted, as in the release) and unique titles. */
function makeOccupations(rng: SeededRandom, n: number): Occupation[] {
  const codes = new Set<string>();
  const bases: string[] = [];
  while (codes.size < n) {
    if (bases.length > 0 && rng.chance(0.12)) {
      // a specialty of an existing occupation: 27-4014.01, .02 ...
      const base = rng.pick(bases);
      for (let s = 1; s < 10; s++) {
        const code = `${base}.${String(s).padStart(2, '0')}`;
        if (!codes.has(code)) {
          codes.add(code);
          break;
        }
      }
    } else {
      const base = `${rng.pick(SOC_MAJOR_GROUPS)}-${rng.between(1, 9)}${String(rng.int(1000)).padStart(3, '0')}`;
      if (codes.has(`${base}.00`)) continue;
      codes.add(`${base}.00`);
      bases.push(base);
    }
  }
  const sorted = [...codes].sort();
  const radices = [ROLES.length, DOMAINS.length, ROLE_QUALIFIERS.length];
  const combos = radices.reduce((a, b) => a * b, 1);
  const order = permutation(rng, Math.min(combos, Math.max(n, 4096)));
  return sorted.map((code, i) => {
    const index = i < order.length ? (order[i] as number) : i;
    const [r, d, q, overflow] = mixedRadix(index, radices) as [number, number, number, number];
    const role = ROLES[r] as string;
    const domain = DOMAINS[d] as string;
    const qualifier = (ROLE_QUALIFIERS[q] as string).trim();
    const base = titleCase(`${qualifier ? `${qualifier} ` : ''}${domain} ${plural(role)}`);
    return {
      code,
      title: overflow > 0 ? `${base}, Group ${overflow + 1}` : base,
      domain,
      role,
      major: code.slice(0, 2),
      jobZone: rng.between(1, 5),
    };
  });
}

function description(rng: SeededRandom, o: Occupation): string {
  const objects = [rng.pick(SKILL_OBJECTS), rng.pick(SKILL_OBJECTS)];
  return `${capitalise(plural(o.role))} in ${o.domain} work look after ${objects[0]} and ${objects[1]} ${rng.pick(DESCRIPTION_PURPOSES)}. They ${rng.pick(['plan', 'carry out', 'check', 'organise'])} the daily ${o.domain} work and keep records of it.`;
}

/** One IM row and one LV row of a rated element, with O*NET's metadata columns. */
function ratingRows(rng: SeededRandom, o: Occupation, element: Element, weight: number, analyst: boolean): (string | number)[][] {
  const importance = Math.min(5, Math.max(1, 1 + 4 * weight + (rng.float() - 0.5) * 0.8));
  const level = Math.min(7, Math.max(0, importance * 1.35 - 1 + (rng.float() - 0.5) * 1.2));
  const date = onetDate(rng);
  const source = analyst ? 'Analyst' : 'Incumbent';
  const n = analyst ? 8 : rng.between(15, 40);
  const rows: (string | number)[][] = [];
  for (const [scale, value, low, high] of [
    ['IM', importance, 1, 5],
    ['LV', level, 0, 7],
  ] as const) {
    const se = analyst ? rng.float() * 0.2 : 0.05 + rng.float() * 0.4;
    const lower = Math.max(low, value - 1.96 * se);
    const upper = Math.min(high, value + 1.96 * se);
    const suppress = se > 0.35 ? 'Y' : 'N';
    const notRelevant = scale === 'IM' ? 'n/a' : importance < 1.5 ? 'Y' : 'N';
    rows.push([o.code, element.id, element.name, scale, fixed2(value), n, fixed4(se), fixed4(lower), fixed4(upper), suppress, notRelevant, date, source]);
  }
  return rows;
}

/** Percentages over a scale's categories, peaked near `mode`, adding up to 100 (to two decimals). */
function percentages(rng: SeededRandom, categories: number, mode: number): string[] {
  const weights = Array.from({ length: categories }, (_, i) => {
    const distance = Math.abs(i - mode);
    return distance > 3 ? (rng.chance(0.8) ? 0 : rng.float() * 0.05) : Math.exp(-distance * 1.1) * (0.5 + rng.float());
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const cents = weights.map((w) => Math.round((w / total) * 10_000));
  const diff = 10_000 - cents.reduce((a, b) => a + b, 0);
  const top = cents.indexOf(Math.max(...cents));
  cents[top] = (cents[top] as number) + diff;
  return cents.map((c) => (c / 100).toFixed(2));
}

export async function generateOnet(open: OpenSink, options: GenerateOptions): Promise<DatasetReport> {
  const { seed, scale, progress } = options;
  const rng = new SeededRandom(seed);
  const counts = onetCounts(scale);
  const line = tsvLine;
  const table = (format: (typeof ONET_FORMATS)[keyof typeof ONET_FORMATS], expected: number) => Table.open(open, format, line, 'onet', expected, progress);

  const occupations = makeOccupations(rng, counts.occupations);
  const n = occupations.length;

  // Occupation Data, Job Zones, Education categories
  const occupationData = table(ONET_FORMATS.occupationData, counts.occupations);
  const jobZones = table(ONET_FORMATS.jobZones, counts.jobZones);
  for (const o of occupations) {
    occupationData.row([o.code, o.title, description(rng, o)]);
    jobZones.row([o.code, o.jobZone, onetDate(rng), 'Analyst']);
  }
  const categoryTable = table(ONET_FORMATS.educationCategories, counts.educationCategories);
  for (const s of EDUCATION_SCALES) {
    s.categories.forEach((text, i) => categoryTable.row([s.elementId, s.elementName, s.scaleId, i + 1, text]));
  }
  const reports = [await occupationData.close(), await jobZones.close(), await categoryTable.close()];

  // Alternate Titles
  const alternate = table(ONET_FORMATS.alternateTitles, counts.alternateTitles);
  const alternateCounts = spreadCounts(rng, n, counts.alternateTitles, 1, 400, 50);
  occupations.forEach((o, i) => {
    const seen = new Set<string>();
    const synonyms = ROLE_SYNONYMS[o.role] ?? [];
    const want = alternateCounts[i] as number;
    for (let attempt = 0; seen.size < want; attempt++) {
      const role = synonyms.length > 0 && rng.chance(0.3) ? rng.pick(synonyms) : o.role;
      const qualifier = rng.pick(['', 'Senior ', 'Junior ', 'Assistant ', 'Lead ', 'Apprentice ', 'Freelance ', 'Staff ', 'Principal ', 'Trainee ']);
      const extra = rng.pick(SKILL_OBJECTS);
      let title = titleCase(`${qualifier}${rng.chance(0.5) ? `${o.domain} ` : `${extra} `}${role}`);
      if (attempt > want * 4) title = `${title} ${attempt}`; // only when the words run out
      if (seen.has(title)) continue;
      seen.add(title);
      const short = rng.chance(0.05) ? title.split(' ').map((w) => w[0]).join('') : 'n/a';
      alternate.row([o.code, title, short, rng.pick(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'])]);
    }
  });
  reports.push(await alternate.close());

  // Skills and Knowledge: every element on IM and LV for every occupation
  for (const [format, elements, analyst] of [
    [ONET_FORMATS.skills, ONET_SKILLS, true],
    [ONET_FORMATS.knowledge, ONET_KNOWLEDGE, false],
  ] as const) {
    const t = table(format, elements.length * 2 * n);
    for (const o of occupations) {
      // each occupation leans on a few elements and barely uses others
      const focus = new Set(Array.from({ length: 6 }, () => rng.int(elements.length)));
      for (let e = 0; e < elements.length; e++) {
        const weight = focus.has(e) ? 0.6 + rng.float() * 0.4 : rng.float() * 0.55;
        for (const row of ratingRows(rng, o, elements[e] as Element, weight, analyst)) t.row(row);
      }
      await t.drain();
    }
    reports.push(await t.close());
  }

  // Task Statements
  const tasks = table(ONET_FORMATS.taskStatements, counts.tasks);
  const taskCounts = spreadCounts(rng, n, counts.tasks, 3, 60, 14);
  let taskId = 1000;
  for (let i = 0; i < n; i++) {
    const o = occupations[i] as Occupation;
    for (let k = 0; k < (taskCounts[i] as number); k++) {
      const task = `${rng.pick(TASK_VERBS)} ${rng.pick(SKILL_OBJECTS)} ${rng.pick(TASK_CONTEXTS)}.`;
      const rated = rng.chance(0.9);
      tasks.row([
        o.code,
        taskId++,
        task,
        rated ? (rng.chance(0.7) ? 'Core' : 'Supplemental') : 'n/a',
        rated ? rng.between(8, 120) : 'n/a',
        onetDate(rng),
        rated ? rng.pick(['Incumbent', 'Occupational Expert']) : 'Analyst',
      ]);
    }
    await tasks.drain();
  }
  reports.push(await tasks.close());

  // Technology Skills
  const technology = table(ONET_FORMATS.technologySkills, counts.technologySkills);
  const techCounts = spreadCounts(rng, n, counts.technologySkills, 1, 150, 30);
  for (let i = 0; i < n; i++) {
    const o = occupations[i] as Occupation;
    const seen = new Set<string>();
    const want = techCounts[i] as number;
    for (let attempt = 0; seen.size < want; attempt++) {
      const commodity = rng.pick(TECH_COMMODITIES);
      let example = `${rng.pick(TECH_BRANDS)} ${rng.pick(commodity.products)}`;
      if (attempt > want * 4) example = `${example} ${attempt}`;
      if (seen.has(example)) continue;
      seen.add(example);
      technology.row([o.code, example, commodity.code, commodity.title, rng.chance(0.3) ? 'Y' : 'N', rng.chance(0.06) ? 'Y' : 'N']);
    }
    await technology.drain();
  }
  reports.push(await technology.close());

  // Related Occupations: 20 others each, the closest ones from the same major group
  const related = table(ONET_FORMATS.relatedOccupations, counts.relatedOccupations);
  const perOccupation = counts.relatedOccupations / n;
  const byMajor = new Map<string, number[]>();
  occupations.forEach((o, i) => byMajor.set(o.major, [...(byMajor.get(o.major) ?? []), i]));
  for (let i = 0; i < n; i++) {
    const o = occupations[i] as Occupation;
    const chosen: number[] = [];
    const taken = new Set<number>([i]);
    const sameGroup = byMajor.get(o.major) ?? [];
    while (chosen.length < perOccupation) {
      const candidate = chosen.length < 8 && rng.chance(0.8) && sameGroup.length > 1 ? rng.pick(sameGroup) : rng.int(n);
      if (taken.has(candidate)) {
        if (taken.size >= n) break;
        continue;
      }
      taken.add(candidate);
      chosen.push(candidate);
    }
    chosen.forEach((other, k) => {
      const index = k + 1;
      const tier = index <= 5 ? 'Primary-Short' : index <= 10 ? 'Primary-Long' : 'Supplemental';
      related.row([o.code, (occupations[other] as Occupation).code, tier, index]);
    });
    await related.drain();
  }
  reports.push(await related.close());

  // Education, Training, and Experience: RL and RW percent frequencies
  const education = table(ONET_FORMATS.education, counts.education);
  for (const o of occupations) {
    const date = onetDate(rng);
    const respondents = rng.between(10, 40);
    for (const s of EDUCATION_SCALES) {
      const mode = Math.min(s.categories.length - 1, Math.max(0, Math.round((o.jobZone - 1) * (s.categories.length / 5) + (rng.float() - 0.5) * 2)));
      percentages(rng, s.categories.length, mode).forEach((value, c) => {
        education.row([o.code, s.elementId, s.elementName, s.scaleId, c + 1, value, respondents, 'n/a', 'n/a', 'n/a', 'n/a', date, 'Occupational Expert']);
      });
    }
    await education.drain();
  }
  reports.push(await education.close());

  const order: string[] = Object.values(ONET_FORMATS).map((f) => f.file);
  reports.sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file));
  return { dataset: 'onet', seed, scale, files: reports };
}

/**
 * An ESCO-like classification in the CSV format of the v1.2 download
 * (English): occupations, skills, occupation-skill relations (about half
 * essential) and skill-skill relations, with invented labels and ESCO-style
 * URIs. Skill popularity is long-tailed: the skills an occupation needs are
 * drawn with a Zipf-Mandelbrot law over a random popularity ranking, so a few
 * skills are needed by many occupations and most by a handful.
 */
import { capitalise, escoInstant, mixedRadix, permutation, spreadCounts, Table, type DatasetReport, type GenerateOptions } from './common';
import { csvLine, ESCO_FORMATS, ESCO_URI } from './formats';
import { SeededRandom } from '../support/seeded-random';
import type { OpenSink } from './sink';
import { ZipfSampler } from './zipf';
import {
  DESCRIPTION_PURPOSES,
  DOMAINS,
  KNOWLEDGE_NOUNS,
  KNOWN_ISCO_GROUPS,
  ROLE_QUALIFIERS,
  ROLE_SYNONYMS,
  ROLES,
  SKILL_CONTEXTS,
  SKILL_OBJECTS,
  SKILL_VERBS,
} from './vocab';

/** Sizes at scale 1, close to ESCO v1.2 (3,039 occupations, 13,939 skills, 129,004 and 5,818 relations). */
export const ESCO_SIZE = {
  occupations: 3_000,
  skills: 14_000,
  occupationSkillRelations: 129_000,
  skillSkillRelations: 6_000,
} as const;

/** Share of occupation-skill relations that are essential (ESCO v1.2: 67,622 of 129,004, 52%). */
export const ESSENTIAL_SHARE = 0.52;
/** Zipf-Mandelbrot exponent and offset of skill popularity. */
export const POPULARITY = { exponent: 0.9, offset: 10 } as const;

export interface EscoCounts {
  occupations: number;
  skills: number;
  occupationSkillRelations: number;
  skillSkillRelations: number;
}

export function escoCounts(scale: number): EscoCounts {
  const occupations = Math.max(2, Math.round(ESCO_SIZE.occupations * scale));
  const skills = Math.max(10, Math.round(ESCO_SIZE.skills * scale));
  const relations = Math.min(Math.max(occupations, Math.round(ESCO_SIZE.occupationSkillRelations * scale)), occupations * Math.min(skills, 250));
  const pairs = Math.min(Math.round(ESCO_SIZE.skillSkillRelations * scale), Math.floor((skills * (skills - 1)) / 4));
  return { occupations, skills, occupationSkillRelations: relations, skillSkillRelations: pairs };
}

interface Skill {
  uri: string;
  type: 'knowledge' | 'skill/competence';
}

/** ISCO-08 unit-group-like codes: the known music and audio groups plus invented four-digit ones. */
function iscoGroups(rng: SeededRandom): string[] {
  const all: string[] = [];
  for (let major = 1; major <= 9; major++)
    for (let sub = 1; sub <= 6; sub++) for (let minor = 1; minor <= 5; minor++) for (let unit = 1; unit <= 6; unit++) all.push(`${major}${sub}${minor}${unit}`);
  const chosen = new Set<string>(KNOWN_ISCO_GROUPS);
  for (const code of rng.shuffle(all)) {
    if (chosen.size >= 430) break;
    chosen.add(code);
  }
  for (const armed of ['0110', '0210', '0310']) chosen.add(armed);
  return [...chosen].sort();
}

function labelList(labels: Iterable<string>): string {
  return [...labels].join('\n');
}

export async function generateEsco(open: OpenSink, options: GenerateOptions & { dataset?: string }): Promise<DatasetReport> {
  const { seed, scale, progress } = options;
  const dataset = options.dataset ?? 'esco';
  const rng = new SeededRandom(seed);
  const counts = escoCounts(scale);
  const table = (format: (typeof ESCO_FORMATS)[keyof typeof ESCO_FORMATS], expected: number) => Table.open(open, format, csvLine, dataset, expected, progress);

  // Occupations: URIs first, then each row in URI order (as the release is sorted), written as it is made
  const groups = iscoGroups(rng);
  const occupationUris = Array.from({ length: counts.occupations }, () => `${ESCO_URI.occupation}${rng.uuid()}`).sort();
  const codesInGroup = new Map<string, { next: number; children: Map<number, number> }>();
  const occupationRadices = [ROLES.length, DOMAINS.length, ROLE_QUALIFIERS.length];
  const occupationOrder = permutation(rng, Math.min(occupationRadices.reduce((a, b) => a * b, 1), Math.max(counts.occupations, 4096)));
  const occupations = table(ESCO_FORMATS.occupations, counts.occupations);
  for (const [i, uri] of occupationUris.entries()) {
    const index = i < occupationOrder.length ? (occupationOrder[i] as number) : i;
    const [r, d, q, overflow] = mixedRadix(index, occupationRadices) as [number, number, number, number];
    const role = ROLES[r] as string;
    const domain = DOMAINS[d] as string;
    const label = `${ROLE_QUALIFIERS[q]}${domain} ${role}${overflow > 0 ? ` ${overflow + 1}` : ''}`;
    const group = groups[Math.floor(groups.length * Math.pow(rng.float(), 1.6))] as string;
    const inGroup = codesInGroup.get(group) ?? { next: 1, children: new Map<number, number>() };
    codesInGroup.set(group, inGroup);
    let code: string;
    if (inGroup.next > 1 && rng.chance(0.25)) {
      const parent = rng.between(1, inGroup.next - 1);
      const child = (inGroup.children.get(parent) ?? 0) + 1;
      inGroup.children.set(parent, child);
      code = `${group}.${parent}.${child}`;
    } else code = `${group}.${inGroup.next++}`;
    const alternates = new Set<string>();
    const synonyms = ROLE_SYNONYMS[role] ?? [];
    const wanted = rng.between(0, 9);
    for (let k = 0; k < wanted * 2 && alternates.size < wanted; k++) {
      const alternate = rng.pick([
        () => `${domain} ${rng.pick(synonyms.length > 0 ? synonyms : [role])}`,
        () => `${role} for ${domain} work`,
        () => `${rng.pick(['senior', 'junior', 'assistant', 'trainee', 'freelance'])} ${domain} ${role}`,
        () => `${domain} ${rng.pick(SKILL_OBJECTS)} ${role}`,
      ])();
      if (alternate !== label) alternates.add(alternate);
    }
    const hidden = rng.chance(0.05) ? `${domain.replace(/[\s-]/g, '')} ${role}` : '';
    const description = `${capitalise(domain)} ${role}s look after ${rng.pick(SKILL_OBJECTS)} and ${rng.pick(SKILL_OBJECTS)} ${rng.pick(DESCRIPTION_PURPOSES)}. They ${rng.pick(['plan', 'carry out', 'check', 'organise'])} the ${domain} work and report on it.`;
    const scopeNote = rng.chance(0.04) ? `Includes people who do this work ${rng.pick(SKILL_CONTEXTS).trim() || 'part time'}.` : '';
    occupations.row(['Occupation', uri, group, label, labelList(alternates), hidden, 'released', escoInstant(rng), ESCO_URI.unregulated, scopeNote, '', ESCO_URI.occupationSchemes, description, code]);
    if (i % 1000 === 999) await occupations.drain();
  }
  const reports = [await occupations.close()];

  // Skills: URIs and types first, then each row in URI order
  const skills: Skill[] = Array.from({ length: counts.skills }, (): Skill => ({
    uri: `${ESCO_URI.skill}${rng.uuid()}`,
    type: rng.chance(0.23) ? 'knowledge' : 'skill/competence',
  })).sort((x, y) => (x.uri < y.uri ? -1 : 1));
  const skillsTable = table(ESCO_FORMATS.skills, counts.skills);
  const skillRadices = [SKILL_VERBS.length, SKILL_OBJECTS.length, SKILL_CONTEXTS.length];
  const skillOrder = permutation(rng, Math.min(skillRadices.reduce((a, b) => a * b, 1), Math.max(counts.skills, 4096)));
  for (const [i, { uri, type }] of skills.entries()) {
    const index = i < skillOrder.length ? (skillOrder[i] as number) : i;
    const [a, o, c, overflow] = mixedRadix(index, skillRadices) as [number, number, number, number];
    const object = SKILL_OBJECTS[o] as string;
    const context = SKILL_CONTEXTS[c] as string;
    const suffix = overflow > 0 ? ` ${overflow + 1}` : '';
    const label = type === 'knowledge' ? `${object} ${KNOWLEDGE_NOUNS[a % KNOWLEDGE_NOUNS.length]}${context}${suffix}` : `${SKILL_VERBS[a]} ${object}${context}${suffix}`;
    const reuse = rng.float();
    const reuseLevel = reuse < 0.02 ? 'transversal' : reuse < 0.2 ? 'cross-sector' : reuse < 0.75 ? 'sector-specific' : 'occupation-specific';
    const alternates = new Set<string>();
    const wanted = rng.between(0, 5);
    for (let k = 0; k < wanted * 2 && alternates.size < wanted; k++) {
      const alternate =
        type === 'knowledge'
          ? rng.pick([`knowledge of ${object}${context}`, `${object} ${rng.pick(KNOWLEDGE_NOUNS)}`, `${object}${context}`])
          : `${rng.pick(SKILL_VERBS)} ${object}${rng.chance(0.5) ? context : ''}`;
      if (alternate !== label) alternates.add(alternate);
    }
    const description =
      type === 'knowledge'
        ? `Knowledge of ${object}: their ${rng.pick(KNOWLEDGE_NOUNS)}, and how to apply them ${rng.pick(DESCRIPTION_PURPOSES)}.`
        : `${capitalise(label)}, ${rng.pick(DESCRIPTION_PURPOSES)}.`;
    skillsTable.row(['KnowledgeSkillCompetence', uri, type, reuseLevel, label, labelList(alternates), '', 'released', escoInstant(rng), '', '', ESCO_URI.skillSchemes, description]);
    if (i % 1000 === 999) await skillsTable.drain();
  }
  reports.push(await skillsTable.close());

  // Occupation-skill relations, streamed occupation by occupation
  const nSkills = skills.length;
  const popularity = permutation(rng, nSkills); // popularity rank -> skill index
  const zipf = new ZipfSampler(nSkills, POPULARITY.exponent, POPULARITY.offset);
  const maxPerOccupation = Math.min(nSkills, 250);
  const perOccupation = spreadCounts(rng, occupationUris.length, counts.occupationSkillRelations, 1, maxPerOccupation, 35);
  const relations = table(ESCO_FORMATS.occupationSkillRelations, counts.occupationSkillRelations);
  for (let i = 0; i < occupationUris.length; i++) {
    const want = perOccupation[i] as number;
    const chosen = new Set<number>();
    for (let attempt = 0; chosen.size < want && attempt < want * 50; attempt++) chosen.add(popularity[zipf.sample(rng)] as number);
    while (chosen.size < want) chosen.add(rng.int(nSkills)); // only when the head is exhausted
    const rows = [...chosen].map((s) => ({ skill: skills[s] as Skill, relation: rng.chance(ESSENTIAL_SHARE) ? 'essential' : 'optional' }));
    rows.sort((x, y) => (x.relation !== y.relation ? (x.relation < y.relation ? -1 : 1) : x.skill.uri < y.skill.uri ? -1 : 1));
    for (const row of rows) relations.row([occupationUris[i] as string, row.relation, row.skill.type, row.skill.uri]);
    await relations.drain();
  }
  reports.push(await relations.close());

  // Skill-skill relations
  const pairs = new Set<number>();
  const pairRows: [number, number, string][] = [];
  while (pairRows.length < counts.skillSkillRelations) {
    const from = rng.int(nSkills);
    const to = rng.int(nSkills);
    if (from === to || pairs.has(from * nSkills + to)) continue;
    pairs.add(from * nSkills + to);
    pairRows.push([from, to, rng.chance(0.85) ? 'optional' : 'essential']);
  }
  pairRows.sort((x, y) => {
    const a = (skills[x[0]] as Skill).uri;
    const b = (skills[y[0]] as Skill).uri;
    return a !== b ? (a < b ? -1 : 1) : x[1] - y[1];
  });
  const skillRelations = table(ESCO_FORMATS.skillSkillRelations, counts.skillSkillRelations);
  for (const [i, [from, to, relation]] of pairRows.entries()) {
    const a = skills[from] as Skill;
    const b = skills[to] as Skill;
    skillRelations.row([a.uri, a.type, relation, b.type, b.uri]);
    if (i % 1000 === 999) await skillRelations.drain();
  }
  reports.push(await skillRelations.close());

  return { dataset, seed, scale, files: reports };
}

/**
 * What the scenario's workers send: reads over the curated graph, numbered writes
 * (a skill, then a REQUIRES_SKILL link from a curated role to it) and imports of
 * small generated datasets. Every write has ids of its own, so afterwards each can
 * be looked for in the graph.
 */
import type { Client, RequestRecord } from './client';

/** The curated graph's roles and one of its sources (data/curated/careers.json). */
export const CURATED_ROLES = ['music-producer', 'audio-engineer', 'sound-engineer', 'movie-producer', 'lighting-engineer'] as const;
export const CURATED_SOURCE = '000_3acbafd368b5d407';
const SEARCH_TEXTS = ['mix', 'audio', 'pro tool', 'engineer', 'fault skill', 'theater'];
const SKILL_CATEGORIES = ['CREATIVE', 'TECHNICAL', 'INTERPERSONAL', 'ORGANISATIONAL'] as const;

/** Roles, skills and links per generated import. */
export const IMPORT_SHAPE = { roles: 3, skills: 10 };

export interface SkillWrite {
  n: number;
  skillId: string;
  roleId: string;
  skillAcked: boolean;
  /** The link is sent only once the skill is acknowledged (otherwise it might have no end). */
  linkSent: boolean;
  linkAcked: boolean;
  /** Why the skill's or the link's request failed: its first error code (see failureOf). */
  skillFailure?: string;
  linkFailure?: string;
}

export interface ImportWrite {
  n: number;
  sourceId: string;
  nodeIds: string[];
  links: { from: string; to: string }[];
  acked: boolean;
  /** Why the request failed (see failureOf). */
  failure?: string;
}

/** A failed request's reason: its first error code (NO_RESPONSE, CLIENT_TIMEOUT, ... when nothing was read), or its HTTP status. */
export function failureOf(record: RequestRecord): string {
  return record.codes[0] ?? `HTTP ${record.status}`;
}

export interface WorkloadLog {
  requests: RequestRecord[];
  skills: SkillWrite[];
  imports: ImportWrite[];
}

const ROLE_QUERY = `query FaultRole($id: ID!) { role(id: $id) { id name skills { skill { id name } } } }`;
const OVERLAP_QUERY = `query FaultOverlap($a: ID!, $b: ID!) { skillOverlap(roleA: $a, roleB: $b) { jaccard shared { id } } }`;
const PATHS_QUERY = `query FaultPaths($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 4, first: 2) { length explanation } }`;
const SEARCH_QUERY = `query FaultSearch($text: String!) { search(text: $text, first: 5) { kind name } }`;
const UPSERT_SKILL = `mutation FaultUpsertSkill($input: SkillInput!) { upsertSkill(input: $input) { outcome node { id } } }`;
const LINK = `mutation FaultLink($input: LinkInput!) { link(input: $input) { outcome } }`;
const IMPORT = `mutation FaultImport($document: JSONObject!) { importDataset(document: $document) { nodes { created updated unchanged } links { created } } }`;

const pick = <T>(items: readonly T[], index: number): T => items[index % items.length] as T;

/** One read, chosen round-robin by `i`. */
export async function sendRead(client: Client, log: WorkloadLog, i: number): Promise<RequestRecord> {
  const a = pick(CURATED_ROLES, i);
  const b = pick(CURATED_ROLES, i + 2);
  const answer = await [
    () => client.graphql('read', 'role', ROLE_QUERY, { id: a }),
    () => client.graphql('read', 'skillOverlap', OVERLAP_QUERY, { a, b }),
    () => client.graphql('read', 'paths', PATHS_QUERY, { from: a, to: b }),
    () => client.graphql('read', 'search', SEARCH_QUERY, { text: pick(SEARCH_TEXTS, i) }),
  ][i % 4]!();
  log.requests.push(answer.record);
  return answer.record;
}

/** Write number `n`: upsertSkill fault-skill-<n>, then link a curated role to it. */
export async function sendSkillWrite(client: Client, log: WorkloadLog, n: number, prefix: string): Promise<void> {
  const write: SkillWrite = { n, skillId: `${prefix}-skill-${n}`, roleId: pick(CURATED_ROLES, n), skillAcked: false, linkSent: false, linkAcked: false };
  log.skills.push(write);
  const citations = [{ source: CURATED_SOURCE }];
  const skill = await client.graphql(
    'write',
    'upsertSkill',
    UPSERT_SKILL,
    { input: { id: write.skillId, name: `Fault skill ${n}`, category: pick(SKILL_CATEGORIES, n), citations } },
    true,
  );
  log.requests.push(skill.record);
  write.skillAcked = skill.record.ok;
  if (!write.skillAcked) {
    write.skillFailure = failureOf(skill.record);
    return;
  }
  write.linkSent = true;
  // Every other requirement rated, so the roles' priorities are written and checked too.
  const rating = n % 2 === 1 ? { importance: 1 + (n % 5) } : {};
  const link = await client.graphql('write', 'link', LINK, { input: { type: 'REQUIRES_SKILL', from: write.roleId, to: write.skillId, citations, ...rating } }, true);
  log.requests.push(link.record);
  write.linkAcked = link.record.ok;
  if (!write.linkAcked) write.linkFailure = failureOf(link.record);
}

/** Import number `n`: a source, IMPORT_SHAPE.roles roles, IMPORT_SHAPE.skills skills, each skill required by one role. */
export async function sendImport(client: Client, log: WorkloadLog, n: number, prefix: string): Promise<void> {
  const base = `${prefix}-import-${n}`;
  const sourceId = base;
  const citations = [{ source: sourceId, quote: `generated by the fault scenario, import ${n}` }];
  const roles = Array.from({ length: IMPORT_SHAPE.roles }, (_, i) => ({ id: `${base}-role-${i + 1}`, name: `Fault import ${n} role ${i + 1}`, aliases: [], citations }));
  const skills = Array.from({ length: IMPORT_SHAPE.skills }, (_, j) => ({
    id: `${base}-skill-${j + 1}`,
    name: `Fault import ${n} skill ${j + 1}`,
    category: pick(SKILL_CATEGORIES, j).toLowerCase(),
    aliases: [],
    citations,
  }));
  const links = skills.map((skill, j) => ({ type: 'REQUIRES_SKILL', from: pick(roles, j).id, to: skill.id, citations }));
  const document = {
    format: 'careers-graph/curated@1',
    sources: [{ id: sourceId, title: `Fault scenario import ${n}` }],
    entities: { roles, skills, responsibilities: [], settings: [], tools: [], education: [], collaborators: [] },
    figures: { salaries: [], growth: [] },
    links,
  };
  const write: ImportWrite = {
    n,
    sourceId,
    nodeIds: [...roles, ...skills].map((node) => node.id),
    links: links.map(({ from, to }) => ({ from, to })),
    acked: false,
  };
  log.imports.push(write);
  const answer = await client.graphql('import', 'importDataset', IMPORT, { document }, true);
  log.requests.push(answer.record);
  write.acked = answer.record.ok;
  if (!write.acked) write.failure = failureOf(answer.record);
}

import type { CypherRunner } from '../database/database';
import type { NodeRecord, LinkRecord, RoleDetailsRecord } from '../models/records';
import { roleFactField, ROLE_RELATIONS, type RoleFactField, type RoleRelation } from '../models/relations';
import { pairsToObject, toCitations, toNode, type PropertyPairs } from './row-mapping';

interface RawLink {
  type: RoleRelation;
  direction: 'out' | 'in';
  link: Record<string, unknown>;
  target: Record<string, unknown>;
  label: string;
}

/** One role and one type of its facts: a key of the role-links loader. */
export interface RoleLinksKey {
  id: string;
  type: RoleRelation;
  /** The far nodes' properties to read (see selectedProperties); null: all of them. */
  properties: readonly string[] | null;
  /** The relationships' properties to read (see linkProperties in role.resolvers.ts); null: all of them. */
  linkProperties: readonly string[] | null;
}

/** Roles with their one-hop facts. */
export class RoleRepository {
  constructor(private readonly run: CypherRunner) {}

  /**
   * The links of each (role, type) pair, in one statement for all pairs; a pair whose
   * role does not exist is absent. Lists are ordered as in the role's details.
   */
  async linksByKeys(keys: readonly RoleLinksKey[]): Promise<Map<string, LinkRecord[]>> {
    checkTypes(keys);
    const rows = await this.run.read('role-links', {
      keys: keys.map((key) => ({ id: key.id, type: key.type, properties: key.properties, linkProperties: key.linkProperties })),
    });
    return new Map(toLinkGroups(rows).map((group) => [roleLinksKey(group.key), group.links]));
  }

  /**
   * A role with the kinds of facts a query selects of it (`keys`) and of each role
   * related to it (`relatedKeys`), in one statement: each group is a full key with
   * its links, for the caller to prime its loader with.
   */
  async roleWithLinks(
    id: string,
    keys: readonly Omit<RoleLinksKey, 'id'>[],
    relatedKeys: readonly Omit<RoleLinksKey, 'id'>[],
  ): Promise<{ role: NodeRecord | null; groups: { key: RoleLinksKey; links: LinkRecord[] }[] }> {
    checkTypes([...keys, ...relatedKeys]);
    const plain = (list: readonly Omit<RoleLinksKey, 'id'>[]) =>
      list.map((key) => ({ type: key.type, properties: key.properties, linkProperties: key.linkProperties }));
    const [row] = await this.run.read('role-with-links', { id, keys: plain(keys), relatedKeys: plain(relatedKeys) });
    const role = row?.role ? toNode(row.role as Record<string, unknown>, 'Role') : null;
    return { role, groups: toLinkGroups((row?.groups as Record<string, unknown>[] | undefined) ?? []) };
  }

  /**
   * The roles carrying a code (`SYSTEM:code`, matched exactly) or a code under a
   * prefix (`ONET_SOC:27-4014.`), ordered by name, at most `limit`.
   */
  async byCode(codes: readonly string[], prefixes: readonly string[], limit: number): Promise<NodeRecord[]> {
    const rows = await this.run.read('roles-by-code', { codes, prefixes, limit });
    return rows.map((row) => toNode(row.role as Record<string, unknown>, 'Role'));
  }

  /** Each role's details, in one statement whatever the number of roles or facts. */
  async detailsByIds(ids: readonly string[]): Promise<Map<string, RoleDetailsRecord>> {
    const rows = await this.run.read('role-details-by-ids', { ids });
    return new Map(
      rows.map((row) => {
        const details = toRoleDetails(row.role as Record<string, unknown>, row.links as RawLink[]);
        return [details.role.id, details];
      }),
    );
  }
}

/** A role's fact lists, all empty. */
export function noRoleFacts(): Omit<RoleDetailsRecord, 'role'> {
  const lists = Object.fromEntries(ROLE_RELATIONS.map((type) => [roleFactField(type), []])) as unknown as Record<RoleFactField, LinkRecord[]>;
  return { ...lists, sourceIds: [] };
}

/**
 * Groups a role's links into its fact lists, each ordered by the far node's name
 * (figures keep id order). A pair of roles linked both ways (A RELATED_TO B and
 * B RELATED_TO A) shows once, from the role's own side when it has one.
 */
export function toRoleDetails(roleProperties: Record<string, unknown>, rawLinks: RawLink[]): RoleDetailsRecord {
  const role = toNode(roleProperties, 'Role');
  const facts = groupLinks(rawLinks);
  const sourceIds = new Set([...role.citations.map((citation) => citation.sourceId), ...facts.sourceIds]);
  return { role, ...facts, sourceIds: [...sourceIds].sort() };
}

/** Refuses a type outside the allow-list before it reaches a statement. */
function checkTypes(keys: readonly { type: RoleRelation }[]): void {
  const unknown = keys.filter((key) => !ROLE_RELATIONS.includes(key.type));
  if (unknown.length > 0) throw new Error(`not a type of role fact: ${unknown.map((key) => key.type).join(', ')}`);
}

/** Rows of {id, type, properties, links} (role-links, role-with-links): each key with its LinkRecord list. */
function toLinkGroups(rows: Record<string, unknown>[]): { key: RoleLinksKey; links: LinkRecord[] }[] {
  return rows.map((row) => {
    const key: RoleLinksKey = {
      id: String(row.id),
      type: row.type as RoleRelation,
      properties: row.properties as string[] | null,
      linkProperties: row.linkProperties as string[] | null,
    };
    const links = (row.links as (Omit<RawLink, 'target' | 'link'> & { target: PropertyPairs; link: PropertyPairs })[]).map((link) => ({
      ...link,
      link: pairsToObject(link.link),
      target: pairsToObject(link.target),
    }));
    return { key, links: groupLinks(links)[roleFactField(key.type)] };
  });
}

/** The cache key of a RoleLinksKey (DataLoader compares keys by this string). */
export function roleLinksKey(key: RoleLinksKey): string {
  return `${key.type}|${key.properties?.join(',') ?? '*'}|${key.linkProperties?.join(',') ?? '*'}|${key.id}`;
}

/** Links grouped into fact lists, deduplicated and ordered as toRoleDetails says; sourceIds: those the links and their far nodes cite. */
function groupLinks(rawLinks: RawLink[]): Omit<RoleDetailsRecord, 'role'> {
  const details = noRoleFacts();
  const seen = new Map<string, LinkRecord>();
  const sourceIds = new Set<string>();
  const outgoingFirst = [...rawLinks].sort((a, b) => Number(a.direction === 'in') - Number(b.direction === 'in'));
  for (const raw of outgoingFirst) {
    const key = `${raw.type}|${String(raw.target.id)}`;
    if (seen.has(key)) continue;
    const link: LinkRecord = {
      target: toNode(raw.target, raw.label),
      citations: toCitations(raw.link),
      inferred: raw.link.inferred === true,
      reason: typeof raw.link.reason === 'string' ? raw.link.reason : null,
      importance: typeof raw.link.importance === 'number' ? raw.link.importance : null,
      level: typeof raw.link.level === 'number' ? raw.link.level : null,
      essential: typeof raw.link.essential === 'boolean' ? raw.link.essential : null,
      tier: typeof raw.link.tier === 'string' ? raw.link.tier : null,
      rank: typeof raw.link.rank === 'number' ? raw.link.rank : null,
    };
    seen.set(key, link);
    details[roleFactField(raw.type)].push(link);
    for (const citation of [...link.citations, ...link.target.citations]) sourceIds.add(citation.sourceId);
  }
  for (const list of ROLE_RELATIONS.map(roleFactField)) {
    details[list].sort((a, b) => (a.target.name ?? a.target.id).localeCompare(b.target.name ?? b.target.id));
  }
  details.sourceIds = [...sourceIds].sort();
  return details;
}

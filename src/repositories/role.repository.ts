import type { CypherRunner } from '../database/database';
import type { EquivalentFiguresRecord, NodeRecord, LinkRecord, RoleDetailsRecord } from '../models/records';
import { RELATIONS, roleFactField, ROLE_RELATIONS, type RoleFactField, type RoleRelation } from '../models/relations';
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

  /**
   * The figures published by SOC code that each role reaches through its equivalents
   * (Role.equivalentFigures), in one statement for all roles: per SOC code, the
   * equivalents refining it (by name) and one figure per source (the importers give
   * each role of a SOC code its own copy of a release's figure), the latest first.
   */
  async equivalentFiguresByIds(ids: readonly string[]): Promise<Map<string, EquivalentFiguresRecord[]>> {
    const rows = await this.run.read('equivalent-figures', { ids });
    const byRole = new Map<string, Map<string, EquivalentFiguresRecord & { sources: Set<string> }>>();
    for (const row of rows) {
      const id = String(row.id);
      const socCode = String(row.socCode);
      const codes = byRole.get(id) ?? new Map<string, EquivalentFiguresRecord & { sources: Set<string> }>();
      byRole.set(id, codes);
      const entry = codes.get(socCode) ?? { socCode, via: [], salaries: [], growth: [], sources: new Set<string>() };
      codes.set(socCode, entry);
      const via = toNode(row.via as Record<string, unknown>, 'Role');
      if (!entry.via.some((known) => known.id === via.id)) entry.via.push(via);
      const figure = toNode(row.figure as Record<string, unknown>, row.label);
      const key = `${figure.label}|${figure.citations.map((citation) => citation.sourceId).join(',')}`;
      if (entry.sources.has(key)) continue;
      entry.sources.add(key);
      (figure.label === 'SalaryFigure' ? entry.salaries : entry.growth).push(figure);
    }
    const name = (node: NodeRecord) => node.name ?? node.id;
    return new Map(
      [...byRole].map(([id, codes]) => [
        id,
        [...codes.values()]
          .sort((a, b) => a.socCode.localeCompare(b.socCode))
          .map(({ socCode, via, salaries, growth }) => ({
            socCode,
            via: via.sort((a, b) => name(a).localeCompare(name(b))),
            salaries: salaries.sort((a, b) => (b.year ?? 0) - (a.year ?? 0)),
            growth: growth.sort((a, b) => String(b.period ?? '').localeCompare(String(a.period ?? ''))),
          })),
      ]),
    );
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
 * (O*NET's related occupations first, in O*NET's order). A pair of roles linked both
 * ways (A RELATED_TO B and B RELATED_TO A) shows once, from the role's own side when
 * it has one, unless the links are each stated of one role (O*NET's lists): then
 * the other's is marked `incoming`.
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

/** O*NET's relatedness tiers, in O*NET's order. */
const TIER_ORDER: Readonly<Record<string, number>> = { 'Primary-Short': 0, 'Primary-Long': 1, Supplemental: 2 };

/**
 * Links grouped into fact lists, deduplicated and ordered as toRoleDetails says; sourceIds: those the links and their far nodes cite.
 * A link stated of its start role alone (see `oneWayWhen` in the relation table) is
 * kept apart at its end (`incoming`), not merged with the end role's own statement.
 * Links with a rank (O*NET's related occupations) come first, in O*NET's order (tier,
 * then rank); links with a share (O*NET's required level of education) come first too,
 * largest share first, ties by category (the lower level first); the rest by the far
 * node's name.
 */
function groupLinks(rawLinks: RawLink[]): Omit<RoleDetailsRecord, 'role'> {
  const details = noRoleFacts();
  const seen = new Map<string, LinkRecord>();
  const sourceIds = new Set<string>();
  const outgoingFirst = [...rawLinks].sort((a, b) => Number(a.direction === 'in') - Number(b.direction === 'in'));
  for (const raw of outgoingFirst) {
    const oneWayWhen = RELATIONS[raw.type].oneWayWhen;
    const incoming = raw.direction === 'in' && oneWayWhen !== null && raw.link[oneWayWhen] !== null && raw.link[oneWayWhen] !== undefined;
    const key = `${raw.type}|${String(raw.target.id)}|${incoming ? 'in' : 'stated'}`;
    if (seen.has(key)) continue;
    const text = (name: string) => (typeof raw.link[name] === 'string' ? (raw.link[name] as string) : null);
    const flag = (name: string) => (typeof raw.link[name] === 'boolean' ? (raw.link[name] as boolean) : null);
    const link: LinkRecord = {
      target: toNode(raw.target, raw.label),
      citations: toCitations(raw.link),
      inferred: raw.link.inferred === true,
      reason: text('reason'),
      importance: typeof raw.link.importance === 'number' ? raw.link.importance : null,
      level: typeof raw.link.level === 'number' ? raw.link.level : null,
      essential: flag('essential'),
      tier: text('tier'),
      rank: typeof raw.link.rank === 'number' ? raw.link.rank : null,
      core: flag('core'),
      hot: flag('hot'),
      inDemand: flag('inDemand'),
      commodityCode: text('commodityCode'),
      commodity: text('commodity'),
      crosswalk: text('crosswalk'),
      match: text('match'),
      share: typeof raw.link.share === 'number' ? raw.link.share : null,
      category: typeof raw.link.category === 'number' ? raw.link.category : null,
      incoming,
    };
    seen.set(key, link);
    details[roleFactField(raw.type)].push(link);
    for (const citation of [...link.citations, ...link.target.citations]) sourceIds.add(citation.sourceId);
  }
  const name = (link: LinkRecord) => link.target.name ?? link.target.id;
  const tier = (link: LinkRecord) => (link.tier ? (TIER_ORDER[link.tier] ?? 3) : 4);
  const share = (link: LinkRecord) => link.share ?? -1;
  const category = (link: LinkRecord) => link.category ?? Number.MAX_SAFE_INTEGER;
  for (const list of ROLE_RELATIONS.map(roleFactField)) {
    details[list].sort(
      (a, b) =>
        tier(a) - tier(b) || (a.rank ?? 0) - (b.rank ?? 0) || share(b) - share(a) || category(a) - category(b) || name(a).localeCompare(name(b)),
    );
  }
  details.sourceIds = [...sourceIds].sort();
  return details;
}

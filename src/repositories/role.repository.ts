import type { CypherRunner } from '../database/database';
import type { LinkType } from '../models/link-types';
import type { LinkRecord, RoleDetailsRecord } from '../models/records';
import { toCitations, toEntity } from './row-mapping';

/** Which list of RoleDetailsRecord each relationship type from a role fills. */
const LIST_OF: Record<Exclude<LinkType, 'RELATED_SKILL'>, keyof Omit<RoleDetailsRecord, 'role' | 'sourceIds'>> = {
  REQUIRES_SKILL: 'skills',
  HAS_RESPONSIBILITY: 'responsibilities',
  WORKS_IN: 'settings',
  USES_TOOL: 'tools',
  REQUIRES_EDUCATION: 'education',
  HAS_SALARY: 'salaries',
  HAS_GROWTH: 'growth',
  RELATED_TO: 'relatedRoles',
  COLLABORATES_WITH: 'collaborators',
};

interface RawLink {
  type: keyof typeof LIST_OF;
  direction: 'out' | 'in';
  link: Record<string, unknown>;
  target: Record<string, unknown>;
  label: string;
}

/** Roles with their one-hop facts. */
export class RoleRepository {
  constructor(private readonly run: CypherRunner) {}

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
  return {
    skills: [],
    responsibilities: [],
    settings: [],
    tools: [],
    education: [],
    salaries: [],
    growth: [],
    relatedRoles: [],
    collaborators: [],
    sourceIds: [],
  };
}

/**
 * Groups a role's links into its fact lists, each ordered by the far node's name
 * (figures keep id order). A pair of roles linked both ways (A RELATED_TO B and
 * B RELATED_TO A) shows once, from the role's own side when it has one.
 */
export function toRoleDetails(roleProperties: Record<string, unknown>, rawLinks: RawLink[]): RoleDetailsRecord {
  const role = toEntity(roleProperties, 'Role');
  const details: RoleDetailsRecord = { role, ...noRoleFacts() };
  const seen = new Map<string, LinkRecord>();
  const sourceIds = new Set(role.citations.map((citation) => citation.sourceId));
  const outgoingFirst = [...rawLinks].sort((a, b) => Number(a.direction === 'in') - Number(b.direction === 'in'));
  for (const raw of outgoingFirst) {
    const key = `${raw.type}|${String(raw.target.id)}`;
    if (seen.has(key)) continue;
    const link: LinkRecord = {
      target: toEntity(raw.target, raw.label),
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
    details[LIST_OF[raw.type]].push(link);
    for (const citation of [...link.citations, ...link.target.citations]) sourceIds.add(citation.sourceId);
  }
  for (const list of Object.values(LIST_OF)) {
    details[list].sort((a, b) => (a.target.name ?? a.target.id).localeCompare(b.target.name ?? b.target.id));
  }
  details.sourceIds = [...sourceIds].sort();
  return details;
}

import type { CypherRunner } from '../database/database';
import type { RelationType } from '../models/relations';
import type { NodeRecord } from '../models/records';
import { JOB_ZONE_PREFIX, ROLE_TAXONOMY_PREFIXES, type RoleTaxonomy } from '../models/taxonomy-id';
import type { NodeLabel } from '../models/node-labels';
import { pairsToNode, type PropertyPairs } from './row-mapping';

/**
 * Which properties of the roles and of the items (skills, or the overlap's dimension)
 * a statement returns: what the query selects of them (see selectedProperties), null
 * for all. Analytic answers list hundreds of skills, so reading only their id and name
 * keeps long descriptions out of Bolt and of the heap.
 */
export interface Projection {
  roles: readonly string[] | null;
  items: readonly string[] | null;
}

export interface OverlapRecord {
  /** Asked ids that are not roles. */
  missing: string[];
  positions: { role: NodeRecord; only: NodeRecord[] }[];
  shared: NodeRecord[];
  jaccard: number;
}

export interface RoleMatchRecord {
  role: NodeRecord;
  score: number;
  jaccard: number;
  weightedJaccard: number;
  unionSize: number;
  sharedSkills: NodeRecord[];
  parts: { names: number; duties: number; skills: number } | null;
}

export interface RecommendationRecord {
  role: NodeRecord;
  score: number;
  matched: NodeRecord[];
  missing: NodeRecord[];
  /** The missing skills with the rise of the score each would bring, highest first (ties: name, id). */
  toLearn: { skill: NodeRecord; gain: number }[];
  /** Σ p·sal over the matched skills / ‖R‖: the score times the person's norm. */
  reach: number;
}

/** Which roles recommendRoles may consider (RoleFilter in the schema). */
export interface RoleFilterInput {
  taxonomies?: readonly RoleTaxonomy[] | null;
  minMedianWage?: number | null;
  minGrowth?: number | null;
  minJobZone?: number | null;
  maxJobZone?: number | null;
}

/** The filter as recommend-roles.cypher takes it: taxonomies told by id prefix, wages in annual US dollars. */
function statementFilter(filter: RoleFilterInput): Record<string, unknown> {
  return {
    prefixes: ROLE_TAXONOMY_PREFIXES.map(([taxonomy, prefix]) => [taxonomy, prefix]),
    other: 'CURATED',
    taxonomies: filter.taxonomies ?? null,
    minMedianWage: filter.minMedianWage ?? null,
    currency: 'USD',
    period: 'annual',
    minGrowth: filter.minGrowth ?? null,
    jobZones: jobZoneIds(filter.minJobZone ?? null, filter.maxJobZone ?? null),
    jobZonePrefix: JOB_ZONE_PREFIX,
  };
}

/** The ids of O*NET's job-zone education nodes from `min` to `max` (1 and 5 when null); null when neither bound is given. */
function jobZoneIds(min: number | null, max: number | null): string[] | null {
  if (min === null && max === null) return null;
  const from = min ?? 1;
  return Array.from({ length: Math.max(0, (max ?? 5) - from + 1) }, (_, n) => `${JOB_ZONE_PREFIX}${from + n}`);
}

export interface SkillGapRecord {
  /** Null when the id is not a role. */
  from: NodeRecord | null;
  to: NodeRecord | null;
  transferable: NodeRecord[];
  toLearn: NodeRecord[];
  coverage: number;
  plainCoverage: number;
  fit: number;
}

const skills = (list: unknown): NodeRecord[] => byName((list as PropertyPairs[]).map((skill) => pairsToNode(skill, 'Skill')));
const role = (pairs: unknown): NodeRecord => pairsToNode(pairs as PropertyPairs, 'Role');

/** A gain is a difference of two rounded scores: rounded again so that equal gains tie exactly. */
const roundGain = (value: number) => Math.round(value * 1e12) / 1e12;

/** Presentation order of item lists: by name, then id. */
export function byName(entities: NodeRecord[]): NodeRecord[] {
  return [...entities].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.id.localeCompare(b.id));
}

/** Set questions over roles' facts: overlap, similarity, recommendations, skill gaps. One statement each. */
export class OverlapRepository {
  constructor(private readonly run: CypherRunner) {}

  async overlap(roleIds: readonly string[], type: RelationType, label: NodeLabel, projection: Projection): Promise<OverlapRecord> {
    const [row] = await this.run.read('overlap', { roleIds, type, roleProperties: projection.roles, itemProperties: projection.items });
    const positions = (row?.positions as { role: PropertyPairs | null; only: PropertyPairs[] }[]) ?? [];
    return {
      missing: (row?.missing as string[]) ?? [],
      positions: positions
        .filter((position) => position.role !== null)
        .map((position) => ({
          role: role(position.role),
          only: byName(position.only.map((item) => pairsToNode(item, label))),
        })),
      shared: byName(((row?.shared as PropertyPairs[]) ?? []).map((item) => pairsToNode(item, label))),
      jaccard: Number(row?.jaccard ?? 0),
    };
  }

  /**
   * null when roleId is not a role. `overlap` false: the PROFILE metric reads no
   * requirement, and the overlap figures (Jaccard indexes, union size, shared skills)
   * are 0 and empty; the caller selected none of them.
   */
  async similarRoles(roleId: string, metric: string, first: number, projection: Projection, overlap = true): Promise<RoleMatchRecord[] | null> {
    const statement = metric === 'PROFILE' ? 'similar-roles-profile' : 'similar-roles';
    const [row] = await this.run.read(statement, { roleId, metric, first, overlap, roleProperties: projection.roles, skillProperties: projection.items });
    if (!row?.found) return null;
    return (row.matches as Record<string, unknown>[]).map((match) => {
      const parts = match.parts as Record<string, unknown> | undefined;
      return {
        role: role(match.role),
        score: Number(match.score),
        jaccard: Number(match.jaccard),
        weightedJaccard: Number(match.weightedJaccard),
        unionSize: Number(match.unionSize),
        sharedSkills: skills(match.shared),
        parts: parts ? { names: Number(parts.names), duties: Number(parts.duties), skills: Number(parts.skills) } : null,
      };
    });
  }

  /**
   * The roles that best fit what a person holds (`held`: distinct skill ids with their
   * weights), optionally only `only` roles and only those the filter keeps. Besides each
   * recommendation, `reach` (the matched weight over the role's norm) and the person's
   * norm let the caller work out the gain of a skill the role does not need.
   */
  async recommendRoles(
    held: readonly { skill: string; weight: number }[],
    options: { first: number; only?: readonly string[] | null; filter?: RoleFilterInput | null },
    projection: Projection,
  ): Promise<{ missing: string[]; recommendations: RecommendationRecord[]; personNorm: number }> {
    const [row] = await this.run.read('recommend-roles', {
      skillIds: held.map((entry) => entry.skill),
      weights: held.map((entry) => entry.weight),
      only: options.only ?? null,
      filter: options.filter ? statementFilter(options.filter) : null,
      first: options.first,
      roleProperties: projection.roles,
      skillProperties: projection.items,
    });
    return {
      missing: ((row?.missing as (string | null)[]) ?? []).filter((id): id is string => id !== null),
      personNorm: Number(row?.personNorm ?? 0),
      recommendations: ((row?.recommendations as Record<string, unknown>[]) ?? []).map((recommendation) => {
        const gains = recommendation.gains as number[];
        const toLearn = (recommendation.missing as PropertyPairs[])
          .map((pairs, index) => ({ skill: pairsToNode(pairs, 'Skill'), gain: roundGain(Number(gains[index])) }))
          .sort((a, b) => b.gain - a.gain || (a.skill.name ?? '').localeCompare(b.skill.name ?? '') || a.skill.id.localeCompare(b.skill.id));
        return {
          role: role(recommendation.role),
          score: Number(recommendation.score),
          reach: Number(recommendation.reach),
          matched: skills(recommendation.matched),
          missing: skills(recommendation.missing),
          toLearn,
        };
      }),
    };
  }

  async skillGap(fromId: string, toId: string, projection: Projection): Promise<SkillGapRecord> {
    const [row] = await this.run.read('skill-gap', { fromId, toId, roleProperties: projection.roles, skillProperties: projection.items });
    return {
      from: row?.fromRole ? role(row.fromRole) : null,
      to: row?.toRole ? role(row.toRole) : null,
      transferable: skills(row?.transferable ?? []),
      toLearn: skills(row?.toLearn ?? []),
      coverage: Number(row?.coverage ?? 0),
      plainCoverage: Number(row?.plainCoverage ?? 0),
      fit: Number(row?.fit ?? 0),
    };
  }
}

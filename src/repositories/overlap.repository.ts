import type { CypherRunner } from '../database/database';
import type { LinkType } from '../models/link-types';
import type { EntityLabel, EntityRecord } from '../models/records';
import { toEntity } from './row-mapping';

type Properties = Record<string, unknown>;

export interface OverlapRecord {
  /** Asked ids that are not roles. */
  missing: string[];
  positions: { role: EntityRecord; only: EntityRecord[] }[];
  shared: EntityRecord[];
  jaccard: number;
}

export interface RoleMatchRecord {
  role: EntityRecord;
  score: number;
  jaccard: number;
  weightedJaccard: number;
  unionSize: number;
  sharedSkills: EntityRecord[];
}

export interface RecommendationRecord {
  role: EntityRecord;
  score: number;
  matched: EntityRecord[];
  missing: EntityRecord[];
}

export interface SkillGapRecord {
  /** Null when the id is not a role. */
  from: EntityRecord | null;
  to: EntityRecord | null;
  transferable: EntityRecord[];
  toLearn: EntityRecord[];
  coverage: number;
  plainCoverage: number;
}

const skills = (list: unknown): EntityRecord[] => byName((list as Properties[]).map((skill) => toEntity(skill, 'Skill')));

/** Presentation order of item lists: by name, then id. */
export function byName(entities: EntityRecord[]): EntityRecord[] {
  return [...entities].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.id.localeCompare(b.id));
}

/** Set questions over roles' facts: overlap, similarity, recommendations, skill gaps. One statement each. */
export class OverlapRepository {
  constructor(private readonly run: CypherRunner) {}

  async overlap(roleIds: readonly string[], type: LinkType, label: EntityLabel): Promise<OverlapRecord> {
    const [row] = await this.run.read('overlap', { roleIds, type });
    const positions = (row?.positions as { role: Properties | null; only: Properties[] }[]) ?? [];
    return {
      missing: (row?.missing as string[]) ?? [],
      positions: positions
        .filter((position) => position.role !== null)
        .map((position) => ({
          role: toEntity(position.role as Properties, 'Role'),
          only: byName(position.only.map((item) => toEntity(item, label))),
        })),
      shared: byName(((row?.shared as Properties[]) ?? []).map((item) => toEntity(item, label))),
      jaccard: Number(row?.jaccard ?? 0),
    };
  }

  /** null when roleId is not a role. */
  async similarRoles(roleId: string, metric: string, first: number): Promise<RoleMatchRecord[] | null> {
    const [row] = await this.run.read('similar-roles', { roleId, metric, first });
    if (!row?.found) return null;
    return (row.matches as Properties[]).map((match) => ({
      role: toEntity(match.role as Properties, 'Role'),
      score: Number(match.score),
      jaccard: Number(match.jaccard),
      weightedJaccard: Number(match.weightedJaccard),
      unionSize: Number(match.unionSize),
      sharedSkills: skills(match.shared),
    }));
  }

  async recommendRoles(skillIds: readonly string[], first: number): Promise<{ missing: string[]; recommendations: RecommendationRecord[] }> {
    const [row] = await this.run.read('recommend-roles', { skillIds, first });
    return {
      missing: (row?.missing as string[]) ?? [],
      recommendations: ((row?.recommendations as Properties[]) ?? []).map((recommendation) => ({
        role: toEntity(recommendation.role as Properties, 'Role'),
        score: Number(recommendation.score),
        matched: skills(recommendation.matched),
        missing: skills(recommendation.missing),
      })),
    };
  }

  async skillGap(fromId: string, toId: string): Promise<SkillGapRecord> {
    const [row] = await this.run.read('skill-gap', { fromId, toId });
    return {
      from: row?.fromRole ? toEntity(row.fromRole as Properties, 'Role') : null,
      to: row?.toRole ? toEntity(row.toRole as Properties, 'Role') : null,
      transferable: skills(row?.transferable ?? []),
      toLearn: skills(row?.toLearn ?? []),
      coverage: Number(row?.coverage ?? 0),
      plainCoverage: Number(row?.plainCoverage ?? 0),
    };
  }
}

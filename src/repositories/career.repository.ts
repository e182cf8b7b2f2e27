import type { CypherRunner } from '../database/database';
import type { NodeRecord } from '../models/records';
import { ROLE_TAXONOMY_PREFIXES } from '../models/taxonomy-id';
import type { Projection } from './overlap.repository';
import { pairsToNode, type PropertyPairs } from './row-mapping';

/** The id prefix of O*NET's job-zone education nodes (`onet-job-zone-3`), as the O*NET importer names them. */
const JOB_ZONE_PREFIX = 'onet-job-zone-';

/** In a taxonomy of fewer roles than this no skill counts as common: among a handful of roles a shared skill is no hub. */
const COMMON_MIN_ROLES = 100;

/** One move of a career path, explained. */
export interface CareerMoveRecord {
  from: NodeRecord;
  to: NodeRecord;
  similarity: number | null;
  parts: { names: number; duties: number; skills: number } | null;
  fit: number;
  carriesOver: NodeRecord[];
  toLearn: { skill: NodeRecord; gain: number }[];
  fromJobZone: number | null;
  toJobZone: number | null;
}

/** Reads for career moves: the feasible moves of a set of roles, and the explanation of chosen ones. */
export class CareerRepository {
  constructor(private readonly run: CypherRunner) {}

  /** For each role found: its job zone and its kept neighbours scoring at least minSimilarity (at most `fanout`), with theirs. */
  async moves(ids: readonly string[], minSimilarity: number, fanout: number) {
    const rows = await this.run.read('career-neighbours', { ids, minSimilarity, fanout, jobZonePrefix: JOB_ZONE_PREFIX });
    return new Map(
      rows.map((row) => [
        String(row.id),
        {
          jobZone: row.jobZone === null || row.jobZone === undefined ? null : Number(row.jobZone),
          moves: (row.moves as [string, number, number | null][]).map(([to, similarity, jobZone]) => ({
            to,
            similarity: Number(similarity),
            jobZone: jobZone === null || jobZone === undefined ? null : Number(jobZone),
          })),
        },
      ]),
    );
  }

  /** Each move explained (see career-moves.cypher), in the order given. */
  async explain(
    pairs: readonly (readonly [string, string])[],
    zones: ReadonlyMap<string, number | null>,
    options: { includeCommon: boolean; commonShare: number; first: number },
    projection: Projection,
  ): Promise<CareerMoveRecord[]> {
    if (pairs.length === 0) return [];
    const rows = await this.run.read('career-moves', {
      pairs,
      includeCommon: options.includeCommon,
      commonShare: options.commonShare,
      commonMinRoles: COMMON_MIN_ROLES,
      prefixes: ROLE_TAXONOMY_PREFIXES.map(([, prefix]) => prefix),
      noPrefix: '',
      first: options.first,
      roleProperties: projection.roles,
      skillProperties: projection.items,
    });
    return rows.map((row) => {
      const from = pairsToNode(row.fromRole as PropertyPairs, 'Role');
      const to = pairsToNode(row.toRole as PropertyPairs, 'Role');
      const parts = row.parts as Record<string, unknown> | null;
      const gains = row.gains as number[];
      return {
        from,
        to,
        similarity: row.similarity === null || row.similarity === undefined ? null : Number(row.similarity),
        parts: parts ? { names: Number(parts.names), duties: Number(parts.duties), skills: Number(parts.skills) } : null,
        fit: Number(row.fit),
        carriesOver: (row.carries as PropertyPairs[]).map((pairs) => pairsToNode(pairs, 'Skill')),
        toLearn: (row.toLearn as PropertyPairs[]).map((pairs, index) => ({ skill: pairsToNode(pairs, 'Skill'), gain: Math.round(Number(gains[index]) * 1e12) / 1e12 })),
        fromJobZone: zones.get(from.id) ?? null,
        toJobZone: zones.get(to.id) ?? null,
      };
    });
  }
}

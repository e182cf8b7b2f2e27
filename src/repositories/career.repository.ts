import { findCareerPath } from '../analysis/career-search';
import { taxonomyOfRole } from '../analysis/role-profile';
import { NEIGHBOURS_STATE } from '../database/role-neighbours';
import type { CypherRunner } from '../database/database';
import type { NodeRecord } from '../models/records';
import { ROLE_TAXONOMY_PREFIXES } from '../models/taxonomy-id';
import type { Projection } from './overlap.repository';
import { pairsToNode, type PropertyPairs } from './row-mapping';

/** In a taxonomy of fewer roles than this no skill counts as common: among a handful of roles a shared skill is no hub. */
const COMMON_MIN_ROLES = 100;

/** How many of a role's kept neighbours a move may go to, and how many roles one step of the search expands. */
const FANOUT = 20;
const MAX_FRONTIER = 500;
/** A skill required by more than this share of its taxonomy's roles is common: it explains no move unless asked. */
const COMMON_SHARE = 0.25;

/** A move of a found path: its similarity and parts always given (from the search when the kept neighbours changed since). */
export type CareerPathMove = CareerMoveRecord & { similarity: number; parts: NonNullable<CareerMoveRecord['parts']> };

/** What careerPath asks (its arguments, checked). */
export interface CareerPathOptions {
  from: string;
  to: string;
  maxMoves: number;
  minSimilarity: number;
  maxJobZoneStep: number;
  includeCommonSkills: boolean;
  skillsPerMove: number;
}

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

  /**
   * The career path from `from` to `to`: a breadth-first search over the kept
   * neighbours (src/analysis/career-search.ts), one read per step, then one read
   * explaining the moves chosen. `unknown` lists the ends that are no role; `moves`
   * is null when no path of at most maxMoves feasible moves exists.
   */
  async careerPath(options: CareerPathOptions, projection: Projection): Promise<{ unknown: string[]; moves: CareerPathMove[] | null }> {
    const zones = new Map<string, number | null>();
    const expand = async (ids: readonly string[], goal: string | null = null) => {
      const offers = await this.moves(ids, options.minSimilarity, FANOUT, goal);
      for (const [id, offer] of offers) {
        zones.set(id, offer.jobZone);
        for (const move of offer.moves) zones.set(move.to, move.jobZone);
      }
      return offers;
    };
    const ends = await expand([...new Set([options.from, options.to])]);
    const unknown = [...new Set([options.from, options.to])].filter((id) => !ends.has(id));
    if (unknown.length > 0) return { unknown, moves: null };
    const steps = await findCareerPath(options.from, options.to, (ids, goal) => (ids.length === 1 && ids[0] === options.from ? Promise.resolve(ends) : expand(ids, goal)), {
      maxMoves: options.maxMoves,
      maxJobZoneStep: options.maxJobZoneStep,
      maxFrontier: MAX_FRONTIER,
    });
    if (!steps) return { unknown, moves: null };
    const moves = await this.explain(
      steps.map((step) => [step.from, step.to] as const),
      zones,
      { includeCommon: options.includeCommonSkills, commonShare: COMMON_SHARE, first: options.skillsPerMove },
      projection,
    );
    return {
      unknown,
      moves: moves.map((move, index) => ({
        ...move,
        similarity: move.similarity ?? steps[index]?.similarity ?? 0,
        parts: move.parts ?? { names: 0, duties: 0, skills: 0 },
      })),
    };
  }

  /**
   * For each role found: its job zone and its kept neighbours scoring at least
   * minSimilarity (at most `fanout`), with theirs; only the move to `goal` when given.
   */
  async moves(ids: readonly string[], minSimilarity: number, fanout: number, goal: string | null = null) {
    const rows = await this.run.read('career-neighbours', { ids, minSimilarity, fanout, goal });
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
      state: NEIGHBOURS_STATE,
      taxonomyPrefixes: ROLE_TAXONOMY_PREFIXES.map(([, prefix]) => [taxonomyOfRole(prefix), prefix]),
      otherTaxonomy: taxonomyOfRole(''),
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

import { roleTaxonomy } from '../models/taxonomy-id';
import { textTerms } from './text-terms';

/**
 * Role profiles: what the PROFILE similarity compares, and the nearest neighbours
 * kept from it.
 *
 * A role's profile has three blocks, each a vector with unit length (or empty):
 * - `names`: the terms of its name and aliases (an O*NET occupation's alternate and
 *   reported titles, an ESCO occupation's alternative labels);
 * - `duties`: the terms of its description and of its responsibilities (O*NET's task
 *   statements);
 * - `skills`: its skill requirements, each weighted by its `salience` where the
 *   taxonomy rates it (O*NET: how far the importance stands above the occupation's own
 *   mean, see src/import/onet/onet-import.ts), else by the requirement's weight
 *   (ESCO: 1 essential, 0.5 optional; curated: 1).
 * A text term's value is (1 + ln tf)·ln(N / df): tf its count in the role's block, df
 * the roles of the same taxonomy whose block has it, N the roles of that taxonomy, so
 * a word many titles have ("worker") counts for little and one it shares with few for
 * much; in a taxonomy of 100 roles or more, a term in more than a quarter of them is
 * left out (MAX_TERM_SHARE).
 *
 * The similarity of two roles a and b is the cosine of their profiles with the blocks
 * weighted by BLOCK_WEIGHTS (names 1, duties 1, skills 0.5; ESCO: skills 2, see
 * TAXONOMY_BLOCK_WEIGHTS):
 *   score = Σ_blocks w·cos_block(a, b) / (‖a‖·‖b‖),  ‖r‖ = √(Σ w over r's non-empty blocks)
 * which is 1 for two roles with the same profile, 0 for two with nothing in common,
 * symmetric, and does not favour a role for having little in its profile.
 * Roles are compared within their taxonomy only (O*NET with O*NET, ESCO with ESCO,
 * curated with curated): across taxonomies the crosswalks say which roles are the same.
 */

/**
 * The version of the formulas below: stored with the kept neighbours, so that a service
 * started with other formulas rebuilds them (src/database/role-neighbours.ts). Change it
 * with any change that moves a score.
 */
export const PROFILE_VERSION = '2026-12-4';

/** How much each block counts. Chosen on O*NET 29.0 by the evaluation (`npm run eval`): see docs/analytics.md. */
export const BLOCK_WEIGHTS = { names: 1, duties: 1, skills: 0.5 } as const;
export type ProfileBlock = keyof typeof BLOCK_WEIGHTS;
export type BlockWeights = Record<ProfileBlock, number>;
const BLOCKS = Object.keys(BLOCK_WEIGHTS) as ProfileBlock[];

/** The block weights of a taxonomy's roles: BLOCK_WEIGHTS unless the taxonomy has its own. */
export function blockWeightsOf(taxonomy: string, table: Readonly<Record<string, BlockWeights>> = TAXONOMY_BLOCK_WEIGHTS): BlockWeights {
  return table[taxonomy] ?? BLOCK_WEIGHTS;
}

/**
 * Taxonomies whose roles weigh the blocks otherwise, each chosen by the evaluation
 * (docs/analytics.md). ESCO lists some 30 essential and optional skills per occupation
 * and describes it in one paragraph: its skills say more than its words (with the O*NET
 * weights the same-ISCO-minor-group share of the top 10 was 0.43, with these 0.475).
 */
export const TAXONOMY_BLOCK_WEIGHTS: Readonly<Record<string, BlockWeights>> = { esco: { names: 1, duties: 1, skills: 2 } };

/**
 * A text term in more than this share of a taxonomy's roles' block is left out of the
 * profiles: its weight ln(N / df) is small (at most ln 4), and its long list of roles is
 * most of the cost of finding neighbours. On O*NET 29.0 leaving them out changes
 * recall@10 by less than 0.005 (docs/analytics.md).
 */
export const MAX_TERM_SHARE = 0.25;
/** The cap applies to taxonomies of at least this many roles: among a handful, a term two roles share is what relates them. */
export const TERM_CAP_MIN_ROLES = 100;

/** What a role's profile is built from, as read from the graph. */
export interface RoleFeatures {
  id: string;
  name: string;
  /** Which taxonomy the role belongs to (see taxonomyOfRole): roles are compared within one. */
  taxonomy: string;
  /** Its name and aliases. */
  names: string[];
  /** Its description and responsibilities. */
  duties: string[];
  /** Its skill requirements with their salience (or weight). */
  skills: { id: string; weight: number }[];
}

export interface RoleProfile {
  id: string;
  name: string;
  taxonomy: string;
  /** Each block's vector, of unit length, or empty. */
  blocks: Record<ProfileBlock, Map<string, number>>;
  /** The weights of its taxonomy's blocks. */
  weights: BlockWeights;
  /** √(Σ w over the non-empty blocks); 0 for a role with an empty profile. */
  norm: number;
}

/** One role's similarity to another, with the cosine of each block. */
export interface ProfileMatch {
  id: string;
  name: string;
  score: number;
  parts: Record<ProfileBlock, number>;
}

/** The taxonomy a role id belongs to, from the prefix the importers give their ids (src/models/taxonomy-id.ts); anything else is curated. */
export function taxonomyOfRole(id: string): string {
  return roleTaxonomy(id).toLowerCase();
}

/** Scores are rounded so that mathematically equal ones tie exactly (sums in different orders differ in the last bits). */
export const roundScore = (value: number) => Math.round(value * 1e12) / 1e12;

function unit(vector: Map<string, number>): Map<string, number> {
  let squares = 0;
  for (const value of vector.values()) squares += value * value;
  const length = Math.sqrt(squares);
  if (length === 0) return new Map();
  for (const [key, value] of vector) vector.set(key, value / length);
  return vector;
}

function termCounts(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const term of textTerms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/** The profiles of a set of roles; df and N of the text terms are counted within each taxonomy. */
export function buildProfiles(roles: readonly RoleFeatures[], weightsOf: (taxonomy: string) => BlockWeights = (taxonomy) => blockWeightsOf(taxonomy)): RoleProfile[] {
  const counted = roles.map((role) => ({ role, names: termCounts(role.names), duties: termCounts(role.duties) }));
  const df = new Map<string, Map<string, number>>();
  const sizes = new Map<string, number>();
  for (const { role, names, duties } of counted) {
    sizes.set(role.taxonomy, (sizes.get(role.taxonomy) ?? 0) + 1);
    for (const [block, counts] of [['names', names], ['duties', duties]] as const) {
      for (const term of counts.keys()) {
        const key = `${role.taxonomy}\u0000${block}\u0000${term}`;
        const byKey = df.get(role.taxonomy) ?? new Map<string, number>();
        df.set(role.taxonomy, byKey);
        byKey.set(key, (byKey.get(key) ?? 0) + 1);
      }
    }
  }
  return counted.map(({ role, names, duties }) => {
    const n = sizes.get(role.taxonomy) ?? 1;
    const frequencies = df.get(role.taxonomy) ?? new Map<string, number>();
    const weighText = (block: 'names' | 'duties', counts: Map<string, number>) => {
      const vector = new Map<string, number>();
      for (const [term, tf] of counts) {
        const documents = frequencies.get(`${role.taxonomy}\u0000${block}\u0000${term}`) ?? n;
        if (n < TERM_CAP_MIN_ROLES || documents <= MAX_TERM_SHARE * n) vector.set(term, (1 + Math.log(tf)) * Math.log(n / documents));
      }
      return unit(vector);
    };
    const skills = new Map<string, number>();
    for (const skill of role.skills) if (skill.weight > 0) skills.set(skill.id, (skills.get(skill.id) ?? 0) + skill.weight);
    const blocks = { names: weighText('names', names), duties: weighText('duties', duties), skills: unit(skills) };
    const weights = weightsOf(role.taxonomy);
    const norm = Math.sqrt(BLOCKS.reduce((total, block) => total + (blocks[block].size > 0 ? weights[block] : 0), 0));
    return { id: role.id, name: role.name, taxonomy: role.taxonomy, blocks, weights, norm };
  });
}

function dot(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let total = 0;
  for (const [key, value] of small) {
    const other = large.get(key);
    if (other !== undefined) total += value * other;
  }
  return total;
}

/** The similarity of two profiles, computed directly (the neighbour lists must equal it). */
export function profileSimilarity(a: RoleProfile, b: RoleProfile): ProfileMatch {
  const parts = Object.fromEntries(BLOCKS.map((block) => [block, roundScore(dot(a.blocks[block], b.blocks[block]))])) as Record<ProfileBlock, number>;
  const weighted = BLOCKS.reduce((total, block) => total + a.weights[block] * dot(a.blocks[block], b.blocks[block]), 0);
  const score = a.norm === 0 || b.norm === 0 ? 0 : roundScore(weighted / (a.norm * b.norm));
  return { id: b.id, name: b.name, score, parts };
}

/**
 * Each role's k most similar roles of its taxonomy with a score above 0, best first
 * (ties: name, then id). Candidates come from an inverted index of each block's terms,
 * so only pairs sharing a term are scored: Σ over terms of df² products instead of N²
 * (the terms of more than a quarter of the roles, which cost the most, are out of the
 * profiles: see MAX_TERM_SHARE). Typed arrays keep the inner loop free of allocation.
 */
export function nearestNeighbours(profiles: readonly RoleProfile[], k: number): Map<string, ProfileMatch[]> {
  const result = new Map<string, ProfileMatch[]>();
  const byTaxonomy = new Map<string, RoleProfile[]>();
  for (const profile of profiles) {
    const members = byTaxonomy.get(profile.taxonomy) ?? [];
    members.push(profile);
    byTaxonomy.set(profile.taxonomy, members);
  }
  for (const members of byTaxonomy.values()) {
    const postings = BLOCKS.map((block) => {
      const lists = new Map<string, { roles: number[]; values: number[] }>();
      members.forEach((profile, index) => {
        for (const [term, value] of profile.blocks[block]) {
          const list = lists.get(term) ?? { roles: [], values: [] };
          list.roles.push(index);
          list.values.push(value);
          lists.set(term, list);
        }
      });
      return new Map([...lists].map(([term, list]) => [term, { roles: Int32Array.from(list.roles), values: Float64Array.from(list.values) }]));
    });
    const sums = BLOCKS.map(() => new Float64Array(members.length));
    const touched = new Uint8Array(members.length);
    const candidates = new Int32Array(members.length);
    const scores = new Float64Array(members.length);
    members.forEach((profile, index) => {
      let found = 0;
      BLOCKS.forEach((block, b) => {
        const sum = sums[b] as Float64Array;
        const lists = postings[b] as Map<string, { roles: Int32Array; values: Float64Array }>;
        for (const [term, value] of profile.blocks[block]) {
          const list = lists.get(term);
          if (!list) continue;
          const { roles, values } = list;
          for (let i = 0; i < roles.length; i += 1) {
            const other = roles[i] as number;
            if (other === index) continue;
            if (touched[other] === 0) {
              touched[other] = 1;
              candidates[found] = other;
              found += 1;
            }
            sum[other] = (sum[other] as number) + value * (values[i] as number);
          }
        }
      });
      const kept: number[] = [];
      for (let c = 0; c < found; c += 1) {
        const other = candidates[c] as number;
        let weighted = 0;
        BLOCKS.forEach((block, b) => {
          weighted += profile.weights[block] * ((sums[b] as Float64Array)[other] as number);
        });
        scores[other] = roundScore(weighted / (profile.norm * (members[other] as RoleProfile).norm));
        if ((scores[other] as number) > 0) kept.push(other);
      }
      kept.sort((a, b) => {
        const them = members[a] as RoleProfile;
        const us = members[b] as RoleProfile;
        return (scores[b] as number) - (scores[a] as number) || (them.name < us.name ? -1 : them.name > us.name ? 1 : 0) || (them.id < us.id ? -1 : them.id > us.id ? 1 : 0);
      });
      result.set(
        profile.id,
        kept.slice(0, k).map((other) => {
          const them = members[other] as RoleProfile;
          const parts = Object.fromEntries(BLOCKS.map((block, b) => [block, roundScore((sums[b] as Float64Array)[other] as number)])) as Record<ProfileBlock, number>;
          return { id: them.id, name: them.name, score: scores[other] as number, parts };
        }),
      );
      for (let c = 0; c < found; c += 1) {
        const other = candidates[c] as number;
        for (const sum of sums) sum[other] = 0;
        touched[other] = 0;
      }
    });
  }
  return result;
}

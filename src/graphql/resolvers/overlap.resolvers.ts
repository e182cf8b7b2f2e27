import { z } from 'zod';
import type { OverlapDimension, Resolvers, SimilarityMetric, Taxonomy } from '../../generated/graphql';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import type { NodeRecord } from '../../models/records';
import { notFound } from '../../errors/not-found';
import { OVERLAP_DIMENSIONS } from '../../models/relations';
import type { GraphQLResolveInfo } from 'graphql';
import type { Projection, RecommendationRecord } from '../../repositories/overlap.repository';
import { firstArg, idArg, parseArgs } from '../parse-args';
import { children, resolveTree, selectedPropertiesAt } from '../selected-properties';

const DIMENSIONS = Object.keys(OVERLAP_DIMENSIONS) as [OverlapDimension, ...OverlapDimension[]];
const METRICS = ['PROFILE', 'JACCARD', 'WEIGHTED_JACCARD'] as const satisfies readonly SimilarityMetric[];

const pairArgs = z.object({ roleA: idArg, roleB: idArg });
const overlapArgs = z.object({
  roles: z.array(idArg).min(2, 'must name at least 2 roles').max(10, 'must name at most 10 roles'),
  dimension: z.enum(DIMENSIONS),
});
const similarArgs = z.object({ role: idArg, first: firstArg, metric: z.enum(METRICS) });
const TAXONOMIES = ['ONET', 'ESCO', 'CURATED'] as const satisfies readonly Taxonomy[];
/** An O*NET job zone: 1 (little or no preparation) to 5 (extensive preparation). */
const jobZoneArg = z.number().int('must be a whole number').min(1, 'must be at least 1').max(5, 'must be at most 5').nullish();
const filterArg = z
  .object({
    taxonomies: z.array(z.enum(TAXONOMIES)).min(1, 'must name at least 1 taxonomy').max(3, 'must name at most 3 taxonomies').nullish(),
    minMedianWage: z.number().min(0, 'must be at least 0').nullish(),
    minGrowth: z.number().min(-100, 'must be at least -100').nullish(),
    minJobZone: jobZoneArg,
    maxJobZone: jobZoneArg,
  })
  .refine((filter) => (filter.minJobZone ?? 1) <= (filter.maxJobZone ?? 5), { message: 'must not be above maxJobZone', path: ['minJobZone'] })
  .nullish();
/** What a person holds: `skills` (each weighing 1) or `having` (each with a weight), exactly one of the two. */
const heldArgs = {
  skills: z.array(idArg).min(1, 'must name at least 1 skill').max(100, 'must name at most 100 skills').nullish(),
  having: z
    .array(z.object({ skill: idArg, weight: z.number().gt(0, 'must be above 0').max(100, 'must be at most 100') }))
    .min(1, 'must name at least 1 skill')
    .max(100, 'must name at most 100 skills')
    .refine((list) => new Set(list.map((entry) => entry.skill)).size === list.length, 'must not name a skill twice')
    .nullish(),
  filter: filterArg,
};
const recommendArgs = z.object({ ...heldArgs, first: firstArg });
const nextSkillsArgs = z.object({
  ...heldArgs,
  target: idArg.nullish(),
  over: z.number().int().min(1, 'must be at least 1').max(50, 'must be at most 50'),
  first: firstArg,
});

/** The skills and weights a person holds, from exactly one of `skills` and `having`. */
function heldSkills(args: { skills?: string[] | null; having?: { skill: string; weight: number }[] | null }): { skill: string; weight: number }[] {
  if (args.skills && args.having) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Give either "skills" or "having", not both.', { argument: 'having' });
  if (args.having) return args.having;
  if (args.skills) return [...new Set(args.skills)].map((skill) => ({ skill, weight: 1 }));
  throw new AppError(ErrorCode.BAD_USER_INPUT, 'Give the skills held, as "skills" or as "having".', { argument: 'skills' });
}

/**
 * The mean rise over the given roles of each skill any of them needs: a role needing it
 * rises by its gain; one not needing it falls to reach / √(‖p‖² + 1), one more skill it
 * does not need lengthening the person's profile.
 */
export function suggestSkills(recommendations: readonly RecommendationRecord[], personNorm: number): { skill: NodeRecord; gain: number; neededBy: number }[] {
  const longer = Math.sqrt(personNorm * personNorm + 1);
  const bySkill = new Map<string, { skill: NodeRecord; total: number; neededBy: number }>();
  for (const recommendation of recommendations) {
    for (const { skill } of recommendation.toLearn) bySkill.set(skill.id, bySkill.get(skill.id) ?? { skill, total: 0, neededBy: 0 });
  }
  for (const recommendation of recommendations) {
    const gains = new Map(recommendation.toLearn.map((entry) => [entry.skill.id, entry.gain]));
    const fall = recommendation.reach / longer - recommendation.score;
    for (const entry of bySkill.values()) {
      const gain = gains.get(entry.skill.id);
      entry.total += gain ?? fall;
      if (gain !== undefined) entry.neededBy += 1;
    }
  }
  return [...bySkill.values()]
    .map((entry) => ({ skill: entry.skill, gain: Math.round((entry.total / recommendations.length) * 1e12) / 1e12, neededBy: entry.neededBy }))
    .sort((a, b) => b.gain - a.gain || (a.skill.name ?? '').localeCompare(b.skill.name ?? '') || a.skill.id.localeCompare(b.skill.id));
}
const gapArgs = z.object({ from: idArg, to: idArg });

/**
 * Where each answer holds its roles and its items (skills, or the overlap's
 * dimension): the statements read only the properties selected there.
 */
const PLACES = {
  skillOverlap: { roles: [['roleA'], ['roleB']], items: [['shared'], ['onlyA'], ['onlyB']] },
  overlap: { roles: [['roles'], ['distinct', 'role']], items: [['shared'], ['distinct', 'items']] },
  similarRoles: { roles: [['role']], items: [['sharedSkills']] },
  recommendRoles: { roles: [['role']], items: [['matched'], ['missing'], ['toLearn', 'skill']] },
  nextSkills: { roles: [], items: [['skill']] },
  skillGap: { roles: [['from'], ['to']], items: [['transferable'], ['toLearn']] },
} as const satisfies Record<string, Record<keyof Projection, readonly (readonly string[])[]>>;

/** The fields of RoleMatch that need the two roles' requirements read; without them similarRoles reads only the kept neighbours. */
const OVERLAP_FIELDS: ReadonlySet<string> = new Set(['jaccard', 'weightedJaccard', 'sharedSkills', 'unionSize']);

function projection(info: GraphQLResolveInfo, field: keyof typeof PLACES): Projection {
  const places = PLACES[field];
  return { roles: selectedPropertiesAt(info, places.roles), items: selectedPropertiesAt(info, places.items) };
}

/** Overlap questions: shared skills, overlaps on any dimension, similar roles, recommendations, skill gaps. */
export const overlapResolvers: Resolvers = {
  Query: {
    skillOverlap: async (_parent, args, { repositories }, info) => {
      const { roleA, roleB } = parseArgs(pairArgs, args);
      const { missing, positions, shared, jaccard } = await repositories.overlap.overlap(
        [roleA, roleB],
        OVERLAP_DIMENSIONS.SKILLS.type,
        OVERLAP_DIMENSIONS.SKILLS.label,
        projection(info, 'skillOverlap'),
      );
      if (missing.length > 0) throw notFound('role', missing);
      const [a, b] = positions;
      if (!a || !b) throw new Error('overlap returned fewer positions than asked');
      return { roleA: a.role, roleB: b.role, shared, onlyA: a.only, onlyB: b.only, jaccard };
    },
    overlap: async (_parent, args, { repositories }, info) => {
      const { roles, dimension } = parseArgs(overlapArgs, args);
      const { type, label } = OVERLAP_DIMENSIONS[dimension];
      const result = await repositories.overlap.overlap(roles, type, label, projection(info, 'overlap'));
      if (result.missing.length > 0) throw notFound('role', result.missing);
      return {
        dimension,
        roles: result.positions.map((position) => position.role),
        shared: result.shared,
        distinct: result.positions.map((position) => ({ role: position.role, items: position.only })),
        jaccard: result.jaccard,
      };
    },
    similarRoles: async (_parent, args, { repositories }, info) => {
      const { role, first, metric } = parseArgs(similarArgs, args);
      const overlap = children(resolveTree(info)).some((field) => OVERLAP_FIELDS.has(field.name));
      const matches = await repositories.overlap.similarRoles(role, metric, first, projection(info, 'similarRoles'), overlap);
      if (!matches) throw notFound('role', [role]);
      return matches;
    },
    recommendRoles: async (_parent, args, { repositories }, info) => {
      const parsed = parseArgs(recommendArgs, args);
      const held = heldSkills(parsed);
      const { missing, recommendations } = await repositories.overlap.recommendRoles(held, { first: parsed.first, filter: parsed.filter ?? null }, projection(info, 'recommendRoles'));
      if (missing.length > 0) throw notFound('skill', missing);
      return recommendations;
    },
    nextSkills: async (_parent, args, { repositories }, info) => {
      const parsed = parseArgs(nextSkillsArgs, args);
      const held = heldSkills(parsed);
      const target = parsed.target ?? null;
      const { missing, recommendations, personNorm } = await repositories.overlap.recommendRoles(
        held,
        { first: target ? 1 : parsed.over, only: target ? [target] : null, filter: target ? null : (parsed.filter ?? null) },
        { roles: ['id'], items: projection(info, 'nextSkills').items },
      );
      if (missing.length > 0) throw notFound('skill', missing);
      if (target && recommendations.length === 0) throw notFound('role', [target]);
      if (recommendations.length === 0) return [];
      return suggestSkills(recommendations, personNorm).slice(0, parsed.first);
    },
    skillGap: async (_parent, args, { repositories }, info) => {
      const { from, to } = parseArgs(gapArgs, args);
      const gap = await repositories.overlap.skillGap(from, to, projection(info, 'skillGap'));
      if (!gap.from || !gap.to) throw notFound('role', [...(gap.from ? [] : [from]), ...(gap.to ? [] : [to])]);
      return { ...gap, from: gap.from, to: gap.to };
    },
  },
};

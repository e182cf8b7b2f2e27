import { z } from 'zod';
import type { OverlapDimension, Resolvers, SimilarityMetric } from '../../generated/graphql';
import { notFound } from '../../errors/not-found';
import { OVERLAP_DIMENSIONS } from '../../models/overlap-dimension';
import { firstArg, idArg, parseArgs } from '../parse-args';

const DIMENSIONS = Object.keys(OVERLAP_DIMENSIONS) as [OverlapDimension, ...OverlapDimension[]];
const METRICS = ['JACCARD', 'WEIGHTED_JACCARD'] as const satisfies readonly SimilarityMetric[];

const pairArgs = z.object({ roleA: idArg, roleB: idArg });
const overlapArgs = z.object({
  roles: z.array(idArg).min(2, 'must name at least 2 roles').max(10, 'must name at most 10 roles'),
  dimension: z.enum(DIMENSIONS),
});
const similarArgs = z.object({ role: idArg, first: firstArg, metric: z.enum(METRICS) });
const recommendArgs = z.object({
  skills: z.array(idArg).min(1, 'must name at least 1 skill').max(100, 'must name at most 100 skills'),
  first: firstArg,
});
const gapArgs = z.object({ from: idArg, to: idArg });

/** Overlap questions: shared skills, overlaps on any dimension, similar roles, recommendations, skill gaps. */
export const overlapResolvers: Resolvers = {
  Query: {
    skillOverlap: async (_parent, args, { repositories }) => {
      const { roleA, roleB } = parseArgs(pairArgs, args);
      const { missing, positions, shared, jaccard } = await repositories.overlap.overlap([roleA, roleB], 'REQUIRES_SKILL', 'Skill');
      if (missing.length > 0) throw notFound('role', missing);
      const [a, b] = positions;
      if (!a || !b) throw new Error('overlap returned fewer positions than asked');
      return { roleA: a.role, roleB: b.role, shared, onlyA: a.only, onlyB: b.only, jaccard };
    },
    overlap: async (_parent, args, { repositories }) => {
      const { roles, dimension } = parseArgs(overlapArgs, args);
      const { type, label } = OVERLAP_DIMENSIONS[dimension];
      const result = await repositories.overlap.overlap(roles, type, label);
      if (result.missing.length > 0) throw notFound('role', result.missing);
      return {
        dimension,
        roles: result.positions.map((position) => position.role),
        shared: result.shared,
        distinct: result.positions.map((position) => ({ role: position.role, items: position.only })),
        jaccard: result.jaccard,
      };
    },
    similarRoles: async (_parent, args, { repositories }) => {
      const { role, first, metric } = parseArgs(similarArgs, args);
      const matches = await repositories.overlap.similarRoles(role, metric, first);
      if (!matches) throw notFound('role', [role]);
      return matches;
    },
    recommendRoles: async (_parent, args, { repositories }) => {
      const { skills, first } = parseArgs(recommendArgs, args);
      const { missing, recommendations } = await repositories.overlap.recommendRoles(skills, first);
      if (missing.length > 0) throw notFound('skill', missing);
      return recommendations;
    },
    skillGap: async (_parent, args, { repositories }) => {
      const { from, to } = parseArgs(gapArgs, args);
      const gap = await repositories.overlap.skillGap(from, to);
      if (!gap.from || !gap.to) throw notFound('role', [...(gap.from ? [] : [from]), ...(gap.to ? [] : [to])]);
      return { ...gap, from: gap.from, to: gap.to };
    },
  },
};

import { z } from 'zod';
import type { OverlapDimension, Resolvers, SimilarityMetric } from '../../generated/graphql';
import { notFound } from '../../errors/not-found';
import { OVERLAP_DIMENSIONS } from '../../models/relations';
import type { GraphQLResolveInfo } from 'graphql';
import type { Projection } from '../../repositories/overlap.repository';
import { firstArg, idArg, parseArgs } from '../parse-args';
import { selectedPropertiesAt } from '../selected-properties';

const DIMENSIONS = Object.keys(OVERLAP_DIMENSIONS) as [OverlapDimension, ...OverlapDimension[]];
const METRICS = ['PROFILE', 'JACCARD', 'WEIGHTED_JACCARD'] as const satisfies readonly SimilarityMetric[];

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

/**
 * Where each answer holds its roles and its items (skills, or the overlap's
 * dimension): the statements read only the properties selected there.
 */
const PLACES = {
  skillOverlap: { roles: [['roleA'], ['roleB']], items: [['shared'], ['onlyA'], ['onlyB']] },
  overlap: { roles: [['roles'], ['distinct', 'role']], items: [['shared'], ['distinct', 'items']] },
  similarRoles: { roles: [['role']], items: [['sharedSkills']] },
  recommendRoles: { roles: [['role']], items: [['matched'], ['missing'], ['toLearn', 'skill']] },
  skillGap: { roles: [['from'], ['to']], items: [['transferable'], ['toLearn']] },
} as const satisfies Record<string, Record<keyof Projection, readonly (readonly string[])[]>>;

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
      const matches = await repositories.overlap.similarRoles(role, metric, first, projection(info, 'similarRoles'));
      if (!matches) throw notFound('role', [role]);
      return matches;
    },
    recommendRoles: async (_parent, args, { repositories }, info) => {
      const { skills, first } = parseArgs(recommendArgs, args);
      const { missing, recommendations } = await repositories.overlap.recommendRoles(skills, first, projection(info, 'recommendRoles'));
      if (missing.length > 0) throw notFound('skill', missing);
      return recommendations;
    },
    skillGap: async (_parent, args, { repositories }, info) => {
      const { from, to } = parseArgs(gapArgs, args);
      const gap = await repositories.overlap.skillGap(from, to, projection(info, 'skillGap'));
      if (!gap.from || !gap.to) throw notFound('role', [...(gap.from ? [] : [from]), ...(gap.to ? [] : [to])]);
      return { ...gap, from: gap.from, to: gap.to };
    },
  },
};

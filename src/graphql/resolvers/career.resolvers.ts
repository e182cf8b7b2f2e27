import { z } from 'zod';
import type { GraphQLResolveInfo } from 'graphql';
import type { Resolvers } from '../../generated/graphql';
import { findCareerPath } from '../../analysis/career-search';
import { notFound } from '../../errors/not-found';
import { idArg, parseArgs } from '../parse-args';
import { selectedPropertiesAt } from '../selected-properties';

/** How many of a role's kept neighbours a move may go to, and how many roles one step of the search expands. */
const FANOUT = 20;
const MAX_FRONTIER = 500;
/** A skill required by more than this share of its taxonomy's roles is common: it explains no move unless asked. */
const COMMON_SHARE = 0.25;

const careerArgs = z.object({
  from: idArg,
  to: idArg,
  maxMoves: z.number().int().min(1, 'must be at least 1').max(4, 'must be at most 4'),
  minSimilarity: z.number().min(0, 'must be at least 0').max(1, 'must be at most 1'),
  maxJobZoneStep: z.number().int().min(0, 'must be at least 0').max(4, 'must be at most 4'),
  includeCommonSkills: z.boolean(),
  skillsPerMove: z.number().int().min(1, 'must be at least 1').max(20, 'must be at most 20'),
});

function projection(info: GraphQLResolveInfo) {
  return {
    roles: selectedPropertiesAt(info, [['moves', 'from'], ['moves', 'to']]),
    items: selectedPropertiesAt(info, [['moves', 'carriesOver'], ['moves', 'toLearn', 'skill']]),
  };
}

/** Career moves: a search over the roles' kept neighbours (src/analysis/career-search.ts), each move then explained. */
export const careerResolvers: Resolvers = {
  Query: {
    careerPath: async (_parent, args, { repositories }, info) => {
      const options = parseArgs(careerArgs, args);
      const zones = new Map<string, number | null>();
      const expand = async (ids: readonly string[]) => {
        const offers = await repositories.careers.moves(ids, options.minSimilarity, FANOUT);
        for (const [id, offer] of offers) {
          zones.set(id, offer.jobZone);
          for (const move of offer.moves) zones.set(move.to, move.jobZone);
        }
        return offers;
      };
      const ends = await expand([...new Set([options.from, options.to])]);
      const unknown = [options.from, options.to].filter((id, index, all) => !ends.has(id) && all.indexOf(id) === index);
      if (unknown.length > 0) throw notFound('role', unknown);
      const steps = await findCareerPath(options.from, options.to, (ids) => (ids.length === 1 && ids[0] === options.from ? Promise.resolve(ends) : expand(ids)), {
        maxMoves: options.maxMoves,
        maxJobZoneStep: options.maxJobZoneStep,
        maxFrontier: MAX_FRONTIER,
      });
      if (!steps) return null;
      const moves = await repositories.careers.explain(
        steps.map((step) => [step.from, step.to] as const),
        zones,
        { includeCommon: options.includeCommonSkills, commonShare: COMMON_SHARE, first: options.skillsPerMove },
        projection(info),
      );
      return {
        moves: moves.map((move, index) => ({
          ...move,
          similarity: move.similarity ?? steps[index]?.similarity ?? 0,
          parts: move.parts ?? { names: 0, duties: 0, skills: 0 },
        })),
      };
    },
  },
};

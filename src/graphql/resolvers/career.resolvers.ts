import { z } from 'zod';
import type { GraphQLResolveInfo } from 'graphql';
import type { Resolvers } from '../../generated/graphql';
import { notFound } from '../../errors/not-found';
import { idArg, parseArgs } from '../parse-args';
import { selectedPropertiesAt } from '../selected-properties';

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

/** Career moves: a search over the roles' kept neighbours, each move then explained (CareerRepository.careerPath). */
export const careerResolvers: Resolvers = {
  Query: {
    careerPath: async (_parent, args, { repositories }, info) => {
      const answer = await repositories.careers.careerPath(parseArgs(careerArgs, args), projection(info));
      if (answer.unknown.length > 0) throw notFound('role', answer.unknown);
      return answer.moves ? { moves: answer.moves } : null;
    },
  },
};

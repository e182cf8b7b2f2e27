import { z } from 'zod';
import type { Resolvers } from '../../generated/graphql';
import { decodeCursor, toConnection } from '../pagination';
import { firstArg, idArg, parseArgs } from '../parse-args';

const skillArgs = z.object({ id: idArg });
const skillsArgs = z.object({ first: firstArg, after: z.string().max(400).nullish() });

/** Query.skill and Query.skills. The Skill type's fields are shared with other nodes (node.resolvers.ts). */
export const skillResolvers: Resolvers = {
  Query: {
    skill: async (_parent, args, { loaders }) => {
      const { id } = parseArgs(skillArgs, args);
      const node = await loaders.node.load(id);
      return node?.label === 'Skill' ? node : null;
    },
    skills: async (_parent, args, { repositories }) => {
      const { first, after } = parseArgs(skillsArgs, args);
      const afterId = after ? decodeCursor(after) : null;
      const page = await repositories.nodes.page('Skill', afterId, first + 1);
      return toConnection(page, first, afterId);
    },
  },
};

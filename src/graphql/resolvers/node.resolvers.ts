import { z } from 'zod';
import type { Resolvers } from '../../generated/graphql';
import { idArg, parseArgs } from '../parse-args';

const nodeArgs = z.object({ id: idArg });

/** Query.node and the Node interface: a record's kind label is its GraphQL type name. */
export const nodeResolvers: Resolvers = {
  Query: {
    node: async (_parent, args, { loaders }) => loaders.entity.load(parseArgs(nodeArgs, args).id),
  },
  Node: {
    __resolveType: (entity) => entity.label,
  },
};

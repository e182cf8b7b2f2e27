import type { Resolvers } from '../../generated/graphql';

/** Query.sources and Citation.source. */
export const sourceResolvers: Resolvers = {
  Query: {
    sources: (_parent, _args, { repositories }) => repositories.sources.all(),
  },
  Citation: {
    source: async (citation, _args, { loaders }) => {
      const source = await loaders.source.load(citation.sourceId);
      if (!source) throw new Error(`citation names source ${citation.sourceId}, which is not in the graph`);
      return source;
    },
  },
};

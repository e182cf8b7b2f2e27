import type { Resolvers } from '../../generated/graphql';

/** Query.sources, Source.factCount and Citation.source. */
export const sourceResolvers: Resolvers = {
  Query: {
    sources: (_parent, _args, { repositories }) => repositories.sources.all(),
  },
  Source: {
    factCount: (source, _args, { loaders }) => loaders.sourceFactCount.load(source.id),
  },
  Citation: {
    source: async (citation, _args, { loaders }) => {
      const source = await loaders.source.load(citation.sourceId);
      if (!source) throw new Error(`citation names source ${citation.sourceId}, which is not in the graph`);
      return source;
    },
  },
};

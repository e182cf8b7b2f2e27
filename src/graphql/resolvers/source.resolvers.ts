import type { Resolvers } from '../../generated/graphql';

/** Query.sources, Source.factCount and Citation.source. */
export const sourceResolvers: Resolvers = {
  Query: {
    sources: (_parent, _args, { repositories }) => repositories.sources.all(),
  },
  Source: {
    // Read from the Source, where every writer keeps it; a mutation's answer is built from its input, so it is read back.
    factCount: async (source, _args, { loaders }) => source.factCount ?? (await loaders.source.load(source.id))?.factCount ?? 0,
  },
  Citation: {
    source: async (citation, _args, { loaders }) => {
      const source = await loaders.source.load(citation.sourceId);
      if (!source) throw new Error(`citation names source ${citation.sourceId}, which is not in the graph`);
      return source;
    },
  },
};

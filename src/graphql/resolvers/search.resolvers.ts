import { z } from 'zod';
import type { Resolvers } from '../../generated/graphql';
import { kindOfLabel, LABEL_OF_KIND, type NodeKindName } from '../../models/node-labels';
import { toLuceneQuery } from '../../repositories/lucene-query';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import { firstArg, parseArgs } from '../parse-args';

const searchArgs = z.object({
  text: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  first: firstArg,
  kinds: z.array(z.enum(Object.keys(LABEL_OF_KIND) as [NodeKindName, ...NodeKindName[]])).min(1, 'must name at least one kind').nullish(),
});

/** Query.search. */
export const searchResolvers: Resolvers = {
  Query: {
    search: async (_parent, args, { repositories }) => {
      const { text, first, kinds } = parseArgs(searchArgs, args);
      const query = toLuceneQuery(text);
      if (!query) {
        throw new AppError(ErrorCode.BAD_USER_INPUT, 'Argument "text" must contain a letter or digit.', { argument: 'text' });
      }
      const labels = kinds ? kinds.map((kind) => LABEL_OF_KIND[kind]) : null;
      const results = await repositories.search.search(query, labels, first);
      return results.flatMap(({ node, score }) => {
        const kind = kindOfLabel(node.label);
        return kind ? [{ node, kind, name: node.name ?? node.id, score }] : [];
      });
    },
  },
};

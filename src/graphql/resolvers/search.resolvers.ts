import { z } from 'zod';
import type { NodeKind, Resolvers } from '../../generated/graphql';
import type { EntityLabel } from '../../models/records';
import { toLuceneQuery } from '../../repositories/lucene-query';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import { firstArg, parseArgs } from '../parse-args';

const KIND_LABELS = {
  ROLE: 'Role',
  SKILL: 'Skill',
  RESPONSIBILITY: 'Responsibility',
  SETTING: 'Setting',
  TOOL: 'Tool',
  EDUCATION: 'Education',
  COLLABORATOR: 'Collaborator',
} as const satisfies Record<NodeKind, EntityLabel>;

const LABEL_KINDS = Object.fromEntries(Object.entries(KIND_LABELS).map(([kind, label]) => [label, kind])) as Record<
  string,
  NodeKind | undefined
>;

const searchArgs = z.object({
  text: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  first: firstArg,
  kinds: z.array(z.enum(Object.keys(KIND_LABELS) as [NodeKind, ...NodeKind[]])).min(1, 'must name at least one kind').nullish(),
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
      const labels = kinds ? kinds.map((kind) => KIND_LABELS[kind]) : null;
      const results = await repositories.search.search(query, labels, first);
      return results.flatMap(({ entity, score }) => {
        const kind = LABEL_KINDS[entity.label];
        return kind ? [{ node: entity, kind, name: entity.name ?? entity.id, score }] : [];
      });
    },
  },
};

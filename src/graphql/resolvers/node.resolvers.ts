import { z } from 'zod';
import type { Resolvers } from '../../generated/graphql';
import type { NodeRecord } from '../../models/records';
import type { Context } from '../context';
import { idArg, parseArgs } from '../parse-args';

const nodeArgs = z.object({ id: idArg });

/** Passages naming the node itself. */
const sources = (node: NodeRecord) => node.citations;

/** Roles pointing at the node, batched across the request. */
const roles = (node: NodeRecord, _args: unknown, { loaders }: Context) => loaders.rolesPointingAt.load(node.id);

/**
 * Query.node, the Node interface (a record's label is its GraphQL type name), and
 * the node types other than Role: their citations and the roles that point at them;
 * every other field is read from the record as it is.
 */
export const nodeResolvers: Resolvers = {
  Query: {
    node: async (_parent, args, { loaders }) => loaders.node.load(parseArgs(nodeArgs, args).id),
  },
  Node: {
    __resolveType: (node) => node.label,
  },
  Skill: { sources, roles },
  Responsibility: { sources, roles },
  Setting: { sources, roles },
  Tool: { sources, roles, kind: (tool) => tool.kind ?? 'software' },
  Education: { sources, roles },
  Collaborator: { sources, roles },
  SalaryFigure: { sources },
  GrowthFigure: { sources },
};

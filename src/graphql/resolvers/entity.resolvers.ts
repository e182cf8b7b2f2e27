import type { Resolvers } from '../../generated/graphql';
import type { EntityRecord } from '../../models/records';
import type { Context } from '../context';

/** Passages naming the node itself. */
const sources = (entity: EntityRecord) => entity.citations;

/** Roles pointing at the node, batched across the request. */
const roles = (entity: EntityRecord, _args: unknown, { loaders }: Context) => loaders.rolesPointingAt.load(entity.id);

/**
 * The node types other than Role: their citations and the roles that point at
 * them; every other field is read from the record as it is.
 */
export const entityResolvers: Resolvers = {
  Skill: { sources, roles },
  Responsibility: { sources, roles },
  Setting: { sources, roles },
  Tool: { sources, roles, kind: (tool) => tool.kind ?? 'software' },
  Education: { sources, roles },
  Collaborator: { sources, roles },
  SalaryFigure: { sources },
  GrowthFigure: { sources },
};

import { z } from 'zod';
import type { Resolvers } from '../../generated/graphql';
import type { NodeRecord } from '../../models/records';
import type { Context } from '../context';
import { idArg, parseArgs } from '../parse-args';
import { labelFields } from './label.resolvers';

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
    occupationGroup: async (_parent, args, { loaders }) => {
      const node = await loaders.node.load(parseArgs(nodeArgs, args).id);
      return node?.label === 'OccupationGroup' ? node : null;
    },
    skillGroup: async (_parent, args, { loaders }) => {
      const node = await loaders.node.load(parseArgs(nodeArgs, args).id);
      return node?.label === 'SkillGroup' ? node : null;
    },
  },
  Node: {
    __resolveType: (node) => node.label,
  },
  Skill: {
    ...labelFields,
    sources,
    roles,
    skillGroups: async (skill, _args, { loaders }) => (await loaders.skillHierarchy.load(skill.id)).broaderGroups,
    broaderSkills: async (skill, _args, { loaders }) => (await loaders.skillHierarchy.load(skill.id)).broaderSkills,
    narrowerSkills: async (skill, _args, { loaders }) => (await loaders.skillHierarchy.load(skill.id)).narrowerSkills,
  },
  SkillGroup: {
    ...labelFields,
    sources,
    level: (group) => (group.level === null || group.level === undefined ? null : Number(group.level)),
    broader: async (group, _args, { loaders }) => (await loaders.skillHierarchy.load(group.id)).broaderGroups,
    narrower: async (group, _args, { loaders }) => (await loaders.skillHierarchy.load(group.id)).narrowerGroups,
    skills: async (group, _args, { loaders }) => (await loaders.skillHierarchy.load(group.id)).narrowerSkills,
  },
  Responsibility: { sources, roles },
  Setting: { sources, roles },
  Tool: { sources, roles, kind: (tool) => tool.kind ?? 'software' },
  Education: { sources, roles },
  Collaborator: { sources, roles },
  OccupationGroup: {
    ...labelFields,
    sources,
    roles,
    code: (group) => String(group.code ?? ''),
    broader: async (group, _args, { loaders }) => (await loaders.occupationGroupNeighbours.load(group.id)).broader,
    narrower: async (group, _args, { loaders }) => (await loaders.occupationGroupNeighbours.load(group.id)).narrower,
  },
  SalaryFigure: { sources },
  GrowthFigure: { sources },
};

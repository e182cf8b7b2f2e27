import { z } from 'zod';
import type { Resolvers } from '../../generated/graphql';
import { parseExternalCodes, type EntityRecord, type RoleDetailsRecord, type SourceRecord } from '../../models/records';
import type { Context } from '../../server/context';
import { noRoleFacts } from '../../repositories/role.repository';
import { decodeCursor, toConnection } from '../pagination';
import { firstArg, idArg, parseArgs } from '../parse-args';

const roleArgs = z.object({ id: idArg });
const rolesArgs = z.object({ first: firstArg, after: z.string().max(400).nullish() });

/** A role's one-hop facts, batched with every other role resolved at the same level. */
async function details(role: EntityRecord, { loaders }: Context): Promise<Omit<RoleDetailsRecord, 'role'>> {
  return (await loaders.roleDetails.load(role.id)) ?? noRoleFacts();
}

/** Query.role, Query.roles, and the Role type with its fact wrappers. */
export const roleResolvers: Resolvers = {
  Query: {
    role: async (_parent, args, context) => {
      const { id } = parseArgs(roleArgs, args);
      return (await context.loaders.roleDetails.load(id))?.role ?? null;
    },
    roles: async (_parent, args, { repositories }) => {
      const { first, after } = parseArgs(rolesArgs, args);
      const afterId = after ? decodeCursor(after) : null;
      const page = await repositories.entities.page('Role', afterId, first + 1);
      return toConnection(page, first, afterId);
    },
  },
  Role: {
    externalCodes: (role) => parseExternalCodes(role.externalCodes),
    skills: async (role, _args, context) => (await details(role, context)).skills,
    responsibilities: async (role, _args, context) => (await details(role, context)).responsibilities.map((link) => link.target),
    settings: async (role, _args, context) => (await details(role, context)).settings.map((link) => link.target),
    tools: async (role, _args, context) => (await details(role, context)).tools.map((link) => link.target),
    education: async (role, _args, context) => (await details(role, context)).education,
    salaries: async (role, _args, context) => (await details(role, context)).salaries.map((link) => link.target),
    growth: async (role, _args, context) => (await details(role, context)).growth.map((link) => link.target),
    relatedRoles: async (role, _args, context) => (await details(role, context)).relatedRoles,
    collaborators: async (role, _args, context) => (await details(role, context)).collaborators,
    sources: async (role, _args, context) => {
      const sources = await context.loaders.source.loadMany((await details(role, context)).sourceIds);
      return sources.filter((source): source is SourceRecord => source !== null && !(source instanceof Error));
    },
  },
  RoleSkill: {
    skill: (link) => link.target,
    sources: (link) => link.citations,
  },
  RelatedRole: {
    role: (link) => link.target,
    sources: (link) => link.citations,
  },
  Collaboration: {
    partner: (link) => link.target,
    name: (link) => link.target.name ?? link.target.id,
    sources: (link) => link.citations,
  },
  EducationRequirement: {
    level: (link) => link.target.name ?? link.target.id,
    education: (link) => link.target,
    sources: (link) => link.citations,
  },
};

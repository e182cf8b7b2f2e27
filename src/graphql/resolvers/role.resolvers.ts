import type { GraphQLResolveInfo } from 'graphql';
import type { ResolveTree } from 'graphql-parse-resolve-info';
import { z } from 'zod';
import type { Resolvers } from '../../generated/graphql';
import { parseExternalCodes, type EntityRecord, type LinkRecord, type RoleDetailsRecord, type SourceRecord } from '../../models/records';
import type { Context } from '../../server/context';
import { noRoleFacts, roleLinksKey, type RoleFactType, type RoleLinksKey } from '../../repositories/role.repository';
import { decodeCursor, toConnection } from '../pagination';
import { children, childrenNamed, linkPropertiesOfTree, propertiesOfTree, resolveTree } from '../selected-properties';
import { firstArg, idArg, parseArgs } from '../parse-args';

const roleArgs = z.object({ id: idArg });
const rolesArgs = z.object({ first: firstArg, after: z.string().max(400).nullish() });

/** A role's one-hop facts, batched with every other role resolved at the same level. */
async function details(role: EntityRecord, { loaders }: Context): Promise<Omit<RoleDetailsRecord, 'role'>> {
  return (await loaders.roleDetails.load(role.id)) ?? noRoleFacts();
}

/**
 * The Role fields answered from one type of the role's facts, and where their far
 * node's selection is: a list of nodes is the node (path []), a wrapper names the
 * field holding it. EducationRequirement and Collaboration read the far node's name
 * through fields of their own, so they read it whole (path null). A wrapper shows
 * the relationship too (its citations, weights, reason), so its selection also says
 * which of the relationship's properties to read; a list of nodes shows none of them.
 */
const FACT_FIELDS = {
  skills: { type: 'REQUIRES_SKILL', path: ['skill'], wrapper: true },
  responsibilities: { type: 'HAS_RESPONSIBILITY', path: [], wrapper: false },
  settings: { type: 'WORKS_IN', path: [], wrapper: false },
  tools: { type: 'USES_TOOL', path: [], wrapper: false },
  education: { type: 'REQUIRES_EDUCATION', path: null, wrapper: true },
  salaries: { type: 'HAS_SALARY', path: [], wrapper: false },
  growth: { type: 'HAS_GROWTH', path: [], wrapper: false },
  relatedRoles: { type: 'RELATED_TO', path: ['role'], wrapper: true },
  collaborators: { type: 'COLLABORATES_WITH', path: null, wrapper: true },
} as const satisfies Record<string, { type: RoleFactType; path: readonly string[] | null; wrapper: boolean }>;
type FactField = keyof typeof FACT_FIELDS;
const isFactField = (name: string): name is FactField => Object.hasOwn(FACT_FIELDS, name);

/** The roleLinks key a fact field's selection asks for (of the role `id`). */
function factKey(field: FactField, tree: ResolveTree): Omit<RoleLinksKey, 'id'> {
  const { type, path, wrapper } = FACT_FIELDS[field];
  return { type, properties: path ? propertiesOfTree(tree, path) : null, linkProperties: wrapper ? linkPropertiesOfTree(tree) : [] };
}

/**
 * A role's facts of one type, batched with every other (role, type) the query selects
 * at the same level: a query reads only the kinds of facts it asks for, and of their
 * far nodes only the properties it selects.
 */
function links(role: EntityRecord, field: FactField, { loaders }: Context, info: GraphQLResolveInfo): Promise<LinkRecord[]> {
  return loaders.roleLinks.load({ id: role.id, ...factKey(field, resolveTree(info)) });
}
const targets = async (found: Promise<LinkRecord[]>) => (await found).map((link) => link.target);

/** The distinct fact keys a Role selection asks for. */
function factKeys(roleTrees: ResolveTree[]): Omit<RoleLinksKey, 'id'>[] {
  const keys = new Map<string, Omit<RoleLinksKey, 'id'>>();
  for (const child of roleTrees.flatMap(children)) {
    if (!isFactField(child.name)) continue;
    const key = factKey(child.name, child);
    keys.set(roleLinksKey({ id: '', ...key }), key);
  }
  return [...keys.values()];
}

/**
 * Query.role with its facts read ahead: the facts the query selects of the role and
 * of its related roles come in one statement with the role, and prime the roleLinks
 * loader, so a nested role query (a role, its skills, its related roles and theirs)
 * is one round trip. Deeper levels still load, batched, as their resolvers ask.
 */
async function roleWithSelectedFacts(id: string, context: Context, info: GraphQLResolveInfo): Promise<EntityRecord | null> {
  const tree = resolveTree(info);
  const keys = factKeys([tree]);
  if (keys.length === 0) {
    const node = await context.loaders.entity.load(id);
    return node?.label === 'Role' ? node : null;
  }
  const related = children(tree)
    .filter((child) => child.name === 'relatedRoles')
    .flatMap((child) => childrenNamed(child, 'role'));
  const { role, groups } = await context.repositories.roles.roleWithLinks(id, keys, factKeys(related));
  for (const group of groups) context.loaders.roleLinks.prime(group.key, group.links);
  return role;
}

/** Query.role, Query.roles, and the Role type with its fact wrappers. */
export const roleResolvers: Resolvers = {
  Query: {
    role: async (_parent, args, context, info) => {
      const { id } = parseArgs(roleArgs, args);
      return roleWithSelectedFacts(id, context, info);
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
    skills: (role, _args, context, info) => links(role, 'skills', context, info),
    responsibilities: (role, _args, context, info) => targets(links(role, 'responsibilities', context, info)),
    settings: (role, _args, context, info) => targets(links(role, 'settings', context, info)),
    tools: (role, _args, context, info) => targets(links(role, 'tools', context, info)),
    education: (role, _args, context, info) => links(role, 'education', context, info),
    salaries: (role, _args, context, info) => targets(links(role, 'salaries', context, info)),
    growth: (role, _args, context, info) => targets(links(role, 'growth', context, info)),
    relatedRoles: (role, _args, context, info) => links(role, 'relatedRoles', context, info),
    collaborators: (role, _args, context, info) => links(role, 'collaborators', context, info),
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

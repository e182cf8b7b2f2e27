import type { GraphQLResolveInfo } from 'graphql';
import type { ResolveTree } from 'graphql-parse-resolve-info';
import { z } from 'zod';
import { CODE_SYSTEMS, parseExternalCodes } from '../../models/code-systems';
import type { Resolvers, RoleResolvers } from '../../generated/graphql';
import { type NodeRecord, type LinkRecord, type RoleDetailsRecord, type SourceRecord } from '../../models/records';
import type { Context } from '../context';
import { RELATIONS, ROLE_FACT_FIELDS, type RoleFactFieldSpec } from '../../models/relations';
import { noRoleFacts, roleLinksKey, type RoleLinksKey } from '../../repositories/role.repository';
import { decodeCursor, toConnection } from '../pagination';
import { children, childrenNamed, linkPropertiesOfTree, propertiesOfTree, resolveTree } from '../selected-properties';
import { firstArg, idArg, parseArgs } from '../parse-args';
import { labelFields } from './label.resolvers';

const roleArgs = z.object({ id: idArg });

const rolesByCodeArgs = z
  .object({ system: z.enum(Object.keys(CODE_SYSTEMS) as [keyof typeof CODE_SYSTEMS]), code: z.string().trim().max(200), first: firstArg })
  .superRefine(({ system, code }, context) => {
    const format = CODE_SYSTEMS[system];
    if (!format.pattern.test(code)) context.addIssue({ code: 'custom', message: `is not a ${system} code such as ${format.example}`, path: ['code'] });
  });
const rolesArgs = z.object({ first: firstArg, after: z.string().max(400).nullish() });

/** A role's one-hop facts, batched with every other role resolved at the same level. */
async function details(role: NodeRecord, { loaders }: Context): Promise<Omit<RoleDetailsRecord, 'role'>> {
  return (await loaders.roleDetails.load(role.id)) ?? noRoleFacts();
}

/** Each Role field answered from one type of the role's facts: its relation, how it shows them and which of its links (the relation table). */
const FACT_FIELDS = ROLE_FACT_FIELDS;
type FactField = string;
const isFactField = (name: string): name is FactField => FACT_FIELDS.has(name);

/**
 * The roleLinks key a fact field's selection asks for (of the role `id`). A list of
 * nodes reads the far nodes' selected properties and no relationship property. A
 * wrapper shows the relationship too (its citations, weights, reason), so its
 * selection also says which of the relationship's properties to read; the far node's
 * selection is under the wrapper's node field, and a wrapper with none (it reads the
 * far node's name through fields of its own) reads the far node whole.
 */
function factKey(field: FactField, tree: ResolveTree): Omit<RoleLinksKey, 'id'> {
  const { type, shape, firstWith } = FACT_FIELDS.get(field) as RoleFactFieldSpec;
  const { oneWayWhen, orderedBy } = RELATIONS[type];
  // What orders the list, tells stated links from incoming ones and picks a field's one link is read whatever the selection.
  const always = [...orderedBy, ...(oneWayWhen ? [oneWayWhen] : []), ...(firstWith ? [firstWith] : [])];
  const withAlways = (selected: string[] | null) => (selected === null ? null : [...new Set([...selected, ...always])].sort());
  if (shape.kind === 'node') return { type, properties: propertiesOfTree(tree, []), linkProperties: withAlways([]) };
  return { type, properties: shape.nodeField ? propertiesOfTree(tree, [shape.nodeField]) : null, linkProperties: withAlways(linkPropertiesOfTree(tree)) };
}

/**
 * A role's facts of one type, batched with every other (role, type) the query selects
 * at the same level: a query reads only the kinds of facts it asks for, and of their
 * far nodes only the properties it selects.
 */
async function links(role: NodeRecord, field: FactField, { loaders }: Context, info: GraphQLResolveInfo): Promise<LinkRecord[]> {
  const incoming = FACT_FIELDS.get(field)?.links === 'incoming';
  const found = await loaders.roleLinks.load({ id: role.id, ...factKey(field, resolveTree(info)) });
  return found.filter((link) => (link.incoming === true) === incoming);
}
const targets = async (found: Promise<LinkRecord[]>) => (await found).map((link) => link.target);
type RoleFieldResolver = (role: NodeRecord, args: unknown, context: Context, info: GraphQLResolveInfo) => Promise<unknown>;

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
async function roleWithSelectedFacts(id: string, context: Context, info: GraphQLResolveInfo): Promise<NodeRecord | null> {
  const tree = resolveTree(info);
  const keys = factKeys([tree]);
  if (keys.length === 0) {
    const node = await context.loaders.node.load(id);
    return node?.label === 'Role' ? node : null;
  }
  const related = children(tree)
    .filter((child) => child.name === 'relatedRoles' || child.name === 'relatedFrom')
    .flatMap((child) => childrenNamed(child, 'role'));
  const { role, groups } = await context.repositories.roles.roleWithLinks(id, keys, factKeys(related));
  for (const group of groups) context.loaders.roleLinks.prime(group.key, group.links);
  return role;
}

/**
 * A resolver per Role fact field: the far nodes, or for a wrapper the links
 * themselves; for a field of one link (`firstWith`), the first link of the ordered
 * list that carries the property, or null.
 */
function factResolvers(): Partial<RoleResolvers<Context>> {
  const fields = [...FACT_FIELDS].map(([field, { shape, firstWith }]) => {
    const carries = (link: LinkRecord) => link[firstWith as keyof LinkRecord] !== null && link[firstWith as keyof LinkRecord] !== undefined;
    const resolve: RoleFieldResolver =
      shape.kind === 'node'
        ? (role, _args, context, info) => targets(links(role, field, context, info))
        : firstWith
          ? async (role, _args, context, info) => (await links(role, field, context, info)).find(carries) ?? null
          : (role, _args, context, info) => links(role, field, context, info);
    return [field, resolve];
  });
  return Object.fromEntries(fields) as Partial<RoleResolvers<Context>>;
}

/** Query.role, Query.roles, and the Role type with its fact wrappers. */
export const roleResolvers: Resolvers = {
  Query: {
    role: async (_parent, args, context, info) => {
      const { id } = parseArgs(roleArgs, args);
      return roleWithSelectedFacts(id, context, info);
    },
    rolesByCode: async (_parent, args, { repositories }) => {
      const { system, code, first } = parseArgs(rolesByCodeArgs, args);
      const { codes, prefixes } = CODE_SYSTEMS[system].match(code);
      return repositories.roles.byCode(codes, prefixes, first);
    },
    roles: async (_parent, args, { repositories }) => {
      const { first, after } = parseArgs(rolesArgs, args);
      const afterId = after ? decodeCursor(after) : null;
      const page = await repositories.nodes.page('Role', afterId, first + 1);
      return toConnection(page, first, afterId);
    },
  },
  Role: {
    ...labelFields,
    externalCodes: (role) => parseExternalCodes(role.externalCodes),
    // Resolved when read rather than copied onto the role at import: the figures then follow whatever crosswalks and
    // BLS releases the graph holds, in whichever order they were imported, and stay one node per role and release.
    equivalentFigures: (role, _args, { loaders }) => loaders.equivalentFigures.load(role.id),
    ...factResolvers(),
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
  RoleTool: {
    tool: (link) => link.target,
    hot: (link) => link.hot ?? null,
    inDemand: (link) => link.inDemand ?? null,
    sources: (link) => link.citations,
  },
  RoleResponsibility: {
    responsibility: (link) => link.target,
    core: (link) => link.core ?? null,
    sources: (link) => link.citations,
  },
  RoleEquivalent: {
    role: (link) => (link.target.label === 'Role' ? link.target : null),
    group: (link) => (link.target.label === 'OccupationGroup' ? link.target : null),
    name: (link) => link.target.name ?? link.target.id,
    crosswalk: (link) => link.crosswalk ?? null,
    match: (link) => link.match ?? null,
    reason: (link) => link.reason ?? null,
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
    share: (link) => link.share ?? null,
    sources: (link) => link.citations,
  },
};

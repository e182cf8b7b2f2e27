import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { aliasesProperty, isLanguage, NAME_PROPERTIES, nameProperty } from '../models/languages';
import { ROLE_FACT_FIELDS } from '../models/relations';

/**
 * The stored properties each plain field of a fact node reads (see toNode in
 * src/repositories/row-mapping.ts). A field not listed here (one computed from
 * other nodes, such as Skill.roles) needs the whole node.
 */
const PROPERTIES_OF_FIELD: Record<string, readonly string[]> = {
  __typename: [],
  id: ['id'],
  name: ['name'],
  aliases: ['aliases'],
  languages: NAME_PROPERTIES,
  inferred: ['inferred'],
  sources: ['sourceIds', 'quotes'],
  citations: ['sourceIds', 'quotes'],
  summary: ['summary'],
  category: ['category'],
  description: ['description'],
  kind: ['kind'],
  median: ['median'],
  low: ['low'],
  high: ['high'],
  currency: ['currency'],
  year: ['year'],
  period: ['period'],
  statistic: ['statistic'],
  provider: ['provider'],
  population: ['population'],
  note: ['note'],
  percent: ['percent'],
  mean: ['mean'],
  p10: ['p10'],
  p25: ['p25'],
  p75: ['p75'],
  p90: ['p90'],
  employment: ['employment'],
  baseEmployment: ['baseEmployment'],
  projectedEmployment: ['projectedEmployment'],
  externalCodes: ['externalCodes'],
};

/**
 * The stored relationship properties each field of a fact wrapper reads (see
 * groupLinks in src/repositories/role.repository.ts), by wrapper type, as the
 * relation table states them. The fields holding the far node, or its name, read
 * none; a field not listed needs them all.
 */
const LINK_PROPERTIES_OF_FIELD: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = Object.fromEntries(
  [...ROLE_FACT_FIELDS.values()].flatMap(({ shape }) => (shape.kind === 'wrapper' ? [[shape.type, shape.linkFields]] : [])),
);

/**
 * Fields of Role that a loader resolves from the role's id alone (its facts, its
 * sources): selecting them needs no other property of the role.
 */
const ROLE_FIELDS_BY_ID: ReadonlySet<string> = new Set([...ROLE_FACT_FIELDS.keys(), 'sources']);

/**
 * Which stored properties of the nodes a field returns the query reads: the field's
 * selection (or, with `path`, the selection under those nested fields, e.g. `skill`
 * inside RoleSkill), fragments and aliases included, parsed by
 * graphql-parse-resolve-info. Null when any selected field needs more than plain
 * properties: the caller then reads the whole node. Always includes `id` and `name`,
 * which order the lists.
 */
export function selectedProperties(info: GraphQLResolveInfo, ...path: string[]): string[] | null {
  return propertiesOfTree(resolveTree(info), path);
}

/**
 * selectedProperties for several places in a field's selection at once (the roles of
 * an answer under `roleA` and `roleB`, its skills under `shared`, `onlyA` and
 * `onlyB`...): their union, or null when any of them needs the whole node.
 */
export function selectedPropertiesAt(info: GraphQLResolveInfo, paths: readonly (readonly string[])[]): string[] | null {
  const tree = resolveTree(info);
  const union = new Set<string>();
  for (const path of paths) {
    const properties = propertiesOfTree(tree, path);
    if (!properties) return null;
    for (const property of properties) union.add(property);
  }
  return [...union].sort();
}

/**
 * Parsed selections by the field's AST nodes: graphql-js hands every item of a list
 * the same fieldNodes array, so a role's fact fields are parsed once per query level,
 * not once per role. Variables can change what a selection includes (@include,
 * @skip), so the cache is per operation's variable values too.
 */
const parsed = new WeakMap<GraphQLResolveInfo['fieldNodes'], WeakMap<GraphQLResolveInfo['variableValues'], ResolveTree>>();

/** The field's selection, parsed (fragments merged, aliases kept apart). */
export function resolveTree(info: GraphQLResolveInfo): ResolveTree {
  let byVariables = parsed.get(info.fieldNodes);
  if (!byVariables) parsed.set(info.fieldNodes, (byVariables = new WeakMap()));
  const cached = byVariables.get(info.variableValues);
  if (cached) return cached;
  const root = parseResolveInfo(info);
  if (!root || !('fieldsByTypeName' in root)) throw new Error(`cannot parse the selection of ${info.fieldName}`);
  byVariables.set(info.variableValues, root as ResolveTree);
  return root as ResolveTree;
}

/** selectedProperties on a parsed selection: what a parent resolver sees of its children's. */
export function propertiesOfTree(tree: ResolveTree, path: readonly string[]): string[] | null {
  let trees = [tree];
  for (const name of path) trees = trees.flatMap((parent) => childrenNamed(parent, name));
  const properties = new Set<string>(['id', 'name']);
  for (const tree of trees) {
    for (const [typeName, fields] of Object.entries(tree.fieldsByTypeName)) {
      for (const field of Object.values(fields)) {
        if (typeName === 'Role' && ROLE_FIELDS_BY_ID.has(field.name)) continue;
        const needs = PROPERTIES_OF_FIELD[field.name];
        if (!needs) return null;
        for (const property of needs) properties.add(property);
        // name(lang:) and aliases(lang:) read that language's labels too (name falls back to the English one).
        const lang = field.args.lang;
        if (typeof lang === 'string' && isLanguage(lang)) {
          if (field.name === 'name') properties.add(nameProperty(lang));
          if (field.name === 'aliases') properties.add(aliasesProperty(lang));
        }
      }
    }
  }
  return [...properties].sort();
}

/**
 * Which stored properties of the relationships a fact wrapper's selection (a RoleSkill,
 * a RelatedRole...) reads; null when it needs all of them.
 */
export function linkPropertiesOfTree(tree: ResolveTree): string[] | null {
  const properties = new Set<string>();
  for (const [typeName, fields] of Object.entries(tree.fieldsByTypeName)) {
    for (const field of Object.values(fields)) {
      const needs = field.name === '__typename' ? [] : LINK_PROPERTIES_OF_FIELD[typeName]?.[field.name];
      if (!needs) return null;
      for (const property of needs) properties.add(property);
    }
  }
  return [...properties].sort();
}

/** The selected fields of a parsed selection, of every type (one entry per alias). */
export function children(tree: ResolveTree): ResolveTree[] {
  return Object.values(tree.fieldsByTypeName).flatMap((fields) => Object.values(fields));
}

/** The selected fields with this name (several when aliased). */
export function childrenNamed(tree: ResolveTree, name: string): ResolveTree[] {
  return children(tree).filter((child) => child.name === name);
}

import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config/repo-root';
import { RELATION_TYPES, type RelationType } from '../models/relations';
import { expandFragments } from './cypher-fragments';

/**
 * Every static Cypher statement the service runs, by file name in cypher/queries/.
 * Each file holds one statement whose header comment states the question it
 * answers and its parameters.
 */
export const QUERY_NAMES = [
  'nodes-by-ids',
  'role-details-by-ids',
  'role-links',
  'role-with-links',
  'roles-by-node-ids',
  'occupation-group-neighbours',
  'skill-hierarchy-neighbours',
  'roles-page',
  'skills-page',
  'search-nodes',
  'search-exact',
  'analyzer-stopwords',
  'sources-all',
  'sources-by-ids',
  'overlap',
  'similar-roles',
  'recommend-roles',
  'skill-gap',
  'paths-between',
  'neighborhood',
  'graph-counts',
  'graph-fingerprint',
  'upsert-sources',
  'upsert-nodes',
  'upsert-links',
  'unlink-moved-figures',
  'delete-link',
  'delete-node',
  'source-citations',
  'delete-source',
  'adjust-fact-counts',
  'dataset-load-get',
  'dataset-load-record',
  'import-checkpoint-get',
  'import-checkpoint-set',
  'import-checkpoint-clear',
  'import-checkpoint-report',
  'import-add-aliases',
  'import-run-begin',
  'import-run-finish',
  'import-status',
  'roles-by-external-code',
  'roles-by-code',
  'refresh-role-weights',
  'writers-lock',
  'role-weights-pending',
  'role-weights-settled',
  'role-weights-state',
  'roles-with-equivalence-mapping',
  'unlink-unmapped-equivalents',
  'equivalent-figures',
  'role-profile-features',
  'role-neighbours-set',
  'role-neighbours-mark',
  'role-neighbours-begin',
  'role-neighbours-state',
  'role-neighbours-built',
  'similar-roles-profile',
  'career-neighbours',
  'career-moves',
  'skill-index-kept',
  'skill-index-set',
] as const;

export type QueryName = (typeof QUERY_NAMES)[number];

/**
 * Statements whose variable-length bound is chosen per call. Cypher takes a
 * quantifier's bounds only as literals, so the file states the largest bound (its
 * `literal`, which must occur exactly once) and the catalog derives one statement per
 * bound up to it: `paths-between/4` is paths-between with `{1,4}`. A search bounded
 * by what the caller asks stops there, instead of searching deeper and filtering.
 */
export const BOUNDED = {
  'paths-between': { literal: '{1,6}', bounds: [1, 2, 3, 4, 5, 6], derived: (bound: number) => `{1,${bound}}` },
} as const satisfies Partial<Record<QueryName, { literal: string; bounds: readonly number[]; derived: (bound: number) => string }>>;
type Bounded = keyof typeof BOUNDED;
export type BoundedName = { [name in Bounded]: `${name}/${(typeof BOUNDED)[name]['bounds'][number]}` }[Bounded];

/** The name of a bounded statement's variant for this bound; throws for a bound it does not have. */
export function boundedName(name: Bounded, bound: number): BoundedName {
  if (!(BOUNDED[name].bounds as readonly number[]).includes(bound)) throw new Error(`${name} has no variant bounded at ${bound}`);
  return `${name}/${bound}` as BoundedName;
}

/**
 * Statements written out once per relationship type of the relation table (so
 * allow-listed by construction). Neo4j expands a relationship whose type is a value
 * (`$(row.type)`) by reading every relationship between its ends and filtering them;
 * one whose type the text names, through that type's relationships alone. The file
 * states the type as its `placeholder`, exactly once; `upsert-links/REQUIRES_SKILL`
 * is upsert-links with `:REQUIRES_SKILL` there. PROFILE, 865 O*NET skill
 * requirements already in the graph: 146,198 db hits with the type as a value,
 * 41,343 with it named.
 */
export const TYPED = {
  'upsert-links': { placeholder: '$(row.type)' },
} as const satisfies Partial<Record<QueryName, { placeholder: string }>>;
type Typed = keyof typeof TYPED;
export type TypedName = `${Typed}/${RelationType}`;

/** The name of a statement's variant for one relationship type. */
export function typedName(name: Typed, type: RelationType): TypedName {
  return `${name}/${type}`;
}

/** What a runner can run: a file's statement, or a bounded or typed variant of one. */
export type StatementName = QueryName | BoundedName | TypedName;

export type CypherCatalog = Readonly<Record<StatementName, string>>;

/**
 * Reads every statement once at start, writing out the fragments it names from the
 * relation table (see cypher-fragments.ts); fails fast naming any file missing or unknown.
 */
export function loadCypherCatalog(dir = path.join(repoRoot(), 'cypher', 'queries')): CypherCatalog {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((file) => file.endsWith('.cypher')) : [];
  const present = new Set(files.map((file) => file.slice(0, -'.cypher'.length)));
  const missing = QUERY_NAMES.filter((name) => !present.has(name));
  const unknown = [...present].filter((name) => !(QUERY_NAMES as readonly string[]).includes(name));
  if (missing.length > 0 || unknown.length > 0) {
    throw new Error(
      `Cypher catalog ${dir} is out of step with the code: missing [${missing.join(', ')}], unknown [${unknown.join(', ')}]`,
    );
  }
  const entries = QUERY_NAMES.map((name) => [name, expandFragments(name, fs.readFileSync(path.join(dir, `${name}.cypher`), 'utf8').trim())] as const);
  const texts = Object.fromEntries(entries) as Record<QueryName, string>;
  const variants = Object.entries(BOUNDED).flatMap(([name, { literal, bounds, derived }]) => {
    const parts = texts[name as Bounded].split(literal);
    if (parts.length !== 2) throw new Error(`${name}.cypher must state its bound ${literal} exactly once`);
    return bounds.map((bound) => [`${name}/${bound}`, parts.join(derived(bound))] as const);
  });
  const typed = Object.entries(TYPED).flatMap(([name, { placeholder }]) => {
    const parts = texts[name as Typed].split(placeholder);
    if (parts.length !== 2) throw new Error(`${name}.cypher must state its type ${placeholder} exactly once`);
    return RELATION_TYPES.map((type) => [`${name}/${type}`, parts.join(type)] as const);
  });
  return Object.freeze(Object.fromEntries([...entries, ...variants, ...typed])) as CypherCatalog;
}

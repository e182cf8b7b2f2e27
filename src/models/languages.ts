import type { NodeRecord } from './records';

/**
 * The languages other than English whose labels the graph may hold (ESCO publishes
 * its labels in 28), each with its full-text index and that index's Lucene analyzer
 * (created by cypher/migrations/010_node_search_languages.cypher; a unit test holds
 * the migration equal to this table). A node stores a language's labels as
 * `name_<code>` and `aliases_<code>`. Adding a language: a row here and a new
 * migration creating its index.
 */
export const LANGUAGES = {
  fr: { title: 'French', index: 'node_search_fr', analyzer: 'french' },
  nl: { title: 'Dutch', index: 'node_search_nl', analyzer: 'dutch' },
} as const satisfies Record<string, { title: string; index: string; analyzer: string }>;

export type Language = keyof typeof LANGUAGES;

/** Every language of the table, in its order. */
export const LANGUAGE_CODES = Object.keys(LANGUAGES) as [Language, ...Language[]];

/** English, the graph's own language, and the others; what a `lang` argument may name. */
export const LANG_ARGUMENT_VALUES = ['en', ...LANGUAGE_CODES] as const;

export function isLanguage(value: string): value is Language {
  return Object.hasOwn(LANGUAGES, value);
}

/** The node properties holding a language's preferred label and alternative labels. */
export function nameProperty(language: Language): `name_${Language}` {
  return `name_${language}`;
}
export function aliasesProperty(language: Language): `aliases_${Language}` {
  return `aliases_${language}`;
}

/** The stored preferred labels in every other language: what `languages` reads. */
export const NAME_PROPERTIES: readonly string[] = LANGUAGE_CODES.map(nameProperty);

const stored = (node: NodeRecord, property: string): unknown => (node as unknown as Record<string, unknown>)[property];

/**
 * A node's name in a language: the label imported in that language, or, when the node
 * has none (or for English, null or `en`), its English name; then its id.
 */
export function nameIn(node: NodeRecord, language: string | null | undefined): string {
  if (language && isLanguage(language)) {
    const name = stored(node, nameProperty(language));
    if (typeof name === 'string' && name !== '') return name;
  }
  return node.name ?? node.id;
}

/** A node's alternative labels in a language (none when it has none: no fallback to English), or its English aliases. */
export function aliasesIn(node: NodeRecord, language: string | null | undefined): string[] {
  if (!language || !isLanguage(language)) return node.aliases;
  const aliases = stored(node, aliasesProperty(language));
  return Array.isArray(aliases) ? (aliases as string[]) : [];
}

/** The languages a node has a preferred label in, besides English, in the table's order. */
export function languagesOf(node: NodeRecord): Language[] {
  return LANGUAGE_CODES.filter((language) => typeof stored(node, nameProperty(language)) === 'string');
}

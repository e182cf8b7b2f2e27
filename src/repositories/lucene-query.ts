/**
 * Characters with a meaning in Lucene's classic query syntax. Neo4j exposes only
 * the query string of its full-text index, and no maintained npm package escapes
 * for it, so the escaping is written here: every user word is escaped, then
 * combined by this code alone.
 */
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/** Words are runs of letters and digits; everything else separates them. */
const WORD = /[\p{L}\p{N}]+/gu;

/** At most this many words of a search text are used. */
export const MAX_QUERY_WORDS = 8;

export function escapeLucene(word: string): string {
  return word.replace(LUCENE_SPECIAL, (character) => `\\${character}`);
}

/** The fields of a full-text index: a node's name and its aliases, in English or in another language. */
export interface SearchFields {
  name: string;
  aliases: string;
}

/**
 * How much each way a word may match counts: the word itself (scored by Lucene's
 * BM25, so a rare word and a short name count more); a word it begins (a constant
 * score, since Lucene does not score prefix queries: as much as the word's boost, so
 * that a word being typed, `legi`, finds Legislators before the words one edit away
 * from it, legs); a word one edit away, half as much (BM25 again). Measured on O*NET
 * 29.0's titles typed with the last word cut to four letters: the occupation in the
 * top 3 for 0.93 of them, against 0.88 with every way counting alike; a title with a
 * letter missing from its longest word, in the top 3 for 0.99 either way.
 */
export const TERM_BOOST = { exact: 3, prefix: 3, fuzzy: 0.5 } as const;

/** What a phrase match adds: the words together, in order, in the name, or in an alias. */
export const PHRASE_BOOST = { name: 2, aliases: 1 } as const;

/**
 * Builds the full-text query for a user's search text: every word must match
 * (AND), each as an exact term, a prefix or, from four letters on, a term one edit
 * away (TERM_BOOST); the words as a phrase, in the name or in an alias, add to the
 * score (PHRASE_BOOST), so that of two nodes holding every word the one holding them
 * together and in order comes first, and a name before an alias. Words in
 * `stopWords` (those the index's analyzer leaves out, which as prefix or fuzzy terms
 * would match nothing) are dropped. Returns null when the text has no word left.
 */
export function toLuceneQuery(text: string, stopWords: ReadonlySet<string> = new Set(), fields: SearchFields = { name: 'name', aliases: 'aliases' }): string | null {
  const typed = text.toLowerCase().match(WORD) ?? [];
  const words = typed.filter((word) => !stopWords.has(word)).slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return null;
  const every = words
    .map((word) => {
      const term = escapeLucene(word);
      const fuzzy = word.length >= 4 ? ` OR ${term}~1^${TERM_BOOST.fuzzy}` : '';
      return `(${term}^${TERM_BOOST.exact} OR ${term}*^${TERM_BOOST.prefix}${fuzzy})`;
    })
    .join(' AND ');
  // The phrase keeps the stop words: the index's analyzer drops them from it as from the names, leaving their places.
  const phrase = `"${typed.slice(0, MAX_QUERY_WORDS).map(escapeLucene).join(' ')}"`;
  // Every word is required (+); the phrases are optional clauses, which only add to the score.
  return `+(${every}) ${fields.name}:${phrase}^${PHRASE_BOOST.name} ${fields.aliases}:${phrase}^${PHRASE_BOOST.aliases}`;
}

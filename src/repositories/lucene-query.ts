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

/**
 * Builds the full-text query for a user's search text: every word must match
 * (AND), each as an exact term (boosted), a prefix, or from four letters on
 * a term one edit away. Words in `stopWords` (those the index's analyzer leaves out,
 * which as prefix or fuzzy terms would match nothing) are dropped. Returns null when
 * the text has no word left.
 */
export function toLuceneQuery(text: string, stopWords: ReadonlySet<string> = new Set()): string | null {
  const words = (text.toLowerCase().match(WORD) ?? []).filter((word) => !stopWords.has(word)).slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return null;
  return words
    .map((word) => {
      const term = escapeLucene(word);
      const fuzzy = word.length >= 4 ? ` OR ${term}~1` : '';
      return `(${term}^3 OR ${term}*${fuzzy})`;
    })
    .join(' AND ');
}

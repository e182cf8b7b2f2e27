import type { SearchResult } from './search.repository';

/**
 * The answer to a search from its two lookups: the exact matches (a code, name or
 * alias equal to the text; SearchRepository.exact) first, in their order, each scored
 * the best full-text score plus its exact score, so that scores stay best first and
 * every exact match scores above every other; then the full-text matches not already
 * listed, as scored. At most `first`.
 */
export function rankSearchResults(exact: readonly SearchResult[], text: readonly SearchResult[], first: number): SearchResult[] {
  const best = Math.max(0, ...text.map((result) => result.score));
  const listed = new Set(exact.map((result) => result.node.id));
  return [...exact.map((result) => ({ node: result.node, score: best + result.score })), ...text.filter((result) => !listed.has(result.node.id))].slice(0, first);
}

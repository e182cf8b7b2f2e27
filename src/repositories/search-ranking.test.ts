import type { NodeRecord } from '../models/records';
import { rankSearchResults } from './search-ranking';

const node = (id: string): NodeRecord => ({ label: 'Role', id, name: id, aliases: [], citations: [], inferred: false });
const hit = (id: string, score: number) => ({ node: node(id), score });

describe('rankSearchResults', () => {
  it('puts the exact matches first, in their order, scored above the best full-text match', () => {
    const ranked = rankSearchResults([hit('named', 2), hit('aliased', 1)], [hit('fuzzy', 40), hit('other', 30)], 10);
    expect(ranked).toEqual([hit('named', 42), hit('aliased', 41), hit('fuzzy', 40), hit('other', 30)]);
  });

  it('lists a node found both ways once, as an exact match', () => {
    const ranked = rankSearchResults([hit('both', 1)], [hit('fuzzy', 40), hit('both', 35)], 10);
    expect(ranked).toEqual([hit('both', 41), hit('fuzzy', 40)]);
  });

  it('keeps at most first, and scores exact matches from zero when nothing else matched', () => {
    expect(rankSearchResults([hit('a', 8), hit('b', 4)], [], 1)).toEqual([hit('a', 8)]);
  });
});

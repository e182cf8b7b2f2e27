import { pairsToNode, pairsToObject, toNode } from './row-mapping';

describe('toNode', () => {
  const stored = {
    id: 'skill-mixing',
    name: 'Mixing',
    category: 'technical',
    aliases: ['mixdown'],
    inferred: true,
    sourceIds: ['a', 'b'],
    quotes: ['balances the tracks', ''],
  };

  it('folds the stored lists into citations, aliases and inferred, and keeps every other property', () => {
    expect(toNode(stored, 'Skill')).toEqual({
      label: 'Skill',
      id: 'skill-mixing',
      name: 'Mixing',
      category: 'technical',
      aliases: ['mixdown'],
      inferred: true,
      citations: [
        { sourceId: 'a', quote: 'balances the tracks' },
        { sourceId: 'b', quote: null },
      ],
    });
  });

  it('gives the defaults for what a narrow selection did not read', () => {
    expect(toNode({ id: 7 }, 'Role')).toEqual({ label: 'Role', id: '7', name: null, aliases: [], inferred: false, citations: [] });
  });

  it('refuses a label that is not a kind of node', () => {
    expect(() => toNode(stored, 'Node')).toThrow('node skill-mixing has unknown kind label Node');
    expect(() => toNode(stored, undefined)).toThrow('unknown kind label');
  });

  it('reads property pairs as the object they list', () => {
    const pairs = Object.entries(stored) as [string, unknown][];
    expect(pairsToObject(pairs)).toEqual(stored);
    expect(pairsToNode(pairs, 'Skill')).toEqual(toNode(stored, 'Skill'));
    expect(pairsToObject([])).toEqual({});
  });
});

import type { CuratedDataset } from '../../src/data/curated-schema';
import { findUnsupportedQuotes } from './check-quotes';

const dataset = (quote: string, source = 'doc'): CuratedDataset => ({
  format: 'careers-graph/curated@1',
  sources: [{ id: 'doc', title: 'Doc' }],
  entities: {
    roles: [{ id: 'r', name: 'R', aliases: [], citations: [{ source, quote }] }],
    skills: [],
    responsibilities: [],
    settings: [],
    tools: [],
    education: [],
    collaborators: [],
  },
  figures: { salaries: [], growth: [] },
  links: [],
});

describe('findUnsupportedQuotes', () => {
  const text = 'Music producers   are\nthe creative front-runners.';
  it('accepts a quote that spans line breaks and runs of spaces', () => {
    expect(findUnsupportedQuotes(dataset('producers are the creative'), () => text)).toEqual([]);
  });

  it('reports a quote the document does not contain', () => {
    expect(findUnsupportedQuotes(dataset('producers are the best'), () => text)).toEqual([
      'r: "producers are the best" is not in doc',
    ]);
  });

  it('reports a document it cannot read', () => {
    expect(findUnsupportedQuotes(dataset('x', 'other'), () => null)).toEqual(['r: source other is not available']);
  });
});

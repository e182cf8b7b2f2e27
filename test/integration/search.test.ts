import { readCurated } from '../../src/data/read-curated';
import { expectGraphQLError, expectNoErrors } from '../support/expect-graphql-error';
import { startTestApi, type TestApi } from './test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const SEARCH = /* GraphQL */ `
  query Search($text: String!, $first: Int, $kinds: [NodeKind!]) {
    search(text: $text, first: $first, kinds: $kinds) { kind name score node { __typename id } }
  }
`;

type Hit = { kind: string; name: string; score: number; node: { __typename: string; id: string } };
const search = async (variables: Record<string, unknown>) => {
  const response = await api.query<{ search: Hit[] }>(SEARCH, variables);
  expectNoErrors(response);
  return response.data?.search ?? [];
};

describe('search(text)', () => {
  it('finds a tool by its name', async () => {
    const [best] = await search({ text: 'pro tools' });
    expect(best).toMatchObject({ kind: 'TOOL', name: 'Pro Tools', node: { __typename: 'Tool', id: 'pro-tools' } });
  });

  it('matches a prefix, as an autocomplete would', async () => {
    const hits = await search({ text: 'mix', kinds: ['SKILL'] });
    expect(hits.map((hit) => hit.node.id)).toContain('mixing');
  });

  it('forgives one typo in a longer word', async () => {
    const hits = await search({ text: 'enginer', kinds: ['ROLE'] });
    expect(hits.map((hit) => hit.node.id)).toEqual(expect.arrayContaining(['audio-engineer', 'sound-engineer']));
  });

  it('orders by score, best first, and honours first', async () => {
    const hits = await search({ text: 'sound', first: 3 });
    expect(hits).toHaveLength(3);
    const scores = hits.map((hit) => hit.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('keeps only the kinds asked for', async () => {
    const hits = await search({ text: 'sound', kinds: ['SETTING', 'TOOL'] });
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(['SETTING', 'TOOL']).toContain(hit.kind);
  });

  it('treats query syntax and injection attempts as plain words', async () => {
    for (const text of [`'}) DETACH DELETE n //`, 'title:* OR "', 'mix~~~^^^']) {
      expectNoErrors(await api.query(SEARCH, { text }));
    }
    const { data } = await api.query('{ roles(first: 1) { totalCount } }');
    expect(data?.roles.totalCount).toBe(5);
  });

  it.each([
    ['', /"text" must not be empty/],
    ['   ', /"text" must not be empty/],
    ['?!', /"text" must contain a letter or digit/],
    ['x'.repeat(201), /"text" must be at most 200 characters/],
  ])('refuses text %p with BAD_USER_INPUT, before any database call', async (text, message) => {
    const response = await api.query(SEARCH, { text });
    expect(response.extensions?.queryStats?.cypherRoundTrips).toBe(0);
    expectGraphQLError(response, { code: 'BAD_USER_INPUT', message });
  });
});

/** A text's words, lower-case, one space apart: what an exact match compares. */
const wordsOf = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

/** The curated nodes' names and aliases, read from the dataset rather than the graph, by their words. */
const curated = Object.values(readCurated().entities).flat() as { id: string; name: string; aliases?: string[] }[];
const holders = (of: (node: (typeof curated)[number]) => string[]) => {
  const byWords = new Map<string, Set<string>>();
  for (const node of curated) for (const text of of(node)) byWords.set(wordsOf(text), (byWords.get(wordsOf(text)) ?? new Set()).add(node.id));
  return byWords;
};
const named = holders((node) => [node.name]);
const aliased = holders((node) => node.aliases ?? []);
/** Words without a plural ending, roughly: enough to tell an alias that is another node's name in the plural. */
const looseWordsOf = (text: string) => wordsOf(text).replace(/(es|s)\b/g, '');
const namedLoosely = new Set(curated.map((node) => looseWordsOf(node.name)));

describe('search ranks as a person expects (issue 17)', () => {
  it('ranks first the node whose name the text is, above every fuzzier match', async () => {
    const unique = curated.filter((node) => named.get(wordsOf(node.name))?.size === 1);
    expect(unique.length).toBeGreaterThan(50);
    for (const node of unique) {
      const [best, next] = await search({ text: node.name, first: 2 });
      expect({ text: node.name, best: best?.node.id }).toEqual({ text: node.name, best: node.id });
      if (next) expect(next.score).toBeLessThan(best?.score as number);
    }
  });

  it('ranks first the node with the text as an alias, when no node is named it, even in its other number', async () => {
    const unique = curated.flatMap((node) =>
      (node.aliases ?? [])
        .filter((alias) => aliased.get(wordsOf(alias))?.size === 1 && !namedLoosely.has(looseWordsOf(alias)))
        .map((alias) => ({ alias, id: node.id })),
    );
    expect(unique.length).toBeGreaterThan(30);
    for (const { alias, id } of unique) {
      const [best] = await search({ text: alias, first: 1 });
      expect({ text: alias, best: best?.node.id }).toEqual({ text: alias, best: id });
    }
  });

  it.each([
    ['PROBLEM SOLVING', 'problem-solving-and-troubleshooting'],
    ['recording studio know how', 'recording-studio-knowledge'],
    ['  pro-tools ', 'pro-tools'],
  ])('matches %p exactly whatever its case, spaces and punctuation', async (text, id) => {
    const [best] = await search({ text, first: 1 });
    expect(best?.node.id).toBe(id);
  });

  it.each([
    ['post-production company', 'post-production-company'],
    ['digital audio workstations', 'digital-audio-workstation'],
    ['music producers', 'music-producer'],
  ])('matches %p as a name in its other number (singular or plural)', async (text, id) => {
    const [best] = await search({ text, first: 1 });
    expect(best?.node.id).toBe(id);
  });

  it('puts a name equal to the text before a node with it as an alias', async () => {
    // "Audio production" names a skill; "Music production" is its alias, and the text the name of none.
    const [best] = await search({ text: 'audio production' });
    expect(best?.node.id).toBe('audio-production');
  });

  it('keeps to the kinds asked for, exact matches too', async () => {
    const hits = await search({ text: 'mixing', kinds: ['ROLE', 'RESPONSIBILITY'] });
    expect(hits.map((hit) => hit.node.id)).not.toContain('mixing');
    for (const hit of hits) expect(['ROLE', 'RESPONSIBILITY']).toContain(hit.kind);
  });
});

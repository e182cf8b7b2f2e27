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

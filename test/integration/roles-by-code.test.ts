import { readCurated } from '../../src/data/read-curated';
import { expectGraphQLError, expectNoErrors } from '../support/expect-graphql-error';
import { startTestApi, type TestApi } from './test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const QUERY = 'query ($system: CodeSystem!, $code: String!) { rolesByCode(system: $system, code: $code) { id name } }';

/** The curated roles carrying each O*NET-SOC code, read from the dataset rather than the graph. */
const byOnetCode = new Map<string, string[]>();
for (const role of readCurated().entities.roles) {
  for (const stored of role.externalCodes ?? []) {
    if (!stored.startsWith('ONET_SOC:')) continue;
    const code = stored.slice('ONET_SOC:'.length);
    byOnetCode.set(code, [...(byOnetCode.get(code) ?? []), role.id]);
  }
}

describe('rolesByCode', () => {
  it('finds the roles carrying an O*NET-SOC code', async () => {
    expect(byOnetCode.size).toBeGreaterThan(0);
    for (const [code, ids] of byOnetCode) {
      const response = await api.query(QUERY, { system: 'ONET_SOC', code });
      expectNoErrors(response);
      expect(response.data?.rolesByCode.map((role: { id: string }) => role.id).sort()).toEqual([...ids].sort());
    }
  });

  it('finds by a SOC code every role whose O*NET-SOC code refines it', async () => {
    for (const [code, ids] of byOnetCode) {
      const response = await api.query(QUERY, { system: 'SOC', code: code.slice(0, 7) });
      expectNoErrors(response);
      expect(response.data?.rolesByCode.map((role: { id: string }) => role.id)).toEqual(expect.arrayContaining(ids));
    }
  });

  it('answers an empty list for a well-formed code no role carries', async () => {
    const response = await api.query(QUERY, { system: 'ISCO', code: '9999' });
    expectNoErrors(response);
    expect(response.data?.rolesByCode).toEqual([]);
  });

  it('refuses a code not in its system’s format, naming the argument', async () => {
    const response = await api.query(QUERY, { system: 'ONET_SOC', code: '27-4014' });
    expectGraphQLError(response, { code: 'BAD_USER_INPUT', message: 'Argument "code" is not a ONET_SOC code such as 27-4014.00.' });
  });
});

describe('search by a code', () => {
  const SEARCH = 'query ($text: String!, $kinds: [NodeKind!]) { search(text: $text, kinds: $kinds) { kind name score node { id } } }';

  it('puts the roles carrying an O*NET-SOC or SOC code first, scored above every text match', async () => {
    for (const [code, ids] of byOnetCode) {
      for (const text of [code, code.slice(0, 7)]) {
        const response = await api.query(SEARCH, { text });
        expectNoErrors(response);
        const hits = response.data?.search as { kind: string; score: number; node: { id: string } }[];
        const first = hits.slice(0, ids.length);
        expect(first.map((hit) => hit.node.id).sort()).toEqual(expect.arrayContaining([...ids].sort()));
        expect(first.every((hit) => hit.kind === 'ROLE')).toBe(true);
        const rest = hits.slice(first.length);
        for (const hit of rest) expect(hit.score).toBeLessThan(first[0]?.score as number);
      }
    }
  });

  it('finds no role by code when the kinds searched leave roles out', async () => {
    const [code] = [...byOnetCode.keys()];
    const response = await api.query(SEARCH, { text: code, kinds: ['SKILL'] });
    expectNoErrors(response);
    expect((response.data?.search as { kind: string }[]).every((hit) => hit.kind === 'SKILL')).toBe(true);
  });
});


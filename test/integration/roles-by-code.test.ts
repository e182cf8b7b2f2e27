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

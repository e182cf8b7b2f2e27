import { expectGraphQLError } from '../support/expect-graphql-error';
import { startTestApi, type TestApi } from './test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const NODE = `query ($id: ID!) { node(id: $id) { __typename id } }`;

describe('node(id)', () => {
  it.each([
    ['music-producer', 'Role'],
    ['mixing', 'Skill'],
    ['theater', 'Setting'],
    ['pro-tools', 'Tool'],
    ['high-school-diploma', 'Education'],
    ['songwriters', 'Collaborator'],
    ['salary-music-producer-payscale-2017', 'SalaryFigure'],
    ['growth-audio-engineer-bls-2014-2024', 'GrowthFigure'],
  ])('resolves %s as a %s', async (id, typename) => {
    const { data } = await api.query(NODE, { id });
    expect(data?.node).toEqual({ __typename: typename, id });
  });

  it('returns null for an unknown id', async () => {
    expect((await api.query(NODE, { id: 'no-such-node' })).data).toEqual({ node: null });
  });

  it('refuses an empty id with BAD_USER_INPUT', async () => {
    expectGraphQLError(await api.query(NODE, { id: '' }), { code: 'BAD_USER_INPUT' });
  });
});

describe('sources', () => {
  it('lists both documents with their titles, and the editorial source of the roles\' mapping', async () => {
    const { data } = await api.query('{ sources { id title } }');
    expect(data?.sources).toEqual([
      { id: '000_3acbafd368b5d407', title: 'Difference Between Music Producer & Audio Engineer' },
      { id: '004_09eb0189a829cf87', title: expect.stringMatching(/Music Producer vs\. Sound Engineer/) },
      // The project's own mapping of the roles to O*NET, ESCO and ISCO-08: a source with no document.
      { id: 'careers-graph-role-mapping', title: expect.stringMatching(/^careers-graph editors: mapping of the curated roles/) },
    ]);
  });
});

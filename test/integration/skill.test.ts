import { readCurated } from '../../src/data/read-curated';
import { startTestApi, type TestApi } from './test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const SKILL = /* GraphQL */ `
  query Skill($id: ID!) {
    skill(id: $id) { id name category roles { id } sources { source { id } } }
  }
`;

describe('skill(id)', () => {
  it('shares mixing among the producer and both engineers, citing both documents', async () => {
    const { data } = await api.query(SKILL, { id: 'mixing' });
    expect(data?.skill.roles).toEqual([{ id: 'audio-engineer' }, { id: 'music-producer' }, { id: 'sound-engineer' }]);
    const cited = new Set(data?.skill.sources.map((citation: { source: { id: string } }) => citation.source.id));
    expect(cited).toEqual(new Set(['000_3acbafd368b5d407', '004_09eb0189a829cf87']));
  });

  it('gives music theory and composition to the music producer alone', async () => {
    const { data } = await api.query(SKILL, { id: 'music-theory-and-composition' });
    expect(data?.skill).toMatchObject({ category: 'creative', roles: [{ id: 'music-producer' }] });
  });

  it('gives live sound reinforcement to the sound engineer alone', async () => {
    const { data } = await api.query(SKILL, { id: 'sound-reinforcement-and-live-mixing' });
    expect(data?.skill.roles).toEqual([{ id: 'sound-engineer' }]);
  });

  it('returns null for an unknown id and for a node of another kind', async () => {
    expect((await api.query(SKILL, { id: 'juggling' })).data).toEqual({ skill: null });
    expect((await api.query(SKILL, { id: 'music-producer' })).data).toEqual({ skill: null });
  });
});

describe('skills(first, after)', () => {
  it('counts every skill of the curated dataset and pages through all of them', async () => {
    const expected = readCurated().entities.skills.map((skill) => skill.id).sort();
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { data }: { data?: Record<string, any> } = await api.query(
        `query ($after: String) { skills(first: 10, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(data?.skills.totalCount).toBe(expected.length);
      seen.push(...data!.skills.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!data?.skills.pageInfo.hasNextPage) break;
      after = data.skills.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });
});

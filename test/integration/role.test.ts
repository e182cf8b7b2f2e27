import { expectGraphQLError, expectNoErrors } from '../support/expect-graphql-error';
import { DEEP_QUERIES_COST_LIMIT, startTestApi, type TestApi } from './test-api';

/** Facts of the two source documents about roles, asked through the API. */
let api: TestApi;
beforeAll(async () => {
  // Its queries read every fact of a role and the roles of each of its skills: a shape whose estimate, with
  // the lists as long as on the real releases, is over the default cost limit (limits.test.ts refuses it).
  // What is checked here is what is read, so the limit is raised.
  api = await startTestApi(undefined, { maxCost: DEEP_QUERIES_COST_LIMIT });
});
afterAll(() => api.close());

const PAYSCALE_DOC = '000_3acbafd368b5d407';
const COMPARISON_DOC = '004_09eb0189a829cf87';

const ROLE_FACTS = /* GraphQL */ `
  query RoleFacts($id: ID!) {
    role(id: $id) {
      id
      name
      education { level sources { source { id } } }
      salaries { median low high currency year period statistic provider population sources { source { id title } quote } }
      growth { percent period provider population sources { source { id } } }
      relatedRoles { role { id } reason sources { source { id } quote } }
      sources { id }
    }
  }
`;

describe('role(id)', () => {
  it('returns the music producer with its education, from the PayScale article', async () => {
    const response = await api.query(ROLE_FACTS, { id: 'music-producer' });
    expectNoErrors(response);
    const data = response.data;
    expect(data?.role.name).toBe('Music producer');
    expect(data?.role.education).toHaveLength(1);
    expect(data?.role.education[0].level).toBe('High school diploma');
    const cited = data?.role.education[0].sources.map((citation: { source: { id: string } }) => citation.source.id);
    expect(new Set(cited)).toEqual(new Set([PAYSCALE_DOC]));
    expect(data?.role.sources).toEqual([{ id: PAYSCALE_DOC }, { id: COMPARISON_DOC }]);
  });

  it('keeps both documents’ salary figures for the music producer, each with its own source', async () => {
    const { data } = await api.query(ROLE_FACTS, { id: 'music-producer' });
    const salaries = data?.role.salaries as Record<string, unknown>[];
    expect(salaries).toHaveLength(3);
    expect(salaries).toContainEqual(
      expect.objectContaining({ median: 50396, currency: 'USD', year: 2017, statistic: 'median', provider: 'PayScale' }),
    );
    expect(salaries).toContainEqual(expect.objectContaining({ median: 50500, year: null, provider: null }));
    expect(salaries).toContainEqual(expect.objectContaining({ median: null, low: 55000, high: 130000 }));
    const sourceOf = (median: number | null) =>
      (salaries.find((salary) => salary.median === median)?.sources as { source: { id: string } }[]).map((c) => c.source.id);
    expect(new Set(sourceOf(50396))).toEqual(new Set([PAYSCALE_DOC]));
    expect(new Set(sourceOf(50500))).toEqual(new Set([COMPARISON_DOC]));
  });

  it('gives the sound engineer the second document’s median and range', async () => {
    const { data } = await api.query(ROLE_FACTS, { id: 'sound-engineer' });
    const figures = (data?.role.salaries as { median: number | null; low: number | null; high: number | null }[]).map(
      ({ median, low, high }) => [median, low, high],
    );
    expect(figures.sort()).toEqual([[50150, null, null], [null, 44000, 104000]].sort());
  });

  it('states job growth with its period, provider and population', async () => {
    const producer = await api.query(ROLE_FACTS, { id: 'music-producer' });
    expect(producer.data?.role.growth).toEqual([
      {
        percent: 3,
        period: '2014-2024',
        provider: 'U.S. Bureau of Labor Statistics',
        population: 'all music directors and composers',
        sources: expect.arrayContaining([{ source: { id: PAYSCALE_DOC } }]),
      },
    ]);
    const engineer = await api.query(ROLE_FACTS, { id: 'audio-engineer' });
    expect(engineer.data?.role.growth).toEqual([
      expect.objectContaining({ percent: 8, population: 'all sound engineering technicians' }),
    ]);
  });

  it('relates the audio engineer to the movie producer and the lighting engineer, with the reasons given', async () => {
    const { data } = await api.query(ROLE_FACTS, { id: 'audio-engineer' });
    const related = data?.role.relatedRoles as { role: { id: string }; reason: string }[];
    const reasonFor = (id: string) => related.find((entry) => entry.role.id === id)?.reason;
    expect(reasonFor('movie-producer')).toMatch(/managing creative personnel/);
    expect(reasonFor('lighting-engineer')).toMatch(/behind the scenes/);
  });

  it('shows a related career from the other side too', async () => {
    const { data } = await api.query(ROLE_FACTS, { id: 'movie-producer' });
    expect(data?.role.relatedRoles.map((entry: { role: { id: string } }) => entry.role.id)).toEqual(['audio-engineer']);
  });

  it('gives the roles whose growth figures count an occupation group that group’s O*NET-SOC code', async () => {
    const response = await api.query(`{
      producer: role(id: "music-producer") { externalCodes { system code } growth { population } }
      audio: role(id: "audio-engineer") { externalCodes { system code } growth { population } }
      sound: role(id: "sound-engineer") { externalCodes { system code } }
    }`);
    expect(response.data).toEqual({
      producer: { externalCodes: [{ system: 'ONET_SOC', code: '27-2041.00' }], growth: [{ population: 'all music directors and composers' }] },
      audio: { externalCodes: [{ system: 'ONET_SOC', code: '27-4014.00' }], growth: [{ population: 'all sound engineering technicians' }] },
      sound: { externalCodes: [] },
    });
  });

  it('returns null for an unknown id, and for an id that is not a role', async () => {
    expect((await api.query(ROLE_FACTS, { id: 'astronaut' })).data).toEqual({ role: null });
    expect((await api.query(ROLE_FACTS, { id: 'mixing' })).data).toEqual({ role: null });
  });
});

describe('reading only what a query selects', () => {
  const FULL = `query ($id: ID!) { role(id: $id) {
    skills { importance skill { id name category description aliases sources { source { id } quote } roles { id } } }
    settings { id name aliases sources { quote } }
    relatedRoles { reason role { id name summary aliases roles: relatedRoles { role { id } } } } } }`;
  const NARROW = `query ($id: ID!) { role(id: $id) {
    skills { skill { id name category } } settings { name } relatedRoles { role { name } } } }`;

  it.each(['music-producer', 'sound-engineer', 'audio-engineer'])(
    'gives %s the same facts, in the same order, whether a query selects a few fields of them or many',
    async (id) => {
      const fullResponse = await api.query(FULL, { id });
      expectNoErrors(fullResponse);
      const full = fullResponse.data?.role;
      const narrow = (await api.query(NARROW, { id })).data?.role;
      expect(full.skills.length).toBeGreaterThan(0);
      expect(narrow).toEqual({
        skills: full.skills.map((link: { skill: Record<string, unknown> }) => ({
          skill: { id: link.skill.id, name: link.skill.name, category: link.skill.category },
        })),
        settings: full.settings.map((setting: { name: string }) => ({ name: setting.name })),
        relatedRoles: full.relatedRoles.map((link: { role: { name: string } }) => ({ role: { name: link.role.name } })),
      });
    },
  );

  const LINKS_FULL = `query ($id: ID!) { role(id: $id) {
    skills { importance level essential inferred sources { quote } skill { id } }
    relatedRoles { reason tier rank inferred sources { quote } role { id } }
    education { level sources { quote } education { id } }
    collaborators { name inferred sources { quote } partner { id } } } }`;
  /** One property of each kind of relationship, and nothing of the far nodes. */
  const LINKS_NARROW = `query ($id: ID!) { role(id: $id) {
    skills { importance } relatedRoles { reason } education { sources { quote } } collaborators { inferred } } }`;

  it.each(['music-producer', 'sound-engineer', 'audio-engineer'])(
    'gives %s the same relationship properties whether a query selects one of them or all',
    async (id) => {
      const fullResponse = await api.query(LINKS_FULL, { id });
      expectNoErrors(fullResponse);
      const full = fullResponse.data?.role;
      expect(full.relatedRoles.some((link: { reason: string | null }) => link.reason)).toBe(true);
      const narrow = (await api.query(LINKS_NARROW, { id })).data?.role;
      expect(narrow).toEqual({
        skills: full.skills.map((link: { importance: number | null }) => ({ importance: link.importance })),
        relatedRoles: full.relatedRoles.map((link: { reason: string | null }) => ({ reason: link.reason })),
        education: full.education.map((link: { sources: unknown[] }) => ({ sources: link.sources })),
        collaborators: full.collaborators.map((link: { inferred: boolean }) => ({ inferred: link.inferred })),
      });
    },
  );
});

describe('roles(first, after)', () => {
  const PAGE = /* GraphQL */ `
    query Roles($first: Int, $after: String) {
      roles(first: $first, after: $after) {
        totalCount
        edges { cursor node { id } }
        pageInfo { hasNextPage hasPreviousPage endCursor }
      }
    }
  `;

  it('walks every role in id order, two at a time', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const { data }: { data?: Record<string, any> } = await api.query(PAGE, { first: 2, after });
      expect(data?.roles.totalCount).toBe(5);
      ids.push(...data!.roles.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!data?.roles.pageInfo.hasNextPage) break;
      after = data.roles.pageInfo.endCursor;
    }
    expect(ids).toEqual(['audio-engineer', 'lighting-engineer', 'movie-producer', 'music-producer', 'sound-engineer']);
  });

  it.each([0, 101, -1])('refuses first = %p with BAD_USER_INPUT, before any database call', async (first) => {
    const response = await api.query(PAGE, { first });
    expect(response.extensions?.queryStats?.cypherRoundTrips).toBe(0);
    expect(response.data).toBeNull();
    expectGraphQLError(response, { code: 'BAD_USER_INPUT', message: /"first"/ });
  });

  it('refuses a cursor it did not issue', async () => {
    const response = await api.query(PAGE, { first: 2, after: 'bm90LWEtY3Vyc29y' });
    expectGraphQLError(response, { code: 'BAD_USER_INPUT', extensions: { argument: 'after' } });
  });
});

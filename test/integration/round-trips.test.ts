import { expectNoErrors } from '../support/expect-graphql-error';
import { DEEP_QUERIES_COST_LIMIT, startTestApi, type TestApi } from './test-api';

/**
 * No N+1: the number of Cypher statements a request sends depends on the
 * shape of the query, not on how many items it returns.
 */
let api: TestApi;
beforeAll(async () => {
  // Its queries go three levels deep through lists, a shape whose estimate, with the lists as long as on the
  // real releases, is over the default cost limit (limits.test.ts refuses it). What is checked here is the
  // number of statements, so the limit is raised.
  api = await startTestApi(undefined, { maxCost: DEEP_QUERIES_COST_LIMIT });
});
afterAll(() => api.close());

const NESTED = /* GraphQL */ `
  query Nested($first: Int!) {
    roles(first: $first) {
      edges {
        node {
          name
          skills { skill { name roles { name } } sources { source { title } } }
          settings { name }
          relatedRoles { role { name skills { skill { name } } } }
          collaborators { partner { id ... on Role { name } } }
        }
      }
    }
  }
`;

const roundTrips = async (query: string, variables: Record<string, unknown>) => {
  const response = await api.query(query, variables);
  expectNoErrors(response);
  return { trips: response.extensions?.queryStats?.cypherRoundTrips, data: response.data };
};

describe('Cypher round trips per request', () => {
  it('are the same for one role and for all five, through three levels of nesting', async () => {
    const one = await roundTrips(NESTED, { first: 1 });
    const all = await roundTrips(NESTED, { first: 5 });
    expect(all.data?.roles.edges).toHaveLength(5);
    expect(one.trips).toBeGreaterThan(0);
    // Five roles may need fewer trips than one: their related roles are then
    // already in the request's cache. They must never need more.
    expect(all.trips).toBeLessThanOrEqual(one.trips as number);
    // page, role details, roles of skills, related roles' details, sources
    expect(one.trips).toBeLessThanOrEqual(5);
  });

  it('are the same for one skill and for every skill, with the roles of each', async () => {
    const query = 'query ($first: Int!) { skills(first: $first) { edges { node { name roles { name } } } } }';
    const one = await roundTrips(query, { first: 1 });
    const many = await roundTrips(query, { first: 100 });
    expect(many.data?.skills.edges.length).toBeGreaterThan(20);
    expect(many.trips).toBe(one.trips);
  });

  it('is a single statement for a role with all its one-hop facts', async () => {
    const { trips } = await roundTrips(
      `query ($id: ID!) { role(id: $id) { skills { skill { name } } responsibilities { name } settings { name }
        tools { name } education { level } salaries { median } growth { percent } relatedRoles { reason } } }`,
      { id: 'sound-engineer' },
    );
    expect(trips).toBe(1);
  });

  it('is a single statement for a role, its related roles and their facts; one more per deeper level', async () => {
    const nested = `query ($id: ID!) { role(id: $id) { name skills { skill { id name } } settings { name }
      relatedRoles { reason role { id name skills { skill { name } } responsibilities { name } } } } }`;
    const one = await roundTrips(nested, { id: 'audio-engineer' });
    expect(one.data?.role.relatedRoles.length).toBeGreaterThan(1);
    expect(one.data?.role.relatedRoles.some((link: { role: { skills: unknown[] } }) => link.role.skills.length > 0)).toBe(true);
    expect(one.trips).toBe(1);
    const deeper = `query ($id: ID!) { role(id: $id) { relatedRoles { role { relatedRoles { role { name skills { skill { name } } } } } } } }`;
    expect((await roundTrips(deeper, { id: 'audio-engineer' })).trips).toBe(2);
  });

  it.each([
    ['skillOverlap', '{ skillOverlap(roleA: "music-producer", roleB: "sound-engineer") { roleA { name } shared { name category } onlyA { name } jaccard } }'],
    ['overlap', '{ overlap(roles: ["music-producer", "audio-engineer", "sound-engineer"], dimension: TOOLS) { shared { id } distinct { role { name } items { id } } } }'],
    ['similarRoles', '{ similarRoles(role: "audio-engineer", first: 5) { role { name } score sharedSkills { name } } }'],
    ['recommendRoles', '{ recommendRoles(skills: ["mixing", "acoustics"], first: 5) { role { name } matched { name } missing { name } } }'],
    ['skillGap', '{ skillGap(from: "audio-engineer", to: "sound-engineer") { from { name } to { name } toLearn { name } } }'],
    ['paths', '{ paths(from: "music-producer", to: "theater", first: 5) { nodes { id } steps { explanation } } }'],
    ['neighborhood', '{ neighborhood(id: "music-producer", depth: 2) { nodes { id } edges { from } } }'],
  ])('%s answers with one statement', async (_name, query) => {
    const { trips } = await roundTrips(query, {});
    expect(trips).toBe(1);
  });

  it('stay the same for one recommendation and for three, with their roles’ details', async () => {
    const query = 'query ($first: Int!) { recommendRoles(skills: ["mixing"], first: $first) { role { name skills { skill { name } } } } }';
    const one = await roundTrips(query, { first: 1 });
    const three = await roundTrips(query, { first: 3 });
    expect(three.data?.recommendRoles).toHaveLength(3);
    expect(three.trips).toBe(one.trips);
    expect(three.trips).toBe(2);
  });
});


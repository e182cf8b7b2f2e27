import { PARALLEL_RELATIONS, PUBLIC_RELATIONS } from '../../src/models/relations';
import { expectGraphQLError, expectNoErrors } from '../support/expect-graphql-error';
import { startTestApi, type TestApi } from './test-api';
import { testDatabase } from './test-database';

/**
 * Path questions on the curated graph; expected answers worked out by hand from
 * data/curated/careers.json.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const PATHS = `query ($from: ID!, $to: ID!, $maxHops: Int, $first: Int, $via: [Relation!]) {
  paths(from: $from, to: $to, maxHops: $maxHops, first: $first, via: $via) {
    length explanation nodes { id }
    steps { from to relation relations links { relation start end forward } explanation inferred sources { source { id } quote } }
  }
}`;

type Path = {
  length: number;
  explanation: string;
  nodes: { id: string }[];
  steps: {
    from: string;
    to: string;
    relation: string;
    relations: string[];
    links: { relation: string; start: string; end: string; forward: boolean }[];
    explanation: string;
    inferred: boolean;
    sources: unknown[];
  }[];
};

const paths = async (variables: Record<string, unknown>): Promise<Path[]> => {
  const response = await api.query<{ paths: Path[] }>(PATHS, variables);
  expectNoErrors(response);
  return response.data?.paths ?? [];
};

describe('paths', () => {
  it('joins the music producer and the sound engineer in one hop, both ways the sources relate them', async () => {
    const [first] = await paths({ from: 'music-producer', to: 'sound-engineer' });
    expect(first?.length).toBe(1);
    expect(first?.steps[0]).toMatchObject({ from: 'music-producer', to: 'sound-engineer', inferred: false });
    expect(new Set(first?.steps[0]?.relations)).toEqual(new Set(['RELATED_TO', 'COLLABORATES_WITH']));
    expect(first?.steps[0]?.explanation).toContain('Music producer works with Sound engineer');
    expect(first?.steps[0]?.sources.length).toBeGreaterThan(0);
  });

  it('explains a hop through a shared skill: both require it', async () => {
    const [first] = await paths({ from: 'music-producer', to: 'sound-engineer', via: ['REQUIRES_SKILL'] });
    // The shared skills, by name, start with "Audio engineering".
    expect(first?.nodes.map((node) => node.id)).toEqual(['music-producer', 'audio-engineering', 'sound-engineer']);
    expect(first?.explanation).toBe('Music producer and Sound engineer both require Audio engineering.');
    expect(first?.steps.map((step) => step.explanation)).toEqual([
      'Music producer requires Audio engineering',
      'Sound engineer requires Audio engineering',
    ]);
    // The second hop goes against its relationship: the sound engineer requires the skill.
    expect(first?.steps.map((step) => step.links)).toEqual([
      [{ relation: 'REQUIRES_SKILL', start: 'music-producer', end: 'audio-engineering', forward: true }],
      [{ relation: 'REQUIRES_SKILL', start: 'sound-engineer', end: 'audio-engineering', forward: false }],
    ]);
  });

  it('goes from a skill to a setting in three hops: music theory → producer → sound engineer → theater', async () => {
    const found = await paths({ from: 'music-theory-and-composition', to: 'theater', maxHops: 4, first: 3 });
    expect(found[0]?.nodes.map((node) => node.id)).toEqual([
      'music-theory-and-composition',
      'music-producer',
      'sound-engineer',
      'theater',
    ]);
    expect(found.map((path) => path.length)).toEqual([3, 4, 4]);
  });

  it('returns shortest first, never repeats a node, and stays within maxHops', async () => {
    const found = await paths({ from: 'lighting-engineer', to: 'pro-tools', maxHops: 5, first: 5 });
    expect(found.length).toBeGreaterThan(0);
    const lengths = found.map((path) => path.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    for (const path of found) {
      expect(path.length).toBeLessThanOrEqual(5);
      expect(new Set(path.nodes.map((node) => node.id)).size).toBe(path.nodes.length);
      expect(path.steps).toHaveLength(path.length);
    }
  });

  it('gives two nodes joined by several relationships one path, however many join them', async () => {
    // music-producer and sound-engineer are joined by RELATED_TO (both ways) and COLLABORATES_WITH.
    const found = await paths({ from: 'music-producer', to: 'sound-engineer', maxHops: 3, first: 10 });
    expect(found.length).toBe(10);
    const sequences = found.map((path) => path.nodes.map((node) => node.id).join(' '));
    expect(new Set(sequences).size).toBe(found.length);
  });

  it('finds parallel relationships only of the types the search checks for them', async () => {
    // The search skips the check on other types (PARALLEL_RELATIONS): a parallel of one would double paths.
    const { records } = await api.database.driver.executeQuery(
      `MATCH (a)-[r]-(b) WHERE type(r) IN $types AND elementId(a) < elementId(b)
       WITH a, b, collect(type(r)) AS types WHERE size(types) > 1
       UNWIND types AS type RETURN DISTINCT type ORDER BY type`,
      { types: [...PUBLIC_RELATIONS] },
      { database: testDatabase.database },
    );
    const parallel = records.map((record) => record.get('type') as string);
    expect(parallel.length).toBeGreaterThan(0);
    for (const type of parallel) expect(PARALLEL_RELATIONS).toContain(type);
  });

  it('returns an empty list when no path is short enough', async () => {
    // lighting engineer → audio engineer → sound engineer → theater is the shortest: 3 hops.
    expect(await paths({ from: 'lighting-engineer', to: 'theater', maxHops: 2 })).toEqual([]);
    expect((await paths({ from: 'lighting-engineer', to: 'theater', maxHops: 3 }))[0]?.length).toBe(3);
  });

  it('uses only the relations in via', async () => {
    const found = await paths({ from: 'audio-engineer', to: 'movie-producer', via: ['HAS_RESPONSIBILITY'], first: 10 });
    expect(found[0]?.nodes.map((node) => node.id)).toEqual(['audio-engineer', 'manage-creative-personnel', 'movie-producer']);
    for (const path of found) for (const step of path.steps) expect(step.relations).toEqual(['HAS_RESPONSIBILITY']);
  });

  it('answers a node with itself as a path of length 0', async () => {
    expect(await paths({ from: 'mixing', to: 'mixing' })).toEqual([
      { length: 0, explanation: 'Mixing.', nodes: [{ id: 'mixing' }], steps: [] },
    ]);
  });

  it.each([0, 7])('refuses maxHops = %p with BAD_USER_INPUT before any database call', async (maxHops) => {
    const response = await api.query(PATHS, { from: 'music-producer', to: 'theater', maxHops });
    expectGraphQLError(response, { code: 'BAD_USER_INPUT', extensionsContaining: { argument: 'maxHops' } });
    expect(response.extensions?.queryStats?.cypherRoundTrips).toBe(0);
  });

  it('says NOT_FOUND for unknown ends', async () => {
    const response = await api.query(PATHS, { from: 'nowhere', to: 'theater' });
    expectGraphQLError(response, { code: 'NOT_FOUND', extensions: { ids: ['nowhere'] } });
  });
});

describe('neighborhood', () => {
  const QUERY = `query ($id: ID!, $depth: Int, $limit: Int) { neighborhood(id: $id, depth: $depth, limit: $limit) {
    nodes { id kind label depth } edges { from to relation } truncated } }`;

  it('draws the lighting engineer with its one related career and one duty', async () => {
    const { data } = await api.query(QUERY, { id: 'lighting-engineer' });
    expect(data?.neighborhood.nodes).toEqual([
      { id: 'lighting-engineer', kind: 'Role', label: 'Lighting engineer', depth: 0 },
      { id: 'audio-engineer', kind: 'Role', label: 'Audio engineer', depth: 1 },
      { id: 'work-behind-the-scenes', kind: 'Responsibility', label: 'Working behind the scenes of a creative production', depth: 1 },
    ]);
    const edges = data?.neighborhood.edges.map((edge: { from: string; to: string; relation: string }) => `${edge.from} ${edge.relation} ${edge.to}`);
    expect(new Set(edges)).toEqual(
      new Set([
        'audio-engineer RELATED_TO lighting-engineer',
        'lighting-engineer HAS_RESPONSIBILITY work-behind-the-scenes',
        'audio-engineer HAS_RESPONSIBILITY work-behind-the-scenes',
      ]),
    );
    expect(data?.neighborhood.truncated).toBe(false);
  });

  it('labels figures by their amount', async () => {
    const { data } = await api.query(QUERY, { id: 'audio-engineer' });
    const labels = data?.neighborhood.nodes.filter((node: { kind: string }) => node.kind.endsWith('Figure')).map((node: { label: string }) => node.label);
    expect(new Set(labels)).toEqual(new Set(['44850 USD (median)', '8% growth (2014-2024)']));
  });

  it('cuts at limit and says so', async () => {
    const { data } = await api.query(QUERY, { id: 'music-producer', depth: 2, limit: 5 });
    expect(data?.neighborhood.nodes).toHaveLength(5);
    expect(data?.neighborhood.truncated).toBe(true);
    for (const edge of data?.neighborhood.edges ?? []) {
      const kept = new Set(data?.neighborhood.nodes.map((node: { id: string }) => node.id));
      expect(kept.has(edge.from) && kept.has(edge.to)).toBe(true);
    }
  });

  it.each([0, 4])('refuses depth = %p with BAD_USER_INPUT', async (depth) => {
    const response = await api.query(QUERY, { id: 'mixing', depth });
    expectGraphQLError(response, { code: 'BAD_USER_INPUT', extensionsContaining: { argument: 'depth' } });
  });

  it('says NOT_FOUND for an unknown id', async () => {
    const response = await api.query(QUERY, { id: 'nowhere' });
    expectGraphQLError(response, { code: 'NOT_FOUND', extensions: { ids: ['nowhere'] } });
  });
});

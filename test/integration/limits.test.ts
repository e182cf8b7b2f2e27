import { randomUUID } from 'node:crypto';
import { LIMITS } from '../../src/server/limits';
import { expectGraphQLError, expectGraphQLErrors, expectNoErrors, type ExpectedGraphQLError } from '../support/expect-graphql-error';
import { readCurated } from '../../src/data/read-curated';
import { startTestApi, type TestApi } from './test-api';

/**
 * `{ sources { id } }`, the cheap query of these tests: estimated 40 (a list of
 * objects assumed to hold 20, each with one field), and costing what it returns, 2 per
 * source of the curated graph.
 */
const SOURCES = '{ sources { id } }';
const SOURCES_ESTIMATE = LIMITS.assumedListSize * 2;
const SOURCES_COST = 2 * readCurated().sources.length;

/**
 * How many such queries a budget of `budget` answers before one is refused: each
 * needs its estimate free to start, and is charged its cost once answered.
 */
function answeredBefore429(budget: number): number[] {
  const remaining: number[] = [];
  for (let left = budget; left >= SOURCES_ESTIMATE; left -= SOURCES_COST) remaining.push(left - SOURCES_COST);
  return remaining;
}

/** Sends SOURCES until one is refused: the remaining budget each answer reported, then the refusal. */
async function spendUntilRefused(api: TestApi, headers: Record<string, string> = {}): Promise<{ remaining: number[]; refused: Awaited<ReturnType<TestApi['query']>> }> {
  const remaining: number[] = [];
  for (let n = 0; n < 1_000; n += 1) {
    const response = await api.query(SOURCES, {}, headers);
    if (response.status === 429) return { remaining, refused: response };
    expectNoErrors(response);
    remaining.push(Number(response.headers.get('ratelimit-remaining')));
  }
  throw new Error('the budget was never spent');
}

/**
 * Every limit is enforced before any database call, with a code naming it.
 * Each test breaks one limit by one step and checks that the query just inside it passes.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

/** `depth` levels: skill { roles { skills { skill { roles ... } } } }, ending with a scalar. */
const nested = (depth: number) => {
  const cycle = ['roles', 'skills', 'skill'];
  const leaf = ['id', 'inferred', 'id']; // the scalar to end with after roles, skills or skill
  const fields = ['skill(id: "mixing")', ...Array.from({ length: depth - 2 }, (_, i) => cycle[i % 3])];
  const last = depth - 2 > 0 ? leaf[(depth - 3) % 3] : 'id';
  return `{ ${fields.reduceRight((inner, field) => `${field} { ${inner} }`, last as string)} }`;
};

async function expectRefused(query: string, error: ExpectedGraphQLError) {
  const response = await api.query(query);
  expect(response.status).toBe(400);
  expect(response.data).toBeUndefined();
  expectGraphQLError(response, error);
  expect(response.extensions?.queryStats?.cypherRoundTrips).toBe(0);
  return response;
}

describe('limits before execution', () => {
  it(`caps depth at ${LIMITS.maxDepth}`, async () => {
    // At the depth limit the query passes depth (and, nesting lists, is then refused for its cost).
    const atLimit = await api.query(nested(LIMITS.maxDepth));
    expectGraphQLErrors(atLimit, [{ code: 'COST_LIMIT_EXCEEDED' }]);
    await expectRefused(nested(LIMITS.maxDepth + 1), { code: 'DEPTH_LIMIT_EXCEEDED', extensionsContaining: { limit: LIMITS.maxDepth } });
  });

  it(`caps aliases at ${LIMITS.maxAliases}`, async () => {
    const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: sources { id }`).join(' ')} }`;
    expectNoErrors(await api.query(aliases(LIMITS.maxAliases)));
    await expectRefused(aliases(LIMITS.maxAliases + 1), { code: 'ALIAS_LIMIT_EXCEEDED' });
  });

  it(`caps directives at ${LIMITS.maxDirectives}`, async () => {
    const directives = (count: number) =>
      `{ ${Array.from({ length: count }, (_, i) => `t${i}: __typename @include(if: true)`).join(' ')} }`;
    expectNoErrors(await api.query(directives(LIMITS.maxDirectives)));
    await expectRefused(directives(LIMITS.maxDirectives + 1), { code: 'DIRECTIVE_LIMIT_EXCEEDED' });
  });

  it(`caps tokens at ${LIMITS.maxTokens}`, async () => {
    await expectRefused(`{ ${'__typename '.repeat(LIMITS.maxTokens)} }`, { code: 'TOKEN_LIMIT_EXCEEDED' });
  });

  it(`caps the document at ${LIMITS.maxDocumentLength} characters`, async () => {
    const padded = (length: number) => {
      const query = '{ sources { id } }';
      return `${query}#${'x'.repeat(length - query.length - 1)}`;
    };
    expectNoErrors(await api.query(padded(LIMITS.maxDocumentLength)));
    await expectRefused(padded(LIMITS.maxDocumentLength + 1), { code: 'DOCUMENT_TOO_LARGE' });
  });

  it(`refuses an operation costing more than ${LIMITS.maxCost}, and reports the cost of every other`, async () => {
    const cheap = await api.query(SOURCES);
    // sources is a list of assumed size 20: 20 × (1 + id) = 40; it returned 2 per source.
    expect(cheap.extensions?.cost).toEqual({ requested: SOURCES_ESTIMATE, actual: SOURCES_COST, limit: LIMITS.maxCost });
    // A role's skills are assumed as many as the most of any role on the real releases
    // (@listSize 400): 1 × (1 + id + name + 400 × (1 + 1 × (1 + id))); it costs what came back.
    const role = await api.query('{ role(id: "music-producer") { id name skills { skill { id } } } }');
    expectNoErrors(role);
    const skills = (role.data?.role.skills as unknown[]).length;
    expect(skills).toBeGreaterThan(5);
    expect(role.extensions?.cost).toEqual({ requested: 3 + 400 * 3, actual: 3 + skills * 3, limit: LIMITS.maxCost });
    const { errors } = await expectRefused(
      '{ roles(first: 100) { edges { node { skills { skill { roles { name } } } } } } }',
      { code: 'COST_LIMIT_EXCEEDED' },
    );
    expect(errors?.[0]?.extensions?.cost).toBeGreaterThan(LIMITS.maxCost);
  });

  it('refuses, under the default limit, a role with the roles of each of its skills, and answers it under a raised one', async () => {
    // 400 skills (@listSize), each with 900 roles: 1 × (1 + 400 × (1 + 1 × (1 + 900 × (1 + id)))). On the real
    // releases it may return hundreds of thousands of roles, however few the curated graph holds.
    const query = '{ role(id: "music-producer") { skills { skill { roles { id } } } } }';
    const estimate = 1 + 400 * (1 + 1 + 900 * 2);
    const { errors } = await expectRefused(query, { code: 'COST_LIMIT_EXCEEDED', extensionsContaining: { limit: LIMITS.maxCost } });
    expect(errors?.[0]?.extensions?.cost).toBe(estimate);
    const raised = await startTestApi(undefined, { maxCost: 1_000_000 });
    try {
      const answer = await raised.query(query);
      expectNoErrors(answer);
      expect(answer.extensions?.cost).toMatchObject({ requested: estimate, limit: 1_000_000 });
    } finally {
      await raised.close();
    }
  });

  it("adds an analytic query's database work (@cost) to what it returns, before and after", async () => {
    const response = await api.query('{ paths(from: "music-producer", to: "theater", first: 2) { length } }');
    expectNoErrors(response);
    const found = (response.data?.paths as unknown[]).length;
    expect(found).toBeGreaterThan(0);
    // paths has @cost(weight: 2500): 2500 + 2 × (1 + length); it returned 1 + length per path.
    expect(response.extensions?.cost).toEqual({ requested: 2500 + 2 * 2, actual: 2500 + 2 * found, limit: LIMITS.maxCost });
  });

  it('answers a body over the size limit with 413 and a GraphQL error', async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ role(id: "${'x'.repeat(LIMITS.maxBodyBytes)}") { id } }` }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: `Request body over ${LIMITS.maxBodyBytes} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  it('answers body errors and unknown paths as JSON GraphQL errors, never an HTML page or a stack', async () => {
    const encoded = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'unknown' },
      body: JSON.stringify({ query: '{ sources { id } }' }),
    });
    expect(encoded.status).toBe(415);
    expect(await encoded.json()).toEqual({
      errors: [{ message: expect.stringContaining('content encoding'), extensions: { code: 'BAD_USER_INPUT' } }],
    });
    const nowhere = await fetch(`${api.baseUrl}/nowhere`);
    expect(nowhere.status).toBe(404);
    expect(await nowhere.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'NOT_FOUND' } }] });
  });

  it('refuses batched requests and requests without a JSON content type (CSRF prevention)', async () => {
    const batched = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ sources { id } }' }, { query: '{ sources { id } }' }]),
    });
    expect(batched.status).toBe(400);
    const simple = await fetch(`${api.baseUrl}/graphql?query=${encodeURIComponent('{ sources { id } }')}`);
    expect(simple.status).toBe(400);
  });
});

describe('a client’s budget', () => {
  let limited: TestApi;
  beforeAll(async () => {
    limited = await startTestApi(undefined, { budget: { points: 100, windowSeconds: 60 } });
  });
  afterAll(() => limited.close());

  it('is charged what each answer cost, reported on every response and, once spent, refused with 429 and when to retry', async () => {
    const first = await limited.query(SOURCES);
    expect(first.extensions?.budget).toMatchObject({ limit: 100, remaining: 100 - SOURCES_COST });
    expect(first.headers.get('ratelimit-remaining')).toBe(String(100 - SOURCES_COST));
    const { remaining, refused } = await spendUntilRefused(limited);
    expect([100 - SOURCES_COST, ...remaining]).toEqual(answeredBefore429(100));
    expect(refused.status).toBe(429);
    const retry = Number(refused.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expectGraphQLError(refused, { code: 'RATE_LIMITED', extensionsContaining: { limit: 100 }, message: expect.stringContaining(`Retry in ${retry} s`) });
  });

});

describe('API keys', () => {
  const PARTNER_KEY = 'partner-key-3c9e1f7a5b2d4e6f8a0c1e3b5d7f9a2c';
  let keyed: TestApi;
  beforeAll(async () => {
    keyed = await startTestApi(undefined, { budget: { points: 100, windowSeconds: 60 }, apiKeys: [{ name: 'partner', key: PARTNER_KEY }] });
  });
  afterAll(() => keyed.close());
  const randomKey = () => `${randomUUID()}${randomUUID()}`;

  it('give no budget of their own when invented: an unknown key is refused, and the address is limited as without one', async () => {
    // A fresh invented key per request: each is refused before it is charged anything.
    for (let request = 0; request < 5; request += 1) {
      const invented = await keyed.query('{ sources { id } }', {}, { 'x-api-key': randomKey() });
      expect(invented.status).toBe(401);
      expect(invented.data).toBeUndefined();
      expectGraphQLError(invented, { code: 'UNAUTHENTICATED', message: expect.stringContaining('x-api-key') });
    }
    // The address's own budget is whole, and runs out as it would have anyway.
    const { remaining } = await spendUntilRefused(keyed);
    expect(remaining).toEqual(answeredBefore429(100));
    // Inventing a key does not get round it.
    const invented = await keyed.query('{ sources { id } }', {}, { 'x-api-key': randomKey() });
    expect(invented.status).toBe(401);
    expect(invented.data).toBeUndefined();
  });

  it('give a configured key a budget of its own', async () => {
    // The address spent its budget above; the partner's key has all of its own.
    const { remaining, refused } = await spendUntilRefused(keyed, { 'x-api-key': PARTNER_KEY });
    expect(remaining).toEqual(answeredBefore429(100));
    expectGraphQLError(refused, { code: 'RATE_LIMITED' });
  });

  it('refuse every key where none is configured', async () => {
    const response = await api.query('{ sources { id } }', {}, { 'x-api-key': PARTNER_KEY });
    expect(response.status).toBe(401);
    expectGraphQLError(response, { code: 'UNAUTHENTICATED', message: expect.stringContaining('no API keys') });
  });
});

describe('production mode', () => {
  let production: TestApi;
  beforeAll(async () => {
    production = await startTestApi(undefined, { production: true });
  });
  afterAll(() => production.close());

  it('turns introspection off, saying which setting turns it on, without naming Apollo Server', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Role") { name } }']) {
      const refused = await production.query(query);
      expect(refused.status).toBe(400);
      expect(refused.data).toBeUndefined();
      expectGraphQLError(refused, { code: 'GRAPHQL_VALIDATION_FAILED', message: expect.stringContaining('INTROSPECTION=true') });
      for (const error of refused.errors ?? []) expect(error.message).not.toMatch(/apollo/i);
    }
    expectNoErrors(await api.query('{ __schema { queryType { name } } }'));
  });

  it('names no Apollo Server in what it refuses', async () => {
    const refusals = [
      await production.query('{ __schema { queryType { name } } }'),
      await production.query('subscription { sources { id } }'),
      await production.query('{ sources { id } }', {}, { 'content-type': 'text/plain' }),
      await production.query('query A { sources { id } } query B { sources { id } }'),
    ];
    for (const refusal of refusals) {
      expect(refusal.errors?.length).toBeGreaterThan(0);
      for (const error of refusal.errors ?? []) expect(error.message).not.toMatch(/ApolloServer|Apollo Server/);
    }
  });

  it.each([
    ['an enum value in the document', '{ search(text: "mix", kinds: [ROL]) { name } }', {}, /Did you mean the enum value "ROLE"/],
    ['an enum value in a variable', 'query ($kinds: [NodeKind!]) { search(text: "mix", kinds: $kinds) { name } }', { kinds: ['ROL'] }, /Did you mean the enum value "ROLE"/],
    ['an argument', '{ roles(firsst: 1) { totalCount } }', {}, /Did you mean "first"/],
    ['an input field', '{ recommendRoles(skills: ["mixing"], filter: { taxonomy: [CURATED] }) { score } }', {}, /Did you mean "taxonomies"/],
    ['a type', 'query ($kinds: [NodeKnd!]) { search(text: "mix", kinds: $kinds) { name } }', {}, /Did you mean "NodeKind"/],
  ])('suggests no name for %s, where development does', async (_case, query, variables, suggestion) => {
    const development = await api.query(query, variables);
    expect(development.errors?.[0]?.message).toMatch(suggestion);
    const answer = await production.query(query, variables);
    expect(answer.errors?.length).toBeGreaterThan(0);
    for (const error of answer.errors ?? []) expect(error.message).not.toMatch(/Did you mean|Suggestion/);
    expect(answer.errors?.[0]?.extensions?.code).toBe(development.errors?.[0]?.extensions?.code);
  });

  it('gives no field suggestions', async () => {
    const { errors } = await production.query('{ sourcez { id } }');
    expect(errors?.[0]?.message).not.toMatch(/Did you mean/);
    const development = await api.query('{ sourcez { id } }');
    expect(development.errors?.[0]?.message).toMatch(/Did you mean "sources"/);
  });
});

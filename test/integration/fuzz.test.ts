import { graphFingerprint } from '../support/graph-fingerprint';
import { fetchKnownIds, hostileCases } from '../../scripts/fuzz/hostile-cases';
import { fetchLiveSchema } from '../../scripts/fuzz/live-schema';
import { closeConnections } from '../../scripts/fuzz/send';
import { fire, Tally, type Violation } from '../../scripts/fuzz/tally';
import { startTestApi, type TestApi } from './test-api';

/**
 * The small version of `npm run fuzz`: the same generator and the same checks,
 * a few hundred requests against the real server over the suite's Neo4j.
 */
const REQUESTS = 300;
const SEED = 4;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  closeConnections();
  await api.close();
});

/** One line per broken rule, with an example, so a failure says what to look at. */
function describeViolations(violations: Violation[]): string[] {
  const byRule = new Map<string, Violation>();
  for (const violation of violations) if (!byRule.has(violation.rule)) byRule.set(violation.rule, violation);
  return [...byRule.values()].map(
    (item) =>
      `${item.rule} [${item.source}: ${item.note}] ${item.request.method} ${item.request.path} ${(item.request.body ?? '').slice(0, 200)}` +
      ` -> ${item.response.status} ${item.response.body.slice(0, 200)}`,
  );
}

describe('hostile requests', () => {
  it(`answers ${REQUESTS} of them without a 5xx, a leak or an unknown error code, refuses every mutation, and leaves the graph as it was`, async () => {
    const before = await graphFingerprint(api.database);
    const graphqlUrl = `${api.baseUrl}/graphql`;
    const { schema } = await fetchLiveSchema(graphqlUrl);
    const ids = await fetchKnownIds(graphqlUrl);
    expect(ids.length).toBeGreaterThan(10);

    const tally = new Tally();
    await fire(api.baseUrl, hostileCases({ schema, ids }, { seed: SEED, count: REQUESTS }), 4, tally);

    expect(tally.requests).toBe(REQUESTS);
    // Every kind of case was sent, and both the refusals and real answers happened.
    for (const kind of ['transport', 'limits', 'valid', 'injection', 'wrong-types', 'invalid-document']) {
      expect(tally.bySource.get(`hostile:${kind}`)).toBeGreaterThan(0);
    }
    expect(tally.byCode.get('none')).toBeGreaterThan(0);
    expect(tally.byStatus.get('413')).toBeGreaterThan(0);
    expect(describeViolations(tally.violations)).toEqual([]);
    expect(await graphFingerprint(api.database)).toEqual(before);
    expect((await fetch(`${api.baseUrl}/health`)).status).toBe(200);
  }, 60_000);

  it('keeps every rule with a budget that runs out: each refusal a 429 that says RATE_LIMITED and when to retry', async () => {
    // A service of its own whose budget a few hundred requests spend (the suite's never runs out).
    const budgeted = await startTestApi(undefined, { budget: { points: 20_000, windowSeconds: 60 } });
    try {
      const before = await graphFingerprint(budgeted.database);
      const graphqlUrl = `${budgeted.baseUrl}/graphql`;
      const { schema } = await fetchLiveSchema(graphqlUrl);
      const ids = await fetchKnownIds(graphqlUrl);
      const tally = new Tally();
      await fire(budgeted.baseUrl, hostileCases({ schema, ids }, { seed: SEED + 1, count: REQUESTS }), 4, tally);
      expect(tally.requests).toBe(REQUESTS);
      // Both happened: answers while the budget lasted, refusals once it was spent.
      expect(tally.byCode.get('none')).toBeGreaterThan(0);
      expect(tally.byStatus.get('429')).toBeGreaterThan(0);
      expect(tally.byCode.get('RATE_LIMITED')).toBeGreaterThan(0);
      expect(describeViolations(tally.violations)).toEqual([]);
      expect(await graphFingerprint(budgeted.database)).toEqual(before);
      expect((await fetch(`${budgeted.baseUrl}/health`)).status).toBe(200);
    } finally {
      await budgeted.close();
    }
  }, 60_000);
});

import { loadCypherCatalog } from '../../src/database/cypher-catalog';
import { LIMITS } from '../../src/server/limits';
import { startTestApi, type TestApi } from './test-api';
import { testDatabase } from './test-database';

/**
 * Admission control under a flood: one client keeps the heaviest requests the limits
 * allow (15 aliased path searches, 15 statements each) in flight on twice as many
 * connections as its cap admits, sending again 100 ms after each refusal, while a
 * second client reads one role after another and /health is polled. Each path search
 * is a statement swapped into the real catalog that burns a core of Neo4j for a
 * while, as a search through hubs does on a large graph; the rest is the real server
 * on the suite's real Neo4j. The same flood with admission off (every limit at 1,000)
 * measured a p99 of 2.4 s for the cheap reads, /health answering 10 times in 8 s.
 */

/** A tenth of a second or so of one core in Neo4j, then both roles found and no path between them. */
const BURNS_A_CORE = 'UNWIND range(1, 1000000) AS i WITH count(i) AS n RETURN n > 0 AS fromFound, n > 0 AS toFound, [] AS paths';

const FLOOD_MS = 8_000;
/** The flooder's connections: twice what its per-client cap admits. */
const FLOOD_CONNECTIONS = 8;
const ADMISSION = { maxInFlight: 8, maxQueued: 8, maxHeavyInFlight: 1, maxPerClient: 4, maxHeavyStatements: 1 };
/** The target for the second client's cheap reads during the flood, printed beside the figure. */
const CHEAP_P99_MS = 250;

const FLOODER = { name: 'flooder', key: 'f'.repeat(32) };
const READER = { name: 'reader', key: 'r'.repeat(32) };
/** The heaviest request the limits allow: as many path searches as aliases, each a statement of its own. */
const HEAVY = `query Heavy { ${Array.from({ length: LIMITS.maxAliases }, (_, n) => `p${n}: paths(from: "music-producer", to: "sound-engineer") { length }`).join(' ')} }`;
const CHEAP = 'query Cheap { role(id: "sound-engineer") { name } }';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

describe('admission control, while one client floods heavy queries', () => {
  let api: TestApi;
  beforeAll(async () => {
    const catalog = { ...loadCypherCatalog(), 'paths-between/4': BURNS_A_CORE };
    api = await startTestApi(undefined, { apiKeys: [FLOODER, READER], admission: ADMISSION }, { catalog, queryTimeoutMs: 30_000 });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('holds the heavy statements to their cap, refuses the excess with Retry-After, never refuses or fails the other client, and /health stays up', async () => {
    // Warm up: the first request of a kind plans its statements.
    expect((await api.query(CHEAP, {}, { 'x-api-key': READER.key })).data).toEqual({ role: { name: 'Sound engineer' } });
    expect(Object.values((await api.query(HEAVY, {}, { 'x-api-key': FLOODER.key })).data ?? {})).toEqual(Array(LIMITS.maxAliases).fill([]));

    const until = Date.now() + FLOOD_MS;
    const flood = { answered: 0, refused: 0, other: [] as string[], retryAfter: new Set<string | null>(), refusalMs: [] as number[] };
    const flooder = async () => {
      while (Date.now() < until) {
        const started = Date.now();
        const response = await api.query(HEAVY, {}, { 'x-api-key': FLOODER.key });
        const code = response.errors?.[0]?.extensions?.code;
        if (response.status === 200 && response.errors === undefined) flood.answered += 1;
        else if (response.status === 429 && code === 'CONCURRENCY_LIMITED') {
          flood.refused += 1;
          flood.refusalMs.push(Date.now() - started);
          flood.retryAfter.add(response.headers.get('retry-after'));
          await sleep(100);
        } else flood.other.push(`${response.status} ${String(code)}`);
      }
    };
    const cheap = { latencies: [] as number[], failures: [] as string[] };
    const reader = async () => {
      await sleep(500); // the flood is under way
      while (Date.now() < until) {
        const started = performance.now();
        const response = await api.query(CHEAP, {}, { 'x-api-key': READER.key });
        cheap.latencies.push(performance.now() - started);
        if (response.status !== 200 || response.errors !== undefined || response.data?.role?.name !== 'Sound engineer') {
          cheap.failures.push(`${response.status} ${JSON.stringify(response.errors ?? response.data)}`);
        }
      }
    };
    // What reaches Neo4j: the path statements running at each moment.
    const heavyInNeo4j: number[] = [];
    const sampler = async () => {
      while (Date.now() < until) {
        const { records } = await api.database.driver.executeQuery(
          `SHOW TRANSACTIONS YIELD metaData WHERE metaData.app = 'careers-graph' AND metaData.query = 'paths-between/4' RETURN count(*) AS running`,
          {},
          { database: testDatabase.database },
        );
        heavyInNeo4j.push(Number(records[0]?.get('running')));
        await sleep(50);
      }
    };
    const health: number[] = [];
    const prober = async () => {
      while (Date.now() < until) {
        health.push((await fetch(`${api.baseUrl}/health`)).status);
        await sleep(100);
      }
    };
    await Promise.all([...Array.from({ length: FLOOD_CONNECTIONS }, flooder), reader(), prober(), sampler()]);

    const sorted = [...cheap.latencies].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p99 = percentile(sorted, 99);
    console.log(
      `admission flood: flooder ${flood.answered} answered, ${flood.refused} refused (429, slowest refusal ${Math.max(...flood.refusalMs)} ms); ` +
        `reader ${sorted.length} reads, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (target ${CHEAP_P99_MS}), max ${sorted.at(-1)?.toFixed(1)} ms; ` +
        `/health ${health.length} probes; path statements in Neo4j at once: at most ${Math.max(...heavyInNeo4j)} in ${heavyInNeo4j.length} samples`,
    );

    // The flood was real: the flooder's work ran, and what went over its cap was refused.
    expect(flood.answered).toBeGreaterThan(0);
    expect(flood.refused).toBeGreaterThan(0);
    expect(flood.other).toEqual([]);
    expect([...flood.retryAfter]).toEqual(['1']);
    // What keeps cheap reads fast: however many the flooder sends, the database runs at
    // most maxHeavyStatements of them at a time (and it did run them).
    expect(Math.max(...heavyInNeo4j)).toBeLessThanOrEqual(ADMISSION.maxHeavyStatements);
    expect(Math.max(...heavyInNeo4j)).toBeGreaterThan(0);
    // The second client was never refused nor failed. Its latency is printed above, not
    // asserted: a timing depends on the machine (see docs/operations.md#limits for the figures).
    expect(cheap.failures).toEqual([]);
    expect(sorted.length).toBeGreaterThan(0);
    // /health never flapped.
    expect(health.length).toBeGreaterThan(0);
    expect(health.filter((status) => status !== 200)).toEqual([]);
  }, 60_000);
});

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import readline from 'node:readline';
import { Redis } from 'ioredis';
import { describeNeeding } from '../support/outside-repo';
import { spawnService } from '../support/service-process';
import { TEST_URI_VARIABLE, testDatabase } from './test-database';

/**
 * Two API processes on the suite's Neo4j and one Redis (Debian's redis-server,
 * started here on loopback): a client's budget is spent once across both, not once
 * in each. Then Redis stops, and both go on answering from budgets of their own.
 */

const redisServer = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
const REDIS = {
  what: 'redis-server',
  available: redisServer.status === 0,
  howToGet: "install Debian's redis-server (bash scripts/install-system-deps.sh does)",
};

const BUDGET = 100;
const KEY = { name: 'partner', key: 'p'.repeat(40) };
const QUERY = '{ roles(first: 4) { edges { node { id name } } } }';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Resolves with the first line of the child's stdout matching `pattern`; rejects if it exits first or after `timeoutMs`. */
function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = 90_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const seen: string[] = [];
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; output: ${seen.slice(-5).join(' | ')}`)), timeoutMs);
    lines.on('line', (line) => {
      seen.push(line);
      if (pattern.test(line)) {
        clearTimeout(timer);
        resolve(line);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before a line matching ${pattern}; output: ${seen.slice(-5).join(' | ')}`));
    });
  });
}

async function startApi(redisUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const uri = process.env[TEST_URI_VARIABLE];
  if (!uri) throw new Error('the suite global setup did not run');
  const child = spawnService({
    NEO4J_URI: uri,
    NEO4J_USER: testDatabase.user,
    NEO4J_PASSWORD: testDatabase.password,
    NEO4J_DATABASE: testDatabase.database,
    SEED_CURATED: 'false',
    REDIS_URL: redisUrl,
    RATE_LIMIT_BUDGET: String(BUDGET),
    RATE_LIMIT_WINDOW_SECONDS: '600',
    API_KEYS: `${KEY.name}:${KEY.key}`,
  });
  const ready = await waitForLine(child, /careers-graph ready at/);
  return { child, url: /http:\/\/[\d.]+:\d+\/graphql/.exec(ready)?.[0] as string };
}

/** One request: its status, its estimated cost (what it needs free to start), its cost once answered (what it is charged), the budget left. */
async function ask(url: string): Promise<{ status: number; requested: number; cost: number; remaining: string | null }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': KEY.key }, body: JSON.stringify({ query: QUERY }) });
  const body = (await response.json()) as { extensions?: { cost?: { requested?: number; actual?: number } } };
  return { status: response.status, requested: body.extensions?.cost?.requested ?? 0, cost: body.extensions?.cost?.actual ?? 0, remaining: response.headers.get('ratelimit-remaining') };
}

function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describeNeeding(REDIS, 'budgets shared through Redis', () => {
  let redisProcess: ChildProcess;
  let redisUrl: string;
  let apis: { child: ChildProcess; url: string }[] = [];

  beforeAll(async () => {
    const port = await freePort();
    redisProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    await waitForLine(redisProcess, /Ready to accept connections/, 20_000);
    redisUrl = `redis://127.0.0.1:${port}`;
    apis = await Promise.all([startApi(redisUrl), startApi(redisUrl)]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(apis.map((api) => stopped(api.child)));
    if (redisProcess) await stopped(redisProcess);
  });

  it('spends one budget across two API processes, not one each', async () => {
    const [a, b] = apis;
    if (!a || !b) throw new Error('the two API processes did not start');
    const answers: Awaited<ReturnType<typeof ask>>[] = [];
    // Alternately, until both refuse.
    for (let n = 0; answers.filter((answer) => answer.status === 429).length < 2 && n < 200; n += 1) answers.push(await ask(n % 2 === 0 ? a.url : b.url));
    const answered = answers.filter((answer) => answer.status === 200);
    const cost = answered[0]?.cost ?? 0;
    const requested = answered[0]?.requested ?? 0;
    expect(cost).toBeGreaterThan(0);
    expect(requested).toBeGreaterThanOrEqual(cost);
    // Each request needs its estimate free to start, and is charged its cost once answered.
    let answerable = 0;
    for (let left = BUDGET; left >= requested; left -= cost) answerable += 1;
    // Each process answered some, and together no more than one budget covers.
    expect(answers.filter((answer, n) => n % 2 === 0 && answer.status === 200).length).toBeGreaterThan(0);
    expect(answers.filter((answer, n) => n % 2 === 1 && answer.status === 200).length).toBeGreaterThan(0);
    expect(answered).toHaveLength(answerable);
    // The remaining budget each process reports counts the other's answers too.
    expect(answered.map((answer) => Number(answer.remaining))).toEqual(answered.map((_, n) => BUDGET - (n + 1) * cost));

    // And the budget is a key in Redis, under the client's name, never its key.
    const redis = new Redis(redisUrl);
    try {
      const keys = await redis.keys('careers-graph:budget:*');
      expect(keys).toEqual(['careers-graph:budget:key:partner']);
      // Every answered request was charged its cost; every refused one, its estimate (the limiter counts what was asked).
      expect(Number(await redis.get(keys[0] as string))).toBe(answered.length * cost + (answers.length - answered.length) * requested);
    } finally {
      redis.disconnect();
    }
  });

  it('goes on answering when Redis stops, each process from a budget of its own', async () => {
    await stopped(redisProcess);
    for (const api of apis) {
      const answer = await ask(api.url);
      expect(answer.status).toBe(200);
    }
  });
});

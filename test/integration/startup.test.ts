import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { repoRoot } from '../../src/config/repo-root';

/**
 * When the service cannot start, it says why in one line on stderr and exits
 * non-zero, without a stack trace.
 */
function startService(environment: Record<string, string>): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join('src', 'main.ts')], {
    cwd: repoRoot(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...environment },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

/** Resolves with the first stdout line matching `pattern`, or rejects when the process ends first. */
function waitForLine(child: ReturnType<typeof spawn>, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((candidate) => pattern.test(candidate));
      if (line) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`service exited (${String(code)}) before printing ${pattern}`)));
  });
}

const expectOneLine = (stderr: string, pattern: RegExp) => {
  expect(stderr.split('\n')).toHaveLength(1);
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
};

describe('a service that cannot start', () => {
  it('names the bad setting', () => {
    const { status, stderr } = startService({ PORT: 'eighty' });
    expect(status).toBe(1);
    expectOneLine(stderr, /^careers-graph: Invalid configuration: PORT: /);
  });

  it('says when the configured Neo4j cannot be reached', () => {
    const { status, stderr } = startService({ NEO4J_URI: 'bolt://127.0.0.1:9', NEO4J_PASSWORD: 'whatever-password' });
    expect(status).toBe(1);
    expectOneLine(stderr, /^careers-graph: cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:9: .*check NEO4J_URI/);
  });

  it('says when the local Neo4j cannot start because its port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const { status, stderr } = startService({
        NEO4J_LOCAL_BOLT_PORT: String(port),
        NEO4J_LOCAL_DATA_DIR: path.join('.neo4j', 'startup-test-data'),
      });
      expect(status).toBe(1);
      expectOneLine(stderr, new RegExp(`^careers-graph: cannot start the local Neo4j: .*${port}.*NEO4J_URI`));
    } finally {
      blocker.close();
    }
  });
});

/** The pids of running processes whose command line contains every one of `parts`. */
function processesMatching(...parts: string[]): number[] {
  const listing = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout;
  return listing.split('\n').flatMap((line) => {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    return match && parts.every((part) => match[2]?.includes(part)) ? [Number(match[1])] : [];
  });
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

interface Answer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: unknown[] };
}

/**
 * POSTs a GraphQL request on a connection of its own. `sent` resolves once the
 * whole request has been handed to the operating system.
 */
function post(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  /** Sends the first half of the body at once and the rest when this resolves: a request held in flight. */
  rest?: Promise<void>,
): { sent: Promise<void>; answer: Promise<Answer> } {
  const body = JSON.stringify({ query, variables });
  let sent!: () => void;
  const sentPromise = new Promise<void>((resolve) => (sent = resolve));
  const answer = new Promise<Answer>((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    request.on('finish', sent);
    request.on('error', reject);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        if (!response.complete) return reject(new Error('response cut short'));
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'] });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    if (!rest) {
      request.end(body);
      return;
    }
    const half = Math.floor(body.length / 2);
    request.write(body.slice(0, half));
    void rest.then(() => request.end(body.slice(half)));
  });
  return { sent: sentPromise, answer };
}

/** One Cypher statement each, so 60 at once stay within the driver's pool of 100 connections. */
const PATHS_QUERY = `query InFlight($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxHops: 3, first: 5) { length explanation steps { from to relation } }
}`;
const NEIGHBORHOOD_QUERY = `query InFlight($from: ID!) {
  neighborhood(id: $from, depth: 2, limit: 200) { nodes { id label depth } edges { from to relation } }
}`;
const ROLES = ['music-producer', 'audio-engineer', 'sound-engineer', 'lighting-engineer', 'movie-producer'];
const IN_FLIGHT = 60;

describe('a running service', () => {
  it('starts its own Neo4j, serves the graph, and on SIGTERM finishes in-flight requests, stops Neo4j and exits 0', async () => {
    const dataDir = path.join(repoRoot(), '.neo4j', 'startup-test-data');
    fs.rmSync(dataDir, { recursive: true, force: true });
    // One process, as `npm start` runs it (node dist/main.js), with tsx only compiling: the tsx
    // command would sit in between and kill the service if it took over 30 ms to take a signal.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('src', 'main.ts')], {
      cwd: repoRoot(),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        PORT: '0',
        LOG_LEVEL: 'info',
        NEO4J_LOCAL_BOLT_PORT: String(Number(process.env.NEO4J_TEST_BOLT_PORT || 7698) + 1),
        NEO4J_LOCAL_DATA_DIR: dataDir,
        NEO4J_LOCAL_HEAP: '256m',
        NEO4J_LOCAL_PAGECACHE: '32m',
        // The requests below cost more than a client's default budget.
        RATE_LIMIT_BUDGET: '100000000',
        // What this test checks is the order of shutdown, not latency: on a loaded machine
        // 60 requests at once can take longer than the default 10 s request time limit, and
        // a QUERY_TIMEOUT would fail it for a reason it does not test. The local Neo4j caps
        // a transaction at 30 s, so that is the limit here.
        NEO4J_QUERY_TIMEOUT_MS: '30000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const logLines: string[] = [];
    readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => logLines.push(line));
    // 'close' comes after the output is read to the end.
    const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
    try {
      const ready = await waitForLine(child, /careers-graph ready at/);
      const url = /http:\/\/[\d.]+:\d+\/graphql/.exec(ready)?.[0] as string;
      const first = await post(url, '{ role(id: "sound-engineer") { name } }', {}).answer;
      expect(first.body).toMatchObject({ data: { role: { name: 'Sound engineer' } } });

      // The JVM the service started, found by the data folder on its command line.
      const launchers = processesMatching('Neo4jLocal', dataDir);
      expect(launchers).toHaveLength(1);
      const javaPid = launchers[0] as number;

      // 60 requests at once.
      const requests = Array.from({ length: IN_FLIGHT }, (_, index) => {
        const from = ROLES[index % ROLES.length] as string;
        const to = ROLES[(index + 2) % ROLES.length] as string;
        return index % 2 === 0 ? post(url, PATHS_QUERY, { from, to }) : post(url, NEIGHBORHOOD_QUERY, { from });
      });
      // And one whose body is still arriving when the signal comes: in flight for certain,
      // however fast the machine answers the others.
      let releaseSlow!: () => void;
      const slowReleased = new Promise<void>((resolve) => (releaseSlow = resolve));
      const slow = post(url, 'query SlowBody { role(id: "music-producer") { name } }', {}, slowReleased);
      let answered = 0;
      for (const request of requests) void request.answer.then(() => (answered += 1), () => undefined);
      // SIGTERM once every request is sent and the service is answering them: by then it has read them all.
      await Promise.all(requests.map((request) => request.sent));
      await Promise.all([new Promise((resolve) => setTimeout(resolve, 50)), Promise.race(requests.map((request) => request.answer))]);
      const answeredBeforeSignal = answered;
      child.kill('SIGTERM');
      await waitForLine(child, /shutting down/);
      releaseSlow();
      expect(await slow.answer).toEqual({ status: 200, body: expect.objectContaining({ data: { role: { name: 'Music producer' } } }) });
      const outcomes = await Promise.allSettled(requests.map((request) => request.answer));

      // Every request got a whole answer: none reset, refused or cut short.
      const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [String(outcome.reason)] : []));
      expect(failures).toEqual([]);
      for (const outcome of outcomes) {
        const { status, body } = (outcome as PromiseFulfilledResult<Answer>).value;
        expect(status).toBe(200);
        expect(body.errors).toBeUndefined();
        expect(body.data?.paths ?? body.data?.neighborhood.nodes).not.toHaveLength(0);
      }

      expect(await closed).toBe(0);
      type LogLine = { msg: string; operation?: string };
      const log = logLines.map((line) => JSON.parse(line) as LogLine);
      const inFlight = (line: LogLine) => line.msg === 'graphql request' && line.operation === 'InFlight';
      const shuttingDown = log.findIndex((line) => line.msg === 'shutting down');
      const neo4jStopped = log.findIndex((line) => line.msg.includes('NEO4J_LOCAL_STOPPED'));
      const stopped = log.findIndex((line) => line.msg === 'stopped');
      expect(log.filter(inFlight)).toHaveLength(IN_FLIGHT);
      // The request held open was answered after the signal; how many of the 60 were is reported below.
      const finishedAfterSignal = log.slice(shuttingDown).filter(inFlight).length;
      expect(shuttingDown).toBeGreaterThan(0);
      expect(log.findIndex((line) => line.msg === 'graphql request' && line.operation === 'SlowBody')).toBeGreaterThan(shuttingDown);
      // Then, in this order: the last request finished, Neo4j stopped cleanly, the service said it stopped.
      expect(neo4jStopped).toBeGreaterThan(shuttingDown);
      expect(log.findLastIndex(inFlight)).toBeLessThan(neo4jStopped);
      expect(neo4jStopped).toBeLessThan(stopped);
      expect(stopped).toBe(log.length - 1);
      // And the JVM is gone.
      expect(isRunning(javaPid)).toBe(false);
      expect(processesMatching('Neo4jLocal', dataDir)).toEqual([]);
      process.stderr.write(
        `  SIGTERM with ${IN_FLIGHT - answeredBeforeSignal} of ${IN_FLIGHT} requests unanswered; ${finishedAfterSignal} finished after it\n`,
      );
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});

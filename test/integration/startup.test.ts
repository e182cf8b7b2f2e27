import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { repoRoot } from '../../src/config/repo-root';
import { spawnService } from '../support/service-process';
import { isRunning } from '../support/process-alive';

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
function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
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

interface Answer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: unknown[] };
}

/** POSTs a GraphQL request on a connection of its own. */
function post(url: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const held = hold(url, query, variables);
  held.release();
  return held.answer;
}

/**
 * A request held in flight: its headers go out at once with `Expect: 100-continue`,
 * and `received` resolves when the server answers "100 Continue", that is once it has
 * taken the request (Node's HTTP server does so just before handing it to the app).
 * Its body goes out on `release()`. However fast or slow the machine, the request is
 * in flight from `received` until its body is sent.
 */
function hold(url: string, query: string, variables: Record<string, unknown>): { received: Promise<void>; release(): void; answer: Promise<Answer> } {
  const body = JSON.stringify({ query, variables });
  const request = http.request(url, {
    method: 'POST',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
  });
  const received = new Promise<void>((resolve, reject) => {
    request.once('continue', resolve);
    request.once('error', reject);
  });
  const answer = new Promise<Answer>((resolve, reject) => {
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
  });
  // An unreleased request that fails is reported through `answer`; keep `received` from failing unheard.
  received.catch(() => undefined);
  request.flushHeaders();
  return { received, release: () => request.end(body), answer };
}

const IN_FLIGHT_QUERY = 'query InFlight($id: ID!) { role(id: $id) { name } }';
const ROLES: Record<string, string> = {
  'music-producer': 'Music producer',
  'audio-engineer': 'Audio engineer',
  'sound-engineer': 'Sound engineer',
  'lighting-engineer': 'Lighting engineer',
  'movie-producer': 'Movie producer',
};
const IN_FLIGHT = 20;

describe('a running service', () => {
  it('starts its own Neo4j, serves the graph, and on SIGTERM finishes the requests in flight, refuses new ones, stops Neo4j and exits 0', async () => {
    const dataDir = path.join(repoRoot(), '.neo4j', 'startup-test-data');
    fs.rmSync(dataDir, { recursive: true, force: true });
    const child = spawnService({
      NEO4J_LOCAL_BOLT_PORT: String(Number(process.env.NEO4J_TEST_BOLT_PORT || 7698) + 1),
      NEO4J_LOCAL_DATA_DIR: dataDir,
      NEO4J_LOCAL_HEAP: '256m',
      NEO4J_LOCAL_PAGECACHE: '32m',
      // What this test checks is the order of shutdown, not latency. The requests in flight
      // are cheap, but a loaded machine can be slow with anything; a minute of request time
      // (and so of draining, which waits that long plus 5 s) keeps a timeout out of it.
      NEO4J_QUERY_TIMEOUT_MS: '60000',
      // All the requests in flight come from this one address, over the default per-client cap.
      MAX_OPERATIONS_PER_CLIENT: String(IN_FLIGHT),
    });
    const logLines: string[] = [];
    readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => logLines.push(line));
    // 'close' comes after the output is read to the end.
    const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
    try {
      const ready = await waitForLine(child, /careers-graph ready at/);
      const url = /http:\/\/[\d.]+:\d+\/graphql/.exec(ready)?.[0] as string;
      expect(ready).toContain(url.replace(/graphql$/, 'ide'));
      const first = await post(url, '{ role(id: "sound-engineer") { name } }');
      expect(first.body).toMatchObject({ data: { role: { name: 'Sound engineer' } } });

      // The JVM the service started, found by the data folder on its command line.
      const launchers = processesMatching('Neo4jLocal', dataDir);
      expect(launchers).toHaveLength(1);
      const javaPid = launchers[0] as number;

      // Requests the server has taken, whose bodies are still to come when the signal does.
      const ids = Array.from({ length: IN_FLIGHT }, (_, index) => Object.keys(ROLES)[index % 5] as string);
      const held = ids.map((id) => hold(url, IN_FLIGHT_QUERY, { id }));
      await Promise.all(held.map((request) => request.received));

      child.kill('SIGTERM');
      await waitForLine(child, /shutting down/);
      // The listener is closed before that line is written: a new connection is refused.
      await expect(post(url, IN_FLIGHT_QUERY, { id: 'music-producer' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      for (const request of held) request.release();
      const outcomes = await Promise.allSettled(held.map((request) => request.answer));

      // Every request in flight got its whole answer: none reset or cut short.
      const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [String(outcome.reason)] : []));
      expect(failures).toEqual([]);
      expect(outcomes.map((outcome) => (outcome as PromiseFulfilledResult<Answer>).value)).toEqual(
        ids.map((id) => ({ status: 200, body: expect.objectContaining({ data: { role: { name: ROLES[id] } } }) })),
      );

      expect(await closed).toBe(0);
      type LogLine = { msg: string; operation?: string };
      const log = logLines.map((line) => JSON.parse(line) as LogLine);
      const inFlight = (line: LogLine) => line.msg === 'graphql request' && line.operation === 'InFlight';
      const shuttingDown = log.findIndex((line) => line.msg === 'shutting down');
      const neo4jStopped = log.findIndex((line) => line.msg.includes('NEO4J_LOCAL_STOPPED'));
      const stopped = log.findIndex((line) => line.msg === 'stopped');
      // All of them were answered after the signal, and the refused one never reached the service.
      expect(shuttingDown).toBeGreaterThan(0);
      expect(log.filter(inFlight)).toHaveLength(IN_FLIGHT);
      expect(log.findIndex(inFlight)).toBeGreaterThan(shuttingDown);
      // Then, in this order: the last request finished, Neo4j stopped cleanly, the service said it stopped.
      expect(log.findLastIndex(inFlight)).toBeLessThan(neo4jStopped);
      expect(neo4jStopped).toBeLessThan(stopped);
      expect(stopped).toBe(log.length - 1);
      // And the JVM is gone.
      expect(isRunning(javaPid)).toBe(false);
      expect(processesMatching('Neo4jLocal', dataDir)).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 180_000);
});

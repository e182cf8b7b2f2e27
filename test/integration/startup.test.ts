import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
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

describe('a running service', () => {
  it('starts its own Neo4j, serves the graph, and on SIGTERM stops it and exits 0', async () => {
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join('src', 'main.ts')], {
      cwd: repoRoot(),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        PORT: '0',
        NEO4J_LOCAL_BOLT_PORT: String(Number(process.env.NEO4J_TEST_BOLT_PORT || 7698) + 1),
        NEO4J_LOCAL_DATA_DIR: path.join('.neo4j', 'startup-test-data'),
        NEO4J_LOCAL_HEAP: '256m',
        NEO4J_LOCAL_PAGECACHE: '32m',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const ready = await waitForLine(child, /careers-graph ready at/);
      const url = /http:\/\/[\d.]+:\d+\/graphql/.exec(ready)?.[0] as string;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ role(id: "sound-engineer") { name } }' }),
      });
      expect(await response.json()).toMatchObject({ data: { role: { name: 'Sound engineer' } } });

      const stopped = waitForLine(child, /"msg":"stopped"/);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await stopped;
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});

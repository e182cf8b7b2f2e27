import { spawnSync } from 'node:child_process';
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

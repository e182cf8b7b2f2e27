import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { repoRoot } from '../../src/config/repo-root';

export interface ServiceOptions {
  /** Bolt port of the service's own local Neo4j. */
  boltPort: number;
  /** Its data folder, relative to the repository; emptied first. */
  dataDir: string;
  /** Cost budget per client and window (RATE_LIMIT_BUDGET). */
  budget: number;
  /** Where the service's output goes. */
  logFile: string;
  /** A curator's token the service accepts (CURATION_TOKENS, as `fuzz:<token>`); none by default. */
  curatorToken?: string;
}

export interface RunningService {
  baseUrl: string;
  /** The environment the service was started with (for loadConfig). */
  env: NodeJS.ProcessEnv;
  alive(): boolean;
  /** Lines the service logged at level error or above so far. */
  errorLines(): string[];
  /** SIGTERM, then SIGKILL of its process group if it has not stopped within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** A port nothing listens on now, chosen by the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True when something already listens on the port. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the service as `npm run dev` does (tsx on src/main.ts), with no NEO4J_URI
 * so it starts a local Neo4j of its own, and waits until GET /health answers 200.
 */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const root = repoRoot();
  if (await portInUse(options.boltPort)) {
    throw new Error(`port ${options.boltPort} is in use; choose another with --bolt-port`);
  }
  fs.rmSync(path.resolve(root, options.dataDir), { recursive: true, force: true });
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    NEO4J_LOCAL_BOLT_PORT: String(options.boltPort),
    NEO4J_LOCAL_DATA_DIR: options.dataDir,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_BUDGET: String(options.budget),
    NODE_ENV: 'development',
    ...(options.curatorToken ? { CURATION_TOKENS: `fuzz:${options.curatorToken}` } : {}),
  };
  delete env.NEO4J_URI;
  delete env.INTROSPECTION;

  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = fs.createWriteStream(options.logFile);
  const errors: string[] = [];
  // Its own process group, so that a last-resort kill also reaches the Neo4j it started.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = false;
  let exitCode: number | null = null;
  const done = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = true;
      exitCode = code;
      resolve();
    }),
  );
  let pending = '';
  const collect = (chunk: Buffer) => {
    log.write(chunk);
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      try {
        const level = (JSON.parse(line) as { level?: number }).level ?? 0;
        if (level >= 50) errors.push(line);
      } catch {
        if (line.trim()) errors.push(line);
      }
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const service: RunningService = {
    baseUrl: `http://127.0.0.1:${port}`,
    env,
    alive: () => !exited,
    errorLines: () => [...errors],
    async stop(graceMs = 60_000) {
      if (!exited && child.pid) {
        child.kill('SIGTERM');
        const stopped = await Promise.race([done.then(() => true), sleep(graceMs).then(() => false)]);
        if (!stopped) {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
          await done;
        }
      }
      await new Promise<void>((resolve) => log.end(resolve));
    },
  };

  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the service exited with code ${exitCode} before it was ready; see ${options.logFile}`);
    try {
      const health = await fetch(`${service.baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      if (health.status === 200) return service;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  await service.stop();
  throw new Error(`the service was not ready within 300 s; see ${options.logFile}`);
}

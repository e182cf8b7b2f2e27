/**
 * The API as users run it (`tsx src/main.ts`, as `npm run dev` does), in a process
 * of its own, pointed at a Neo4j by NEO4J_URI: it does not own that database, so the
 * scenario can stop and restart Neo4j under it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ApiProcess {
  baseUrl: string;
  pid: number;
  /** Set when the process exited, whoever stopped it. */
  exit: { code: number | null; signal: NodeJS.Signals | null; at: number } | null;
  /** True once stop() was called: an exit after it is expected. */
  stopping: boolean;
  /** SIGTERM (the service's own graceful shutdown), SIGKILL after `graceMs`; resolves with the exit. */
  stop(graceMs?: number): Promise<ApiProcess['exit']>;
}

export interface ApiSettings {
  root: string;
  port: number;
  neo4jUri: string;
  neo4jPassword: string;
  queryTimeoutMs: number;
  curatorToken: string;
  logFile: string;
  /**
   * Operations the scenario's one client may have at once: all its workers. The scenario measures an outage,
   * not fairness between clients, and with more workers than the default cap (8) most requests would be
   * refused as CONCURRENCY_LIMITED before reaching the database.
   */
  maxOperationsPerClient: number;
}

export async function startApi(settings: ApiSettings, readyTimeoutMs = 120_000): Promise<ApiProcess> {
  fs.mkdirSync(path.dirname(settings.logFile), { recursive: true });
  const log = fs.openSync(settings.logFile, 'w');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(settings.port),
    HOST: '127.0.0.1',
    NEO4J_URI: settings.neo4jUri,
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: settings.neo4jPassword,
    NEO4J_DATABASE: 'neo4j',
    NEO4J_QUERY_TIMEOUT_MS: String(settings.queryTimeoutMs),
    CURATION_TOKENS: `faults:${settings.curatorToken}`,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_BUDGET: '1000000000',
    MAX_OPERATIONS_PER_CLIENT: String(settings.maxOperationsPerClient),
    SEED_CURATED: 'true',
    NODE_ENV: 'development',
  };
  const child: ChildProcess = spawn(path.join(settings.root, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
    cwd: settings.root,
    env,
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const api: ApiProcess = {
    baseUrl: `http://127.0.0.1:${settings.port}`,
    pid: child.pid ?? -1,
    exit: null,
    stopping: false,
    stop: (graceMs = 15_000) => {
      api.stopping = true;
      if (api.exit) return Promise.resolve(api.exit);
      return new Promise((resolve) => {
        const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.once('exit', () => {
          clearTimeout(force);
          resolve(api.exit);
        });
        child.kill('SIGTERM');
      });
    },
  };
  child.on('exit', (code, signal) => {
    api.exit = { code, signal, at: performance.now() };
  });
  // Never leave the API behind, whatever ends this script.
  process.once('exit', () => {
    if (!api.exit) child.kill('SIGKILL');
  });

  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (api.exit) {
      throw new Error(`the API exited during start (code ${String(api.exit.code)}): ${lastLines(settings.logFile, 3)}`);
    }
    try {
      const response = await fetch(`${api.baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return api;
    } catch {
      // Not listening yet: it listens once the graph is prepared.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await api.stop(2_000);
  throw new Error(`the API was not ready within ${readyTimeoutMs / 1000} s: ${lastLines(settings.logFile, 3)}`);
}

export function lastLines(file: string, count: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-count).join(' | ');
  } catch {
    return '(no log)';
  }
}

/** What the API logged (JSON lines at warn and above), counted by level and message. */
export function summariseApiLog(file: string): { lines: number; byMessage: [string, number][] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { lines: 0, byMessage: [] };
  }
  const counts = new Map<string, number>();
  let lines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    lines += 1;
    let key = line.slice(0, 120);
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { code?: string; message?: string } };
      const level = { 40: 'warn', 50: 'error', 60: 'fatal' }[entry.level ?? 0] ?? String(entry.level);
      const cause = entry.err ? ` [${entry.err.code ?? ''} ${(entry.err.message ?? '').split('\n')[0]?.slice(0, 100)}]` : '';
      key = `${level}: ${entry.msg ?? ''}${cause}`;
    } catch {
      // Not JSON (tsx or Node itself): counted by its first characters.
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { lines, byMessage: [...counts.entries()].sort((a, b) => b[1] - a[1]) };
}

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import neo4j from 'neo4j-driver';
import { LOCAL_NEO4J_PASSWORD } from '../../src/config/config';
import { repoRoot } from '../../src/config/repo-root';
import { isRunning } from '../support/process-alive';

/**
 * `npm start` stops the service and its local Neo4j cleanly on SIGTERM and on SIGINT,
 * sent to the npm process, to the node process or to the whole process group (a
 * terminal's Ctrl-C): npm exits 0, no node or java is left behind, and the next start
 * finds a database that needs no recovery. Each case starts the real thing, on one data
 * folder, so each start also checks how the one before it stopped.
 *
 * The test builds the API (tsc, incremental) once and runs `npm start --ignore-scripts`:
 * the same start script, without the explorer's build in `prestart`, which is not what
 * is tested here and would compete with the browser tests for dist/.
 */
const BOLT_PORT = Number(process.env.NEO4J_SIGNALS_BOLT_PORT || 7706);
const root = repoRoot();
const dataDir = path.join(root, '.neo4j', 'signals-test-data');
const debugLog = path.join(dataDir, 'logs', 'debug.log');

type Target = 'npm process' | 'node process' | 'process group';
const CASES: [NodeJS.Signals, Target][] = [
  ['SIGTERM', 'npm process'],
  ['SIGTERM', 'node process'],
  ['SIGTERM', 'process group'],
  ['SIGINT', 'npm process'],
  ['SIGINT', 'node process'],
  ['SIGINT', 'process group'],
];

interface LogLine {
  level: number;
  msg: string;
  signal?: string | null;
  exitCode?: number | null;
  logFile?: string;
}

interface Started {
  npmPid: number;
  /** Every JSON log line the service wrote, in order. */
  log: LogLine[];
  /** npm's exit, once its output is read to the end. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `npm start` in a process group of its own and resolves once the service says it is ready. */
async function startService(): Promise<Started> {
  const passThrough = Object.fromEntries(
    ['PATH', 'HOME', 'JAVA_HOME', 'NEO4J_JAVA_HOME'].flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
  );
  const child = spawn('npm', ['start', '--ignore-scripts'], {
    cwd: root,
    detached: true,
    env: {
      ...passThrough,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      PORT: '0',
      NEO4J_LOCAL_BOLT_PORT: String(BOLT_PORT),
      NEO4J_LOCAL_DATA_DIR: dataDir,
      NEO4J_LOCAL_HEAP: '256m',
      NEO4J_LOCAL_PAGECACHE: '32m',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: LogLine[] = [];
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const stderr: string[] = [];
  readline.createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => stderr.push(line));
  const ready = new Promise<void>((resolve, reject) => {
    readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (!line.startsWith('{')) return; // npm's own banner
      const entry = JSON.parse(line) as LogLine;
      log.push(entry);
      if (entry.msg.startsWith('careers-graph ready at')) resolve();
    });
    void closed.then(({ code }) => reject(new Error(`npm start exited (${String(code)}) before the service was ready: ${stderr.join('\n')}`)));
  });
  try {
    await ready;
  } catch (error) {
    if (child.pid) killGroup(child.pid);
    throw error;
  }
  return { npmPid: child.pid as number, log, closed };
}

/** Pid and command line of each process whose parent is `pid`. */
function childrenOf(pid: number): { pid: number; args: string }[] {
  const listing = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' }).stdout;
  return listing.split('\n').flatMap((line) => {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    return match ? [{ pid: Number(match[1]), args: match[2] as string }] : [];
  });
}

/** Pids of the Neo4j launchers running on this test's data folder. */
function processesOfThisTest(): number[] {
  const listing = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout;
  return listing.split('\n').flatMap((line) => {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    return match && match[2]?.includes('Neo4jLocal') && match[2].includes(dataDir) ? [Number(match[1])] : [];
  });
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** The lines Neo4j wrote to its debug log since `offset` that say a database needed recovery. */
function recoverySince(offset: number): string[] {
  if (!fs.existsSync(debugLog)) return [];
  const text = fs.readFileSync(debugLog, 'utf8').slice(offset);
  return text.split('\n').filter((line) => /Recovery required|recovery is required/i.test(line));
}

/**
 * Commits a transaction, so that the database has something after its last checkpoint:
 * a clean stop checkpoints it, a stop that is not clean leaves it to recover. (A database
 * idle since its start would need no recovery either way.)
 */
async function writeSomething(): Promise<void> {
  const driver = neo4j.driver(`bolt://127.0.0.1:${BOLT_PORT}`, neo4j.auth.basic('neo4j', LOCAL_NEO4J_PASSWORD));
  try {
    await driver.executeQuery('MERGE (marker:SignalsTestMarker) SET marker.at = timestamp()');
  } finally {
    await driver.close();
  }
}

const debugLogSize = (): number => (fs.existsSync(debugLog) ? fs.statSync(debugLog).size : 0);

beforeAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}, 300_000);

describe('npm start, stopped by a signal', () => {
  it.each(CASES)('on %s to the %s, stops the service and Neo4j cleanly and exits 0', async (signal, target) => {
    const offset = debugLogSize();
    const service = await startService();
    let javaPid: number | undefined;
    try {
      // The previous case (if any) left a database that needed no recovery.
      expect(recoverySince(offset)).toEqual([]);
      // npm's child is the service itself: no shell in between to swallow the signal.
      const children = childrenOf(service.npmPid);
      expect(children).toHaveLength(1);
      const node = children[0] as { pid: number; args: string };
      expect(node.args).toMatch(/^node .*dist\/main\.js$/);
      const launchers = processesOfThisTest();
      expect(launchers).toHaveLength(1);
      javaPid = launchers[0] as number;
      await writeSomething();

      const pid = target === 'npm process' ? service.npmPid : target === 'node process' ? node.pid : -service.npmPid;
      process.kill(pid, signal);
      // npm exits once the service has, and the service once Neo4j has: nothing to wait for beyond this.
      expect(await service.closed).toEqual({ code: 0, signal: null });

      expect(isRunning(node.pid)).toBe(false);
      expect(isRunning(javaPid)).toBe(false);
      expect(processesOfThisTest()).toEqual([]);
      const messages = service.log.map((line) => line.msg);
      expect(service.log.find((line) => line.msg === 'shutting down')?.signal).toBe(signal);
      expect(messages.findIndex((msg) => msg.includes('NEO4J_LOCAL_STOPPED'))).toBeGreaterThan(messages.indexOf('shutting down'));
      expect(messages[messages.length - 1]).toBe('stopped');
    } finally {
      killGroup(service.npmPid);
      if (javaPid !== undefined && isRunning(javaPid)) process.kill(javaPid, 'SIGKILL');
    }
  }, 240_000);

  it('leaves a database that the next start opens without recovery, where a killed one needs it', async () => {
    let offset = debugLogSize();
    const clean = await startService();
    try {
      expect(recoverySince(offset)).toEqual([]);
      // Killed outright after a write, Neo4j has no checkpoint after it: the next start must
      // recover, which shows that the check above can fail.
      await writeSomething();
      const [javaPid] = processesOfThisTest();
      killGroup(clean.npmPid);
      if (javaPid !== undefined) process.kill(javaPid, 'SIGKILL');
      await clean.closed;
      await until(() => processesOfThisTest().length === 0);
    } finally {
      killGroup(clean.npmPid);
    }

    offset = debugLogSize();
    const recovered = await startService();
    try {
      expect(recoverySince(offset)).not.toEqual([]);
      process.kill(recovered.npmPid, 'SIGTERM');
      expect(await recovered.closed).toEqual({ code: 0, signal: null });
    } finally {
      killGroup(recovered.npmPid);
    }
  }, 300_000);
});

describe('npm start, when its Neo4j dies', () => {
  /** How long the service may take to notice and exit. */
  const EXIT_WITHIN_MS = 30_000;

  it('logs it at fatal level with the signal and the log to read, and exits non-zero so that a supervisor restarts it', async () => {
    const service = await startService();
    try {
      const [node] = childrenOf(service.npmPid);
      const [javaPid] = processesOfThisTest();
      expect(node).toBeDefined();
      expect(javaPid).toBeDefined();

      process.kill(javaPid as number, 'SIGKILL');
      let timer: NodeJS.Timeout | undefined;
      const exit = await Promise.race([
        service.closed,
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error(`npm start still running ${EXIT_WITHIN_MS / 1000} s after its Neo4j was killed`)), EXIT_WITHIN_MS);
        }),
      ]).finally(() => clearTimeout(timer));

      // npm passes on the service's exit code.
      expect(exit).toEqual({ code: 1, signal: null });
      expect(isRunning((node as { pid: number }).pid)).toBe(false);
      const fatal = service.log.filter((line) => line.level === 60);
      expect(fatal).toEqual([
        expect.objectContaining({
          msg: expect.stringMatching(/^the local Neo4j exited unexpectedly \(signal SIGKILL\); its log is .*neo4j-local\.log/),
          signal: 'SIGKILL',
          exitCode: null,
          logFile: path.join(dataDir, 'logs', 'neo4j-local.log'),
        }),
      ]);
    } finally {
      killGroup(service.npmPid);
    }
  }, 240_000);
});

/** Resolves once `condition` holds, looking every 50 ms (a process that is not our child cannot be awaited). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
}

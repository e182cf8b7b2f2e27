/**
 * Starts a real Neo4j Community database on this machine without Docker.
 *
 * The database runs embedded in a small Java launcher (tools/neo4j-local), built with Maven from
 * artifacts on Maven Central. This module finds a JDK >= 21, builds the launcher when its output is
 * missing or stale, spawns it, and resolves once Bolt on 127.0.0.1 accepts connections.
 * See tools/neo4j-local/README.md for the launcher's flags and its stdout/stderr protocol.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { repoRoot } from '../../config/repo-root';
import { ensureLauncherBuilt, launcherClasspath } from './build-launcher';
import { findJdk, javaBinary } from './find-jdk';

export interface LocalNeo4jOptions {
  /** Bolt port on 127.0.0.1. */
  boltPort: number;
  /** Directory holding the database files and Neo4j's logs (relative paths resolve against process.cwd()). */
  dataDir: string;
  /** JVM heap, used for both -Xms and -Xmx, e.g. '512m'. */
  heap: string;
  /** Neo4j page cache size, e.g. '128m'. */
  pageCache: string;
  /** Password for the `neo4j` user (at least 8 characters); applied on every start. */
  password: string;
  /** Server-side transaction timeout, e.g. '30s' (launcher default: 30s). */
  txTimeout?: string;
  /** Transaction logs kept after a checkpoint, e.g. '128M size' or '2 files' (launcher default: 128M size). */
  txLogRetention?: string;
  /** Receives progress lines (Maven build output, launcher output). Default: written to stderr. */
  log?: (line: string) => void;
  /**
   * Called when the database process exits once it was ready, other than through
   * stop(): it crashed or was killed. Default: a line to `log`.
   */
  onUnexpectedExit?: (exit: LocalNeo4jExit) => void;
}

/** How the local Neo4j's process ended, and where to look for why. */
export interface LocalNeo4jExit {
  /** The exit code, or null when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The launcher's log, with what Neo4j printed and full stack traces. */
  logFile: string;
}

export interface LocalNeo4j {
  /** e.g. bolt://127.0.0.1:7687 */
  uri: string;
  /** Stops the database (SIGTERM, then SIGKILL after 20 s); resolves once the process has exited. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 20_000;
const MAIN_CLASS = 'dev.careersgraph.neo4jlocal.Neo4jLocal';
/** The launcher's Maven project, relative to the repository root. */
export const LAUNCHER_DIR = path.join('tools', 'neo4j-local');
const READY_PATTERN = /^NEO4J_LOCAL_READY (bolt:\/\/\S+)\s*$/;
/** JVM sizes as -Xmx accepts them: a number with an optional k/m/g suffix. */
const JVM_SIZE_PATTERN = /^[1-9][0-9]*[kKmMgG]?$/;

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  validateOptions(options);

  const root = repoRoot();
  const jdk = findJdk();
  log(`neo4j-local: using JDK ${jdk.major} at ${jdk.home}`);
  const launcher = path.join(root, LAUNCHER_DIR);
  await ensureLauncherBuilt(launcher, jdk, log);

  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });

  const args = [
    ...jvmOptions(jdk.major, options.heap),
    '-cp',
    launcherClasspath(launcher),
    MAIN_CLASS,
    '--bolt-port',
    String(options.boltPort),
    '--data-dir',
    dataDir,
    '--pagecache',
    options.pageCache,
    '--parent-pid',
    String(process.pid),
  ];
  if (options.txTimeout !== undefined) {
    args.push('--tx-timeout', options.txTimeout);
  }
  if (options.txLogRetention !== undefined) {
    args.push('--tx-log-retention', options.txLogRetention);
  }

  // The password travels in the environment, not argv, so it does not show up in `ps`.
  // The JVM gets a process group of its own: a Ctrl-C in the terminal (SIGINT to the whole
  // foreground group) must reach only this process, which answers the requests in flight
  // and then stops Neo4j, not Neo4j at once under them. If this process dies without
  // stopping it, the launcher notices through --parent-pid.
  const child = spawn(javaBinary(jdk.home), args, {
    cwd: launcher,
    detached: true,
    env: { ...process.env, NEO4J_PASSWORD: options.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logFile = path.join(dataDir, 'logs', 'neo4j-local.log');
  const onUnexpectedExit = options.onUnexpectedExit ?? ((exit: LocalNeo4jExit) => log(`neo4j-local: process exited unexpectedly (${describeExit(exit)}); see ${exit.logFile}`));
  return waitUntilReady(child, log, (code, signal) => onUnexpectedExit({ code, signal, logFile }));
}

/** `code 1` or `signal SIGKILL`. */
export function describeExit(exit: Pick<LocalNeo4jExit, 'code' | 'signal'>): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${String(exit.code)}`;
}

// ------------------------------------------------------------------------------------------ process

function waitUntilReady(
  child: ChildProcess,
  log: (line: string) => void,
  onUnexpectedExit: (code: number | null, signal: NodeJS.Signals | null) => void,
): Promise<LocalNeo4j> {
  let lastStderr = '';
  let closed = false;
  let stopPromise: Promise<void> | undefined;
  const closedPromise = new Promise<void>((resolve) => child.once('close', () => resolve()));

  // If this Node process exits without calling stop(), do not leave the database behind.
  // (The launcher also watches our pid, which covers SIGKILL of this process.)
  const killOnExit = (): void => {
    if (!closed) child.kill('SIGTERM');
  };
  process.once('exit', killOnExit);
  void closedPromise.then(() => {
    closed = true;
    process.removeListener('exit', killOnExit);
  });

  const stop = (): Promise<void> => {
    if (closed) return Promise.resolve();
    stopPromise ??= new Promise<void>((resolve) => {
      const force = setTimeout(() => {
        log('neo4j-local: still running 20 s after SIGTERM, sending SIGKILL');
        child.kill('SIGKILL');
      }, STOP_GRACE_MS);
      void closedPromise.then(() => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
    return stopPromise;
  };

  return new Promise<LocalNeo4j>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(readyTimer);
      outcome();
    };

    const readyTimer = setTimeout(() => {
      settle(() => {
        const detail = lastStderr ? `: ${lastStderr}` : '';
        void stop();
        reject(new Error(`neo4j-local did not become ready within ${READY_TIMEOUT_MS / 1000} s${detail}`));
      });
    }, READY_TIMEOUT_MS);

    if (child.stdout) {
      readline.createInterface({ input: child.stdout }).on('line', (line) => {
        const ready = READY_PATTERN.exec(line);
        if (ready) {
          const uri = ready[1] as string;
          log(`neo4j-local: ready at ${uri}`);
          settle(() => resolve({ uri, stop }));
        } else if (line.trim() !== '') {
          log(`neo4j-local: ${line}`);
        }
      });
    }
    if (child.stderr) {
      readline.createInterface({ input: child.stderr }).on('line', (line) => {
        if (line.trim() === '') return;
        lastStderr = line.trim();
        log(line.startsWith('neo4j-local:') ? line : `neo4j-local: ${line}`);
      });
    }

    child.once('error', (error) => {
      settle(() => reject(new Error(`neo4j-local: cannot start java: ${error.message}`)));
    });
    // 'close' fires after the output streams are drained, so lastStderr is complete here.
    child.once('close', (code, signal) => {
      const how = describeExit({ code, signal });
      if (settled) {
        // After stop() the exit is expected (Java exits 143 on SIGTERM); otherwise the database is gone.
        if (!stopPromise) onUnexpectedExit(code, signal);
        return;
      }
      settle(() => {
        const detail = lastStderr ? `: ${lastStderr}` : '';
        reject(new Error(`neo4j-local exited with ${how} before it was ready${detail}`));
      });
    });
  });
}

function jvmOptions(javaMajor: number, heap: string): string[] {
  const options = [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    // The same module openings Neo4j's own start script passes; without them Neo4j falls back to
    // slower code paths (page cache buffers, file preallocation) and logs warnings.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
  ];
  if (javaMajor >= 23) {
    // JDK 23+ warns on stderr when sun.misc.Unsafe memory access is used (Neo4j and its libraries do).
    options.push('--sun-misc-unsafe-memory-access=allow');
  }
  return options;
}


function validateOptions(options: LocalNeo4jOptions): void {
  if (!Number.isInteger(options.boltPort) || options.boltPort < 1 || options.boltPort > 65535) {
    throw new Error(`neo4j-local: boltPort must be an integer between 1 and 65535, got ${String(options.boltPort)}`);
  }
  if (!options.dataDir) throw new Error('neo4j-local: dataDir is required');
  if (!JVM_SIZE_PATTERN.test(options.heap)) {
    throw new Error(`neo4j-local: heap must look like 512m or 2g, got '${options.heap}'`);
  }
  if (options.password.length < 8) {
    throw new Error('neo4j-local: password must be at least 8 characters');
  }
  // pageCache and txTimeout are checked by the launcher itself (it exits 2 with a one-line message).
}

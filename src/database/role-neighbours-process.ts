/**
 * The rebuild of the kept neighbours in a child process of its own, with a heap limit of
 * its own. The rebuild holds every role's profile in memory (its heap peaks at about
 * 165 MB on O*NET + ESCO, more on bigger graphs). Run in the service's process, it
 * would set how far the service's heap may grow, and the heap it leaves behind would
 * stay resident. In a child, the service's heap is capped for what queries need
 * (`npm start`), the rebuild gets the ceiling it needs (NEIGHBOURS_HEAP_MB), and its
 * memory is returned when the child ends. A worker thread would not do: V8's
 * --max-old-space-size is one flag for the whole process, and it overrides a worker's
 * own resourceLimits.
 *
 * The child opens its own driver to the same database and runs refreshRoleNeighbours
 * there. Its exclusive write transactions take their turns from the service's keeper
 * (by message), so the process keeps one queue of exclusive writers, and the writers'
 * lock in the database serialises it with every other writer as before. Its bookmarks
 * stay in its driver: on a cluster a read may see the previous lists for a moment, as
 * it may while a rebuild runs (the lists are rebuilt after writes, not with them).
 *
 * This file is both: RoleNeighboursProcess for the service, and the child's entry point
 * when forked.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { AppError } from '../errors/app-error';
import type { ErrorCode } from '../errors/error-code';
import { connectDatabase } from './connect-database';
import type { Database, DatabaseConnection } from './database';
import type { TurnKeeper } from './exclusive-turns';
import { refreshRoleNeighbours, type RoleNeighboursReport } from './role-neighbours';

/** Set in the child's environment: this file then serves rebuilds instead of exporting. */
const CHILD_FLAG = 'CAREERS_GRAPH_NEIGHBOURS_CHILD';

/** What the child tells or asks the service. */
type FromChild =
  | { kind: 'take'; id: number; deadline: number; waitingSince: number }
  | { kind: 'release' }
  | { kind: 'unavailable' }
  | { kind: 'progress'; line: string }
  | { kind: 'done'; report: RoleNeighboursReport }
  | { kind: 'failed'; code: string | null; message: string };

/** What the service tells the child: run a refresh, or the answer to a `take`. */
type ToChild =
  | { kind: 'run'; connection: DatabaseConnection; queryTimeoutMs: number; timeoutMs: number }
  | { kind: 'turn'; id: number; granted: true }
  | { kind: 'turn'; id: number; granted: false; code: string | null; message: string };

interface Run {
  resolve: (report: RoleNeighboursReport) => void;
  reject: (error: Error) => void;
  progress?: ((line: string) => void) | undefined;
}

/**
 * Rebuilds of the kept neighbours in a child process whose heap may grow to `heapMb`.
 * One at a time (RoleNeighboursRefresher serialises them). The child is started at the
 * first rebuild and kept for the next ones until it has been idle `idleMs`, then ended,
 * which returns its memory; so a burst of writes does not start one per rebuild. Runs
 * in this process instead when `database` does not know its connection (a Database
 * built around a driver it was handed).
 */
export class RoleNeighboursProcess {
  private child: ChildProcess | null = null;
  private run: Run | null = null;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly database: Database,
    private readonly options: { heapMb: number; idleMs: number },
  ) {}

  refresh(options: { timeoutMs: number; progress?: (line: string) => void }): Promise<RoleNeighboursReport> {
    const connection = this.database.connection;
    if (!connection) return refreshRoleNeighbours(this.database, options);
    if (this.run) return Promise.reject(new Error('a role neighbours refresh is already running in the child process'));
    clearTimeout(this.idleTimer);
    const child = this.child ?? this.start();
    // A running rebuild keeps the service alive; an idle child does not.
    child.ref();
    child.channel?.ref();
    return new Promise<RoleNeighboursReport>((resolve, reject) => {
      this.run = { resolve, reject, progress: options.progress };
      child.send({ kind: 'run', connection, queryTimeoutMs: this.database.queryTimeoutMs, timeoutMs: options.timeoutMs } satisfies ToChild);
    });
  }

  /** The child's process id while it runs (for operators' tools and tests), else null. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Ends the child (a rebuild in it stops; its open transaction is rolled back). */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  }

  private start(): ChildProcess {
    const typescript = path.extname(__filename) === '.ts';
    const child = fork(__filename, [], {
      // From the TypeScript sources (tests, `npm run dev`), the child compiles itself as the service does.
      execArgv: [...(typescript ? ['--import', 'tsx'] : []), '--enable-source-maps', `--max-old-space-size=${this.options.heapMb}`],
      env: { ...process.env, [CHILD_FLAG]: '1' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    const turns = this.database.turns;
    /** Turns granted to this child and not yet released: handed back if it ends holding one. */
    let held = 0;
    let ended = false;
    // The tail of what it wrote to stderr, and whether V8 said it ran out of memory
    // ("JavaScript heap out of memory", or "Fatal JavaScript out of memory" when it
    // cannot even start), which a long native stack trace then follows.
    let stderr = '';
    let outOfMemory = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2_000);
      outOfMemory ||= /out of memory|allocation failed/i.test(stderr);
    });
    const answer = (message: ToChild): void => {
      if (!ended && child.connected) child.send(message);
    };
    const finish = (outcome: { report: RoleNeighboursReport } | { error: Error }): void => {
      const run = this.run;
      this.run = null;
      if (!run) return;
      if ('report' in outcome) run.resolve(outcome.report);
      else run.reject(outcome.error);
      if (!ended) {
        child.unref();
        child.channel?.unref();
        this.idleTimer = setTimeout(() => void this.close(), this.options.idleMs);
        this.idleTimer.unref();
      }
    };
    child.on('message', (message: FromChild) => {
      switch (message.kind) {
        case 'take':
          turns.take(message.deadline, message.waitingSince).then(
            () => {
              if (ended) turns.release();
              else {
                held += 1;
                answer({ kind: 'turn', id: message.id, granted: true });
              }
            },
            (error: unknown) => answer({ kind: 'turn', id: message.id, granted: false, ...describe(error) }),
          );
          break;
        case 'release':
          // Never more than it holds: a turn it ended with is already handed back.
          if (held > 0) {
            held -= 1;
            turns.release();
          }
          break;
        case 'unavailable':
          turns.unavailable();
          break;
        case 'progress':
          this.run?.progress?.(message.line);
          break;
        case 'done':
          finish({ report: message.report });
          break;
        case 'failed':
          finish({ error: fromDescription(message) });
          break;
      }
    });
    child.on('exit', (code, signal) => {
      ended = true;
      if (this.child === child) this.child = null;
      for (; held > 0; held -= 1) turns.release();
      finish({
        error: new Error(
          outOfMemory
            ? `the role neighbours refresh ran out of memory: its heap may grow to ${this.options.heapMb} MB (NEIGHBOURS_HEAP_MB)`
            : `the role neighbours refresh's process ended (${signal ?? `exit code ${code}`}) before it answered${stderr ? `: ${lastLine(stderr)}` : ''}`,
        ),
      });
    });
    this.child = child;
    return child;
  }
}

/** One rebuild in a child process of its own, ended when it answers (the rebuild at start). */
export async function refreshRoleNeighboursInChild(
  database: Database,
  options: { timeoutMs: number; heapMb: number; progress?: (line: string) => void },
): Promise<RoleNeighboursReport> {
  const child = new RoleNeighboursProcess(database, { heapMb: options.heapMb, idleMs: 0 });
  try {
    return await child.refresh(options);
  } finally {
    await child.close();
  }
}

function describe(error: unknown): { code: string | null; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  return { code: null, message: error instanceof Error ? error.message : String(error) };
}

/** The error `describe` described, on the other side of the channel. */
function fromDescription(description: { code: string | null; message: string }): Error {
  return description.code ? new AppError(description.code as ErrorCode, description.message) : new Error(description.message);
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

/** The service's keeper, asked by message (the child's side). */
class RemoteTurns implements TurnKeeper {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

  constructor(private readonly send: (message: FromChild) => void) {}

  answered(message: Extract<ToChild, { kind: 'turn' }>): void {
    const waiter = this.waiting.get(message.id);
    if (!waiter) return;
    this.waiting.delete(message.id);
    if (message.granted) waiter.resolve();
    else waiter.reject(fromDescription(message));
  }

  take(deadline: number, waitingSince: number): Promise<void> {
    const id = (this.next += 1);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.send({ kind: 'take', id, deadline, waitingSince });
    });
  }

  release(): void {
    this.send({ kind: 'release' });
  }

  unavailable(): void {
    this.send({ kind: 'unavailable' });
  }
}

/** The child: runs each rebuild asked for, through one driver opened at the first; ends with its parent. */
function serve(): void {
  const send = (message: FromChild): void => {
    process.send?.(message);
  };
  const turns = new RemoteTurns(send);
  let database: Database | null = null;
  process.on('message', (message: ToChild) => {
    if (message.kind === 'turn') {
      turns.answered(message);
      return;
    }
    database ??= connectDatabase({ ...message.connection, queryTimeoutMs: message.queryTimeoutMs, turns });
    refreshRoleNeighbours(database, { timeoutMs: message.timeoutMs, progress: (line) => send({ kind: 'progress', line }) }).then(
      (report) => send({ kind: 'done', report }),
      (error: unknown) => send({ kind: 'failed', ...describe(error) }),
    );
  });
  // The service ended or closed the channel: nothing more will be asked.
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
}

if (process.env[CHILD_FLAG] === '1' && process.send) serve();

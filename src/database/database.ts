import neo4j, { isRetryableError, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { translateNeo4jError } from '../errors/translate-neo4j-error';
import type { CypherCatalog, StatementName } from './cypher-catalog';
import { ExclusiveTurns, type TurnKeeper } from './exclusive-turns';

/** Counts what one GraphQL request asked of the database. */
export interface QueryStats {
  /** Statements sent to Neo4j: one per repository call, however many rows it returns. */
  roundTrips: number;
}

export interface DatabaseOptions {
  /** Database name, e.g. `neo4j`. */
  database: string;
  /** Time limit of every transaction, enforced by the server. */
  queryTimeoutMs: number;
  /** Whose turn it is among exclusive writers; a queue of this Database's own by default. */
  turns?: TurnKeeper;
  /** Where the driver connects (connectDatabase records it). */
  connection?: DatabaseConnection;
}

/** Where and as whom a driver connects. */
export interface DatabaseConnection {
  /** Bolt URI of the Neo4j server, e.g. `bolt://127.0.0.1:7687`. */
  uri: string;
  user: string;
  password: string;
  /** Database name, e.g. `neo4j`. */
  database: string;
}

export type Row = Record<string, unknown>;

/** A statement runner bound to one open transaction (what writeTransaction hands its work). */
export type TransactionRun = (name: StatementName, params: Record<string, unknown>) => Promise<Row[]>;

/** Runs one statement's work, possibly after waiting for a slot (admission control's gate for heavy operations). */
export type StatementGate = <T>(statement: () => Promise<T>) => Promise<T>;

const UNGATED: StatementGate = (statement) => statement();

/** Runs catalog statements for one request, counting them and naming the operation in transaction metadata. */
export interface CypherRunner {
  read(name: StatementName, params: Record<string, unknown>): Promise<Row[]>;
  write(name: StatementName, params: Record<string, unknown>): Promise<Row[]>;
  readonly stats: QueryStats;
  /** When the request's time runs out (epoch milliseconds). */
  readonly deadline: number;
}

/** Milliseconds left before `deadline`; QUERY_TIMEOUT, before any call, when none are. */
export function remainingTime(deadline: number): number {
  const left = Math.floor(deadline - Date.now());
  if (left <= 0) throw new AppError(ErrorCode.QUERY_TIMEOUT, 'The request ran past its time limit and was stopped.');
  return left;
}

/**
 * The only holder of the driver. Every statement goes through here with a
 * server-side timeout and its parameters; driver errors are translated once.
 */
export class Database {
  /** Statements and write transactions running now: each holds one of the driver's connections (GET /metrics). */
  inFlight = 0;
  /** One exclusive write transaction of this process at a time (see writeTransaction's `exclusive`). */
  readonly turns: TurnKeeper;

  constructor(
    readonly driver: Driver,
    private readonly catalog: CypherCatalog,
    private readonly options: DatabaseOptions,
  ) {
    this.turns = options.turns ?? new ExclusiveTurns();
  }

  /** How to open another connection to the same database (the neighbour rebuild's child process), when known. */
  get connection(): DatabaseConnection | null {
    return this.options.connection ?? null;
  }

  /** The time limit of one request's database work. */
  get queryTimeoutMs(): number {
    return this.options.queryTimeoutMs;
  }

  /**
   * A runner for one request (or one job), with its own counters. `operation`
   * names it in each transaction's metadata (visible in SHOW TRANSACTIONS and the
   * query log); it is read at each call since a GraphQL operation's name is known
   * only after parsing.
   *
   * The request's time limit (NEO4J_QUERY_TIMEOUT_MS) runs from the runner's
   * creation: each statement gets what is left of it, and once it is spent no
   * further statement starts (QUERY_TIMEOUT). So a request of several statements
   * ends near its limit, not at a multiple of it. Each statement passes `gate`
   * first (admission control may hold a heavy operation's statements to a few at a
   * time); its time limit is computed after the wait.
   */
  runner(operation: () => string = () => 'anonymous', gate: StatementGate = UNGATED): CypherRunner {
    const stats: QueryStats = { roundTrips: 0 };
    const deadline = Date.now() + this.options.queryTimeoutMs;
    const metadata = (name: StatementName) => ({ app: 'careers-graph', operation: operation(), query: name });
    const write = (name: StatementName, params: Record<string, unknown>): Promise<Row[]> => gate(() => writeNow(name, params));
    const writeNow = async (name: StatementName, params: Record<string, unknown>): Promise<Row[]> => {
      const timeout = remainingTime(deadline);
      stats.roundTrips += 1;
      this.inFlight += 1;
      try {
        const result = await this.driver.executeQuery(this.catalog[name], params, {
          routing: neo4j.routing.WRITE,
          database: this.options.database,
          transactionConfig: { timeout, metadata: metadata(name) },
        });
        return result.records.map((record) => record.toObject() as Row);
      } catch (error) {
        throw translateNeo4jError(error);
      } finally {
        this.inFlight -= 1;
      }
    };
    const read = (name: StatementName, params: Record<string, unknown>): Promise<Row[]> => gate(() => readNow(name, params));
    const readNow = async (name: StatementName, params: Record<string, unknown>): Promise<Row[]> => {
      let timeout = remainingTime(deadline);
      stats.roundTrips += 1;
      for (let attempt = 1; ; attempt += 1) {
        if (attempt > 1) timeout = remainingTime(deadline);
        try {
          return await this.autoCommitRead(name, params, { timeout, metadata: metadata(name) });
        } catch (error) {
          const translated = translateNeo4jError(error);
          const unavailable = translated instanceof AppError && translated.code === ErrorCode.SERVICE_UNAVAILABLE;
          if (attempt === 1 && unavailable && isRetryableError(error)) continue;
          throw translated;
        }
      }
    };
    return { stats, deadline, read, write };
  }

  /**
   * One read statement as an auto-commit transaction: RUN and PULL in one message
   * flight, where a managed transaction (executeQuery, executeRead) adds BEGIN and a
   * COMMIT round trip; at 8 concurrent clients that measured about 30% more reads per
   * second. The driver retries only managed transactions, so runner() tries a read
   * once more itself when the first attempt meets a dropped connection or another
   * retryable error (reads change nothing, so repeating one is safe).
   */
  private async autoCommitRead(
    name: StatementName,
    params: Record<string, unknown>,
    config: { timeout: number; metadata: Record<string, unknown> },
  ): Promise<Row[]> {
    // The bookmarks of this process's writes (executeQuery's manager, which writeTransaction's
    // sessions share): on a cluster, a read routed to a follower waits until that follower
    // has applied them, so a read after a write through this process sees it.
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: neo4j.session.READ,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    this.inFlight += 1;
    try {
      const result = await session.run(this.catalog[name], params, config);
      return result.records.map((record) => record.toObject() as Row);
    } finally {
      this.inFlight -= 1;
      await session.close();
    }
  }

  /**
   * Runs `work` in one write transaction: everything it writes commits together or
   * not at all. The driver retries the whole function on transient errors, so `work`
   * must be safe to repeat (ours MERGE on ids). With `dryRun`, the same work runs
   * and is then rolled back: what it reports is what a real run would do.
   * `stats` counts the statements, as a request's runner does. `timeoutMs` replaces
   * the request timeout for work that is not a request (loading at start);
   * `deadline` gives a request's writes what is left of its time. With `exclusive`,
   * the transaction waits for the other exclusive ones of this process to end first
   * (writers of role profiles, which also take the writers' lock in the database).
   */
  async writeTransaction<T>(
    operation: string,
    work: (run: TransactionRun) => Promise<T>,
    options: { dryRun?: boolean; stats?: QueryStats; timeoutMs?: number; deadline?: number; exclusive?: boolean } = {},
  ): Promise<T> {
    if (!options.exclusive) return this.openWriteTransaction(operation, work, options);
    const deadline = options.deadline ?? Date.now() + (options.timeoutMs ?? this.options.queryTimeoutMs);
    const waitingSince = Date.now();
    await this.turns.take(deadline, waitingSince);
    try {
      return await this.openWriteTransaction(operation, work, options);
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.SERVICE_UNAVAILABLE) this.turns.unavailable();
      throw error;
    } finally {
      this.turns.release();
    }
  }

  private async openWriteTransaction<T>(
    operation: string,
    work: (run: TransactionRun) => Promise<T>,
    options: { dryRun?: boolean; stats?: QueryStats; timeoutMs?: number; deadline?: number },
  ): Promise<T> {
    const timeoutMs = options.deadline === undefined ? options.timeoutMs : remainingTime(options.deadline);
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: neo4j.session.WRITE,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    const config = { timeout: timeoutMs ?? this.options.queryTimeoutMs, metadata: { app: 'careers-graph', operation } };
    const runIn = (tx: { run: ManagedTransaction['run'] }) => async (name: StatementName, params: Record<string, unknown>) => {
      if (options.stats) options.stats.roundTrips += 1;
      const result = await tx.run(this.catalog[name], params);
      return result.records.map((record) => record.toObject() as Row);
    };
    this.inFlight += 1;
    try {
      if (!options.dryRun) return await session.executeWrite((tx) => work(runIn(tx)), config);
      const tx = session.beginTransaction(config);
      try {
        return await work(runIn(tx));
      } finally {
        await tx.rollback();
      }
    } catch (error) {
      throw translateNeo4jError(error);
    } finally {
      this.inFlight -= 1;
      await session.close();
    }
  }

  /**
   * True when the database answers a trivial query within `timeoutMs`, sent as a
   * read or as a write (which a cluster routes to its leader). Uses one auto-commit
   * query, which the driver does not retry, so a dead database is reported within
   * the time limit.
   */
  async isReachable(timeoutMs: number, mode: 'READ' | 'WRITE' = 'READ'): Promise<boolean> {
    const accessMode = mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE;
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: accessMode });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      const answered = session.run('RETURN 1', {}, { timeout: timeoutMs }).then(
        () => true,
        () => false,
      );
      return await Promise.race([answered, timedOut]);
    } finally {
      clearTimeout(timer);
      void session.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/** One driver per process: numbers come back as JS numbers (ids and counts stay far below 2^53). */
export function createDriver(uri: string, user: string, password: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(user, password), {
    disableLosslessIntegers: true,
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 5_000,
    // The driver retries transient failures after 1, 2, 4 s (±20%) while less than this
    // has passed since the first failure, so the total can reach about twice it: with
    // 3 s, a statement against a stopped Neo4j failed only after 5.6-7.8 s half the time,
    // past a 5 s query timeout. With 1 s it fails within about 3.4 s, still retrying a
    // deadlock or a dropped connection once or twice.
    maxTransactionRetryTime: 1_000,
    userAgent: 'careers-graph',
  });
}

import { Neo4jError, type Driver } from 'neo4j-driver';
import { AppError } from '../errors/app-error';
import { loadCypherCatalog } from './cypher-catalog';
import { Database, remainingTime } from './database';

describe('a request’s time limit', () => {
  it('gives each statement what is left of it', () => {
    const left = remainingTime(Date.now() + 2_000);
    expect(left).toBeGreaterThan(1_900);
    expect(left).toBeLessThanOrEqual(2_000);
  });

  it('starts no statement once it is spent: QUERY_TIMEOUT, no round trip, the driver never called', async () => {
    const executeQuery = jest.fn();
    const session = jest.fn();
    const database = new Database({ executeQuery, session } as unknown as Driver, loadCypherCatalog(), { database: 'neo4j', queryTimeoutMs: 20 });
    const runner = database.runner();
    await new Promise((resolve) => setTimeout(resolve, 40));
    const failure = runner.read('sources-all', {}).catch((error: unknown) => error);
    await expect(failure).resolves.toBeInstanceOf(AppError);
    await expect(failure).resolves.toMatchObject({ code: 'QUERY_TIMEOUT' });
    expect(runner.stats.roundTrips).toBe(0);
    expect(executeQuery).not.toHaveBeenCalled();
    expect(session).not.toHaveBeenCalled();
  });

  it('bounds a write transaction by the same deadline', async () => {
    const session = jest.fn();
    const database = new Database({ session } as unknown as Driver, loadCypherCatalog(), { database: 'neo4j', queryTimeoutMs: 10_000 });
    await expect(database.writeTransaction('late', async () => 1, { deadline: Date.now() - 1 })).rejects.toMatchObject({
      code: 'QUERY_TIMEOUT',
    });
  });
});

describe('a read', () => {
  const record = { toObject: () => ({ answer: 1 }) };
  /** A driver whose read sessions fail with these errors, in turn, then answer one row. */
  function failingDriver(errors: Error[]) {
    const run = jest.fn(async () => {
      const error = errors.shift();
      if (error) throw error;
      return { records: [record] };
    });
    const session = jest.fn(() => ({ run, close: jest.fn(async () => undefined) }));
    return { driver: { session } as unknown as Driver, run, session };
  }
  const database = (driver: Driver) => new Database(driver, loadCypherCatalog(), { database: 'neo4j', queryTimeoutMs: 10_000 });

  it('runs as one auto-commit statement with the time left and the operation in its metadata', async () => {
    const { driver, run } = failingDriver([]);
    const runner = database(driver).runner(() => 'RoleDetail');
    await expect(runner.read('sources-all', {})).resolves.toEqual([{ answer: 1 }]);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run.mock.calls[0]).toEqual([
      expect.stringContaining('MATCH'),
      {},
      { timeout: expect.any(Number), metadata: { app: 'careers-graph', operation: 'RoleDetail', query: 'sources-all' } },
    ]);
    expect(runner.stats.roundTrips).toBe(1);
  });

  it('is tried once more after a dropped connection, and counted once', async () => {
    const { driver, session } = failingDriver([new Neo4jError('connection lost', 'ServiceUnavailable', '08000', 'description')]);
    const runner = database(driver).runner();
    await expect(runner.read('sources-all', {})).resolves.toEqual([{ answer: 1 }]);
    expect(session).toHaveBeenCalledTimes(2);
    expect(runner.stats.roundTrips).toBe(1);
  });

  it('fails with SERVICE_UNAVAILABLE when the second try fails too, and is not repeated for other errors', async () => {
    const lost = () => new Neo4jError('connection lost', 'ServiceUnavailable', '08000', 'description');
    const twice = failingDriver([lost(), lost(), lost()]);
    await expect(database(twice.driver).runner().read('sources-all', {})).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(twice.session).toHaveBeenCalledTimes(2);

    const syntax = failingDriver([new Neo4jError('bad statement', 'Neo.ClientError.Statement.SyntaxError', '42001', 'description')]);
    await expect(database(syntax.driver).runner().read('sources-all', {})).rejects.toBeInstanceOf(Neo4jError);
    expect(syntax.session).toHaveBeenCalledTimes(1);
  });
});

describe('exclusive writes while the database is down', () => {
  /** A driver whose write transactions fail as ServiceUnavailable after `ms`, or succeed once `up` is set. */
  function downDriver(ms: number) {
    const state = { up: false };
    const executeWrite = jest.fn(async (work: (tx: unknown) => Promise<unknown>) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      if (!state.up) throw new Neo4jError('could not reach the database', 'ServiceUnavailable', '08000', 'description');
      return work({ run: async () => ({ records: [] }) });
    });
    const session = jest.fn(() => ({ executeWrite, close: jest.fn(async () => undefined) }));
    return { driver: { session } as unknown as Driver, executeWrite, state };
  }

  it('fails the writers queued behind one that found it down at once, SERVICE_UNAVAILABLE, without trying each in turn', async () => {
    const { driver, executeWrite, state } = downDriver(200);
    const database = new Database(driver, loadCypherCatalog(), { database: 'neo4j', queryTimeoutMs: 5_000 });
    const started = Date.now();
    const writes = Array.from({ length: 4 }, (_, i) =>
      database.writeTransaction(`write-${i}`, async () => i, { exclusive: true }).then(
        () => ({ code: 'OK', ms: Date.now() - started }),
        (error: AppError) => ({ code: error.code, ms: Date.now() - started }),
      ),
    );
    const outcomes = await Promise.all(writes);
    expect(outcomes.map((outcome) => outcome.code)).toEqual(['SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE']);
    // Only the first reached the driver; the others learnt of the outage from it.
    expect(executeWrite).toHaveBeenCalledTimes(1);
    expect(Math.max(...outcomes.map((outcome) => outcome.ms))).toBeLessThan(1_000);

    // A writer arriving after the failure tries again: the database may be back.
    state.up = true;
    await expect(database.writeTransaction('later', async () => 'written', { exclusive: true })).resolves.toBe('written');
    expect(executeWrite).toHaveBeenCalledTimes(2);
  });
});

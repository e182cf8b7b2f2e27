import type { Driver } from 'neo4j-driver';
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
    const database = new Database({ executeQuery } as unknown as Driver, loadCypherCatalog(), { database: 'neo4j', queryTimeoutMs: 20 });
    const runner = database.runner();
    await new Promise((resolve) => setTimeout(resolve, 40));
    const failure = runner.read('sources-all', {}).catch((error: unknown) => error);
    await expect(failure).resolves.toBeInstanceOf(AppError);
    await expect(failure).resolves.toMatchObject({ code: 'QUERY_TIMEOUT' });
    expect(runner.stats.roundTrips).toBe(0);
    expect(executeQuery).not.toHaveBeenCalled();
  });

  it('bounds a write transaction by the same deadline', async () => {
    const session = jest.fn();
    const database = new Database({ session } as unknown as Driver, loadCypherCatalog(), { database: 'neo4j', queryTimeoutMs: 10_000 });
    await expect(database.writeTransaction('late', async () => 1, { deadline: Date.now() - 1 })).rejects.toMatchObject({
      code: 'QUERY_TIMEOUT',
    });
  });
});

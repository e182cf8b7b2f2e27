import type { Database, QueryStats, TransactionRun } from '../database/database';
import { RoleNeighboursRefresher } from '../database/role-neighbours';
import { CurationRepository } from './curation.repository';

/** A database whose write transactions run their work against canned rows, committing at once. */
function fakeDatabase() {
  const run = jest.fn(async (statement: string) => (statement === 'upsert-sources' ? [{ id: 'article-1', created: true }] : []));
  const writeTransaction = jest.fn(async (_operation: string, work: (run: TransactionRun) => Promise<unknown>) => work(run as unknown as TransactionRun));
  return { database: { writeTransaction } as unknown as Database, writeTransaction };
}
const stats = { roundTrips: 0 } as QueryStats;
const context = { actor: 'curator', operation: 'UpsertSource' };

describe('a curation write and the kept neighbours after it', () => {
  it('answers once a refresh that saw it is done', async () => {
    const { database } = fakeDatabase();
    const refresh = jest.fn(async () => undefined);
    const repository = new CurationRepository(database, stats, Date.now() + 5_000, new RoleNeighboursRefresher(refresh, jest.fn()));
    await expect(repository.upsertSource({ id: 'article-1', title: 'An article' }, context)).resolves.toMatchObject({ outcome: expect.any(String) });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(repository.neighboursPending).toBe(false);
  });

  it('answers the committed write at the request’s deadline, marked pending, while the refresh goes on', async () => {
    const { database, writeTransaction } = fakeDatabase();
    let endRefresh = (): void => undefined;
    const refresh = jest.fn(() => new Promise<void>((resolve) => (endRefresh = resolve)));
    const refresher = new RoleNeighboursRefresher(refresh, jest.fn());
    const started = Date.now();
    const repository = new CurationRepository(database, stats, started + 100, refresher);
    await expect(repository.upsertSource({ id: 'article-1', title: 'An article' }, context)).resolves.toMatchObject({ outcome: expect.any(String) });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(writeTransaction).toHaveBeenCalledTimes(1);
    expect(repository.neighboursPending).toBe(true);
    endRefresh();
    await refresher.idle();
  });

  it('waits for no refresh on a dry run', async () => {
    const { database } = fakeDatabase();
    const refresh = jest.fn(async () => undefined);
    const repository = new CurationRepository(database, stats, Date.now() + 5_000, new RoleNeighboursRefresher(refresh, jest.fn()));
    await expect(repository.importDataset({ sources: [{ id: 'article-1', title: 'An article' }], nodes: [], links: [] }, true, context)).resolves.toBeDefined();
    expect(refresh).not.toHaveBeenCalled();
  });
});

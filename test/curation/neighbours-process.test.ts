import { connectDatabase } from '../../src/database/connect-database';
import type { Database } from '../../src/database/database';
import { refreshRoleNeighbours } from '../../src/database/role-neighbours';
import { refreshRoleNeighboursInChild, RoleNeighboursProcess } from '../../src/database/role-neighbours-process';
import { testDatabase } from '../integration/test-database';
import { CURATION_URI_VARIABLE } from './global-setup';

// The rebuild of the kept neighbours in a child process (what the service runs after
// writes and at start), against the curation suite's Neo4j with the curated graph.

let database: Database;
beforeAll(() => {
  const uri = process.env[CURATION_URI_VARIABLE];
  if (!uri) throw new Error('the suite global setup did not run');
  database = connectDatabase({ uri, user: testDatabase.user, password: testDatabase.password, database: testDatabase.database, queryTimeoutMs: 10_000 });
});
afterAll(() => database.close());

interface KeptLists {
  id: string;
  similarIds: string[];
  similarScores: number[];
}

async function keptLists(): Promise<KeptLists[]> {
  const { records } = await database.driver.executeQuery(
    'MATCH (role:Role) RETURN role.id AS id, role.similarIds AS similarIds, role.similarScores AS similarScores ORDER BY id',
    {},
    { database: testDatabase.database },
  );
  return records.map((record) => record.toObject() as KeptLists);
}

async function clearKeptLists(): Promise<void> {
  await database.driver.executeQuery('MATCH (role:Role) SET role.similarIds = [], role.similarScores = []', {}, { database: testDatabase.database });
}

const REFRESH = { timeoutMs: 60_000 };

describe('the rebuild of the kept neighbours in a child process', () => {
  it('writes what the same rebuild in this process writes, and reports it', async () => {
    await refreshRoleNeighbours(database, REFRESH);
    const expected = await keptLists();
    expect(expected.filter((role) => role.similarIds.length > 0).length).toBeGreaterThan(1);

    await clearKeptLists();
    const progress: string[] = [];
    const report = await refreshRoleNeighboursInChild(database, { ...REFRESH, heapMb: 256, progress: (line) => progress.push(line) });

    expect(await keptLists()).toEqual(expected);
    expect(report.roles).toBe(expected.length);
    expect(report.written).toBe(expected.filter((role) => role.similarIds.length > 0).length);
    expect(progress.some((line) => line.startsWith('role neighbours:'))).toBe(true);
  }, 60_000);

  it('writes only in the exclusive writers turn of the process that started it', async () => {
    await clearKeptLists();
    const child = new RoleNeighboursProcess(database, { heapMb: 256, idleMs: 60_000 });
    try {
      // This process holds the turn: the child's first transaction must wait for it.
      await database.turns.take(Date.now() + 1_000, Date.now());
      let settled = false;
      const refresh = child.refresh(REFRESH).finally(() => {
        settled = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(settled).toBe(false);
      expect((await keptLists()).every((role) => role.similarIds.length === 0)).toBe(true);

      database.turns.release();
      const report = await refresh;
      expect(report.written).toBeGreaterThan(0);
      // Every turn the child took was handed back: this process gets one at once.
      await database.turns.take(Date.now() + 100, Date.now());
      database.turns.release();

      // A second rebuild reuses the running child and finds nothing to change.
      expect((await child.refresh(REFRESH)).written).toBe(0);
    } finally {
      await child.close();
    }
  }, 60_000);

  it('fails with the heap limit named when the child runs out of memory, and the next rebuild starts afresh', async () => {
    const child = new RoleNeighboursProcess(database, { heapMb: 1, idleMs: 60_000 });
    try {
      await expect(child.refresh(REFRESH)).rejects.toThrow('the role neighbours refresh ran out of memory: its heap may grow to 1 MB (NEIGHBOURS_HEAP_MB)');
      // No turn is left held by the child that died.
      await database.turns.take(Date.now() + 100, Date.now());
      database.turns.release();
    } finally {
      await child.close();
    }
    const report = await refreshRoleNeighboursInChild(database, { ...REFRESH, heapMb: 256 });
    expect(report.roles).toBeGreaterThan(0);
  }, 60_000);

  it('fails, handing back its turn, when the child is killed during a rebuild', async () => {
    const child = new RoleNeighboursProcess(database, { heapMb: 256, idleMs: 60_000 });
    try {
      await database.turns.take(Date.now() + 1_000, Date.now());
      const refresh = child.refresh(REFRESH);
      // The child is started and waiting for the turn; it dies before it gets it.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(child.pid).not.toBeNull();
      process.kill(child.pid as number, 'SIGKILL');
      await expect(refresh).rejects.toThrow(/the role neighbours refresh's process ended \(SIGKILL\) before it answered/);
      database.turns.release();
      await database.turns.take(Date.now() + 100, Date.now());
      database.turns.release();
    } finally {
      await child.close();
    }
  }, 60_000);
});

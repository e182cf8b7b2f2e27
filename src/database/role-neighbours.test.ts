import type { RoleFeatures } from '../analysis/role-profile';
import { indexChanges, RoleNeighboursRefresher } from './role-neighbours';

const role = (id: string, skills: [string, number][]): RoleFeatures => ({
  id,
  name: id,
  taxonomy: 'curated',
  names: [id],
  duties: [],
  skills: skills.map(([skill, weight]) => ({ id: skill, weight })),
});

describe('indexChanges (the skill index kept with the role neighbours)', () => {
  const features = [role('b', [['mixing', 3], ['acoustics', 4]]), role('a', [['mixing', 1]]), role('c', [])];

  it('lists, per skill, the roles requiring it in id order with fw / ‖role‖', () => {
    const changes = indexChanges(features, [
      { id: 'mixing', ids: [], shares: [] },
      { id: 'acoustics', ids: [], shares: [] },
      { id: 'lighting', ids: [], shares: [] },
    ]);
    expect(changes).toEqual([
      { id: 'mixing', ids: ['a', 'b'], shares: [1, 3 / 5] },
      { id: 'acoustics', ids: ['b'], shares: [4 / 5] },
    ]);
  });

  it('leaves out the entries kept as they are, and empties those no role needs any more', () => {
    const changes = indexChanges(features, [
      { id: 'mixing', ids: ['a', 'b'], shares: [1, 0.6] },
      { id: 'acoustics', ids: ['b'], shares: [0.7] },
      { id: 'lighting', ids: ['a'], shares: [1] },
    ]);
    expect(changes).toEqual([
      { id: 'acoustics', ids: ['b'], shares: [0.8] },
      { id: 'lighting', ids: [], shares: [] },
    ]);
  });
});

describe('RoleNeighboursRefresher', () => {
  /** A refresh the test ends by hand, one call at a time. */
  function manualRefresh() {
    const ends: (() => void)[] = [];
    const refresh = jest.fn(() => new Promise<void>((resolve) => ends.push(resolve)));
    const finish = async () => {
      ends.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    };
    return { refresh, finish };
  }

  it('serves a request by a refresh that started after it: those made during a run share one more run', async () => {
    const { refresh, finish } = manualRefresh();
    const refresher = new RoleNeighboursRefresher(refresh, jest.fn());
    const first = refresher.request();
    let laterServed = 0;
    const later = [refresher.request(), refresher.request()].map((served) => served.then(() => (laterServed += 1)));
    expect(refresh).toHaveBeenCalledTimes(1);
    await finish();
    await expect(first).resolves.toBe(true);
    // The run that was going when they asked cannot have seen their writes.
    expect(laterServed).toBe(0);
    expect(refresh).toHaveBeenCalledTimes(2);
    await finish();
    await Promise.all(later);
    expect(laterServed).toBe(2);
    await refresher.idle();
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('answers false at the deadline while the refresh goes on, then serves the next request with a new run', async () => {
    const { refresh, finish } = manualRefresh();
    const refresher = new RoleNeighboursRefresher(refresh, jest.fn());
    const started = Date.now();
    await expect(refresher.request(Date.now() + 30)).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
    const next = refresher.request();
    await finish();
    await finish();
    await expect(next).resolves.toBe(true);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('hands a failed refresh to onError and still answers, so a writer is not left waiting', async () => {
    const failure = new Error('database down');
    const onError = jest.fn();
    const refresher = new RoleNeighboursRefresher(() => Promise.reject(failure), onError);
    await expect(refresher.request()).resolves.toBe(true);
    expect(onError).toHaveBeenCalledWith(failure);
  });
});

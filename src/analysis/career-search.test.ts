import { findCareerPath, jobZoneAllows, type RoleMoves } from './career-search';

/** A graph of moves, with the roles each call expanded and the goal it was given; given one, it offers only the moves to it, as the repository does. */
function graph(edges: Record<string, [string, number][]>, zones: Record<string, number> = {}) {
  const calls: string[][] = [];
  const goals: (string | null)[] = [];
  const expand = async (ids: readonly string[], goal: string | null) => {
    calls.push([...ids]);
    goals.push(goal);
    return new Map<string, RoleMoves>(
      ids.map((id) => [
        id,
        {
          jobZone: zones[id] ?? null,
          moves: (edges[id] ?? []).filter(([to]) => goal === null || to === goal).map(([to, similarity]) => ({ to, similarity, jobZone: zones[to] ?? null })),
        },
      ]),
    );
  };
  return { expand, calls, goals };
}
const options = { maxMoves: 3, maxJobZoneStep: 1, maxFrontier: 100 };

describe('findCareerPath', () => {
  it('takes the fewest moves, then the most alike ones', async () => {
    const { expand } = graph({ a: [['b', 0.9], ['c', 0.5], ['d', 0.2]], b: [['e', 0.4]], c: [['e', 0.9]], d: [['z', 0.9]], e: [['z', 0.9]] });
    // a→d→z is 2 moves; a→b→e→z and a→c→e→z are 3.
    expect(await findCareerPath('a', 'z', expand, options)).toEqual([
      { from: 'a', to: 'd', similarity: 0.2 },
      { from: 'd', to: 'z', similarity: 0.9 },
    ]);
    // Among 2-move paths to e: via c costs 0.5 + 0.1, via b 0.1 + 0.6.
    expect((await findCareerPath('a', 'e', expand, options))?.map((step) => step.from)).toEqual(['a', 'c']);
  });

  it('gives null beyond maxMoves, and no moves from a role to itself', async () => {
    const { expand } = graph({ a: [['b', 0.9]], b: [['c', 0.9]], c: [['d', 0.9]], d: [['e', 0.9]] });
    expect(await findCareerPath('a', 'e', expand, options)).toBeNull();
    expect(await findCareerPath('a', 'e', expand, { ...options, maxMoves: 4 })).toHaveLength(4);
    expect(await findCareerPath('a', 'a', expand, options)).toEqual([]);
  });

  it('refuses a move up more job zones than allowed, never a move down', async () => {
    const { expand } = graph({ a: [['b', 0.9], ['c', 0.5]], c: [['b', 0.9]] }, { a: 1, b: 3, c: 2 });
    expect((await findCareerPath('a', 'b', expand, options))?.map((step) => step.to)).toEqual(['c', 'b']);
    expect(await findCareerPath('a', 'b', expand, { ...options, maxJobZoneStep: 2 })).toEqual([{ from: 'a', to: 'b', similarity: 0.9 }]);
    expect(jobZoneAllows(5, 1, 1)).toBe(true);
    expect(jobZoneAllows(null, 5, 0)).toBe(true);
  });

  it('expands each step in one call, never a role twice, at most maxFrontier roles', async () => {
    const { expand, calls } = graph({ a: [['b', 0.9], ['c', 0.8], ['d', 0.7]], b: [['a', 0.9], ['c', 0.9]], c: [['x', 0.5]], d: [['x', 0.5]] });
    expect(await findCareerPath('a', 'z', expand, { ...options, maxFrontier: 2 })).toBeNull();
    expect(calls).toEqual([['a'], ['b', 'c'], ['x']]);
  });

  it('gives the goal to the last step only', async () => {
    const { expand, goals } = graph({ a: [['b', 0.9]], b: [['c', 0.9]], c: [['z', 0.9], ['y', 0.9]] });
    expect((await findCareerPath('a', 'z', expand, options))?.map((step) => step.to)).toEqual(['b', 'c', 'z']);
    expect(goals).toEqual([null, null, 'z']);
    const shorter = graph({ a: [['b', 0.9]], b: [['z', 0.9]] });
    expect(await findCareerPath('a', 'z', shorter.expand, options)).toHaveLength(2);
    expect(shorter.goals).toEqual([null, null]);
  });
});

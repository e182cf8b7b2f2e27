/**
 * The search for career moves: the path of fewest moves from one role to another over
 * feasible moves, and among those the one whose moves are most alike (the least total
 * of 1 − similarity). Pure: the caller supplies each step's moves (read from the kept
 * neighbours, src/repositories/career.repository.ts).
 */

/** What one role offers: its job zone (null when unknown) and its moves, best first. */
export interface RoleMoves {
  jobZone: number | null;
  moves: { to: string; similarity: number; jobZone: number | null }[];
}

export interface CareerSearchOptions {
  /** At most this many moves (1..4). */
  maxMoves: number;
  /** A move may rise at most this many job zones (a move down is always allowed). */
  maxJobZoneStep: number;
  /** At most this many roles are expanded per step, the closest first: bounds the work at 4 moves. */
  maxFrontier: number;
}

export interface CareerStep {
  from: string;
  to: string;
  similarity: number;
}

/** Whether a move from a role of zone `from` to one of zone `to` rises at most `step` zones; unknown zones never block. */
export function jobZoneAllows(from: number | null, to: number | null, step: number): boolean {
  return from === null || to === null || to - from <= step;
}

/**
 * The moves from `start` to `goal`, or null when no path of at most maxMoves feasible
 * moves exists. Breadth first, one step per call of `expand` (all the frontier's roles
 * at once; at the last depth it is given the goal, and may offer only the moves to it);
 * a role reached at one depth is never entered again deeper. Ties between
 * equally good paths go to the smaller role id, so the answer is stable.
 */
export async function findCareerPath(
  start: string,
  goal: string,
  expand: (ids: readonly string[], goal: string | null) => Promise<ReadonlyMap<string, RoleMoves>>,
  options: CareerSearchOptions,
): Promise<CareerStep[] | null> {
  if (start === goal) return [];
  const reached = new Map<string, { cost: number; previous: string | null; similarity: number }>([[start, { cost: 0, previous: null, similarity: 1 }]]);
  let frontier = [start];
  for (let depth = 1; depth <= options.maxMoves && frontier.length > 0; depth += 1) {
    // At the last depth only a move to the goal can end a path: `expand` may return just those.
    const offers = await expand(frontier, depth === options.maxMoves ? goal : null);
    const next = new Map<string, { cost: number; previous: string; similarity: number }>();
    for (const from of frontier) {
      const offer = offers.get(from);
      const here = reached.get(from);
      if (!offer || !here) continue;
      for (const move of offer.moves) {
        if (reached.has(move.to) || !jobZoneAllows(offer.jobZone, move.jobZone, options.maxJobZoneStep)) continue;
        const cost = here.cost + (1 - move.similarity);
        const known = next.get(move.to);
        if (!known || cost < known.cost || (cost === known.cost && from < known.previous)) next.set(move.to, { cost, previous: from, similarity: move.similarity });
      }
    }
    for (const [id, entry] of next) reached.set(id, entry);
    if (next.has(goal)) {
      const steps: CareerStep[] = [];
      for (let at = goal; at !== start; ) {
        const entry = reached.get(at);
        if (!entry || entry.previous === null) break;
        steps.unshift({ from: entry.previous, to: at, similarity: entry.similarity });
        at = entry.previous;
      }
      return steps;
    }
    frontier = [...next]
      .sort(([a, x], [b, y]) => x.cost - y.cost || (a < b ? -1 : 1))
      .slice(0, options.maxFrontier)
      .map(([id]) => id);
  }
  return null;
}

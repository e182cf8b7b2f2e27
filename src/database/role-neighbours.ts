import { buildProfiles, nearestNeighbours, PROFILE_VERSION, taxonomyOfRole, type RoleFeatures } from '../analysis/role-profile';
import type { Database, Row } from './database';

/** The id of the (:GraphState) node recording whether the kept neighbours are current. */
export const NEIGHBOURS_STATE = 'role-neighbours';

/** How many neighbours each role keeps: the most `similarRoles(first:)` asks for. */
export const KEPT_NEIGHBOURS = 100;
const PAGE = 2_000;
const WRITE_BATCH = 500;

/** What a refresh of the kept neighbours did. */
export interface RoleNeighboursReport {
  roles: number;
  /** Roles whose list changed and was written. */
  written: number;
  /** Milliseconds spent reading, computing and writing. */
  readMs: number;
  computeMs: number;
  writeMs: number;
}

/** Whether the kept neighbours are behind the graph: a writer marked them due, a refresh stopped half way, none was ever built, or other formulas built them. */
export async function roleNeighboursDue(database: Database): Promise<boolean> {
  const [row] = await database.runner(() => 'role-neighbours-state').read('role-neighbours-state', { state: NEIGHBOURS_STATE });
  return row?.due !== false || row?.building === true || row?.version !== PROFILE_VERSION;
}

/**
 * Rebuilds every role's kept neighbours (the PROFILE similarity) from the graph: reads
 * every role's features in one read transaction, computes the profiles and each role's
 * KEPT_NEIGHBOURS nearest in memory (src/analysis/role-profile.ts), then writes only the
 * roles whose list changed, in batches. The read transaction takes the due flag and
 * marks the refresh building until its last batch: a write meanwhile sets the flag
 * again, for the next refresh, and a refresh that stops half way is redone at start.
 * Memory: the features of all roles (tens of MB for O*NET and ESCO together).
 */
export async function refreshRoleNeighbours(database: Database, options: { timeoutMs: number; progress?: (line: string) => void }): Promise<RoleNeighboursReport> {
  const started = Date.now();
  const rows = await database.writeTransaction(
    'read role profiles',
    async (run) => {
      await run('role-neighbours-begin', { state: NEIGHBOURS_STATE });
      const all: Row[] = [];
      for (let after = ''; ; ) {
        const page = await run('role-profile-features', { after, page: PAGE });
        all.push(...page);
        if (page.length < PAGE) break;
        after = String(page[page.length - 1]?.id);
      }
      return all;
    },
    { timeoutMs: options.timeoutMs },
  );
  const read = Date.now();
  const features: RoleFeatures[] = rows.map((row) => ({
    id: String(row.id),
    name: String(row.name),
    taxonomy: taxonomyOfRole(String(row.id)),
    names: row.names as string[],
    duties: row.duties as string[],
    skills: (row.skills as [string, number][]).map(([id, weight]) => ({ id, weight: Number(weight) })),
  }));
  const neighbours = nearestNeighbours(buildProfiles(features), KEPT_NEIGHBOURS);
  const computed = Date.now();
  const changed = rows.flatMap((row) => {
    const list = neighbours.get(String(row.id)) ?? [];
    const ids = list.map((match) => match.id);
    const scores = list.map((match) => match.score);
    const same = sameList(row.similarIds as string[], ids) && sameList((row.similarScores as number[]).map(Number), scores);
    if (same) return [];
    return [
      {
        id: String(row.id),
        ids,
        scores,
        names: list.map((match) => match.parts.names),
        duties: list.map((match) => match.parts.duties),
        skills: list.map((match) => match.parts.skills),
      },
    ];
  });
  let written = 0;
  for (let start = 0; start < changed.length || start === 0; start += WRITE_BATCH) {
    const batch = changed.slice(start, start + WRITE_BATCH);
    const last = start + WRITE_BATCH >= changed.length;
    written += await database.writeTransaction(
      'write role neighbours',
      async (run) => {
        const [row] = batch.length > 0 ? await run('role-neighbours-set', { rows: batch }) : [{ written: 0 }];
        if (last) await run('role-neighbours-built', { state: NEIGHBOURS_STATE, version: PROFILE_VERSION });
        return Number(row?.written ?? 0);
      },
      { timeoutMs: options.timeoutMs },
    );
    if (changed.length > WRITE_BATCH) options.progress?.(`role neighbours: ${Math.min(start + WRITE_BATCH, changed.length)} of ${changed.length} role(s) written`);
    if (last) break;
  }
  const report = { roles: rows.length, written, readMs: read - started, computeMs: computed - read, writeMs: Date.now() - computed };
  options.progress?.(
    `role neighbours: ${written} of ${report.roles} role(s) rewritten (read ${(report.readMs / 1000).toFixed(1)} s, computed ${(report.computeMs / 1000).toFixed(1)} s, written ${(report.writeMs / 1000).toFixed(1)} s)`,
  );
  return report;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/**
 * Runs refreshes one at a time, after writes that do not refresh in their own
 * transaction (curation mutations): a request made while one runs is served by one
 * more run after it, however many requests came meanwhile.
 */
export class RoleNeighboursRefresher {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly database: Database,
    private readonly onError: (error: unknown) => void,
    private readonly timeoutMs = 300_000,
  ) {}

  /** Asks for a refresh; resolves when one that started after the request has finished. */
  request(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running.then(() => this.running ?? undefined);
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await refreshRoleNeighbours(this.database, { timeoutMs: this.timeoutMs });
        } catch (error) {
          this.onError(error);
        }
      } while (this.again);
      this.running = null;
    })();
    return this.running;
  }

  /** Waits for the refreshes asked for so far (at shutdown, and in tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}

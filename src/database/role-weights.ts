import type { Database, TransactionRun } from './database';
import { NEIGHBOURS_STATE } from './role-neighbours';
import { lockWriters } from './writers-lock';

/** The id of the (:GraphState) node recording which imports left the weights pending. */
const STATE = 'role-weights';

/**
 * How many ranks a requirement's priority takes to fall to 1/e of the role's first
 * (refresh-role-weights.cypher): a role's tenth most important requirement counts
 * 0.37 of its first, its thirtieth 0.05. Chosen on O*NET 29.0 (docs/analytics.md,
 * "How the numbers were chosen"): from 8 to 12 ranks fit best; 20 and 30 less well.
 */
export const PRIORITY_DECAY = 10;

/**
 * The version of the formulas refresh-role-weights.cypher applies, recorded when a
 * refresh settles the weights: a graph whose weights an earlier version computed is
 * refreshed at the next start. 2: requirements' priority, and skillNorm over it.
 */
export const WEIGHTS_VERSION = 2;

/** What a refresh of the roles' derived requirement totals did. */
export interface RoleWeightsReport {
  /** Roles read: every role, or those of the writer's scope. */
  roles: number;
  /** Roles whose skillCount, skillWeight or skillNorm changed and were written. */
  refreshed: number;
  /** Requirements whose priority was written or removed. */
  reprioritised: number;
}

/**
 * The roles whose derived weights a write may have changed: `'all'`, or the roles it
 * touched (`roles`) and the skills it added requirements to or took them from
 * (`skills`), whose every requiring role's idf-weighted total moves with them. A new
 * or deleted role changes N, and so every role: `'all'`.
 */
export type WeightsScope = 'all' | { roles: readonly string[]; skills: readonly string[] };

/** Nothing a write did can change a role's weights. */
export const NO_WEIGHTS_CHANGE: WeightsScope = { roles: [], skills: [] };

/**
 * Brings the `skillCount`, `skillWeight`, `skillNorm` and requirement priorities of
 * the roles in `scope` up to date inside the caller's transaction (see
 * cypher/queries/refresh-role-weights.cypher for the formula). Every writer calls
 * this after its change: the similarity and recommendation statements trust these
 * properties. It takes the writers' lock first, so of racing writers the last to
 * commit computes from all their changes.
 */
export async function refreshRoleWeights(run: TransactionRun, scope: WeightsScope = 'all'): Promise<RoleWeightsReport> {
  // Whatever any other writer committed before this point is counted; one still
  // running waits here until this transaction ends, then counts this one.
  await lockWriters(run);
  const everything = scope === 'all';
  const nothing = !everything && scope.roles.length === 0 && scope.skills.length === 0;
  const [row] = nothing
    ? [{ roles: 0, refreshed: 0, reprioritised: 0 }]
    : await run('refresh-role-weights', { decay: PRIORITY_DECAY, roles: everything ? null : [...scope.roles], skills: everything ? null : [...scope.skills] });
  // The same writes may change role profiles: the kept neighbours are due a refresh
  // (src/database/role-neighbours.ts), which the writer runs after it commits.
  await run('role-neighbours-mark', { state: NEIGHBOURS_STATE });
  return { roles: Number(row?.roles ?? 0), refreshed: Number(row?.refreshed ?? 0), reprioritised: Number(row?.reprioritised ?? 0) };
}

/**
 * The same, in a transaction of its own, clearing the pending marks of the datasets
 * it `settles` (at start: `'all'`).
 */
export function refreshRoleWeightsNow(database: Database, timeoutMs: number, settles: readonly string[] | 'all'): Promise<RoleWeightsReport> {
  return database.writeTransaction(
    'refresh-role-weights',
    async (run) => {
      const report = await refreshRoleWeights(run);
      await settleRoleWeights(run, settles === 'all' ? null : [...settles]);
      return report;
    },
    { timeoutMs, exclusive: true },
  );
}

/** Clears the pending marks of these datasets (null: of every one), in the caller's transaction, once the weights are current. */
export async function settleRoleWeights(run: TransactionRun, datasets: string[] | null): Promise<void> {
  await run('role-weights-settled', { state: STATE, datasets, version: WEIGHTS_VERSION });
}

/**
 * Marks the weights pending on behalf of an import, before its first batch: the
 * batches write requirements without refreshing (a refresh reads every role), and
 * the import's last step does it. A service starting while a mark is left (the
 * import stopped in between) refreshes them; otherwise the start skips the refresh,
 * which reads every requirement in the graph (8 s with O*NET and ESCO loaded).
 */
export async function markRoleWeightsPending(database: Database, dataset: string): Promise<void> {
  await database.writeTransaction('role-weights-pending', (run) => run('role-weights-pending', { state: STATE, dataset }), { timeoutMs: 30_000 });
}

/**
 * Whether the weights may be out of date: an import's mark is left, the graph has
 * never recorded their state (it was written before the marks were kept), or an
 * earlier version of the formulas computed them. Every
 * other writer refreshes them in the transaction of its change.
 */
export async function roleWeightsPending(database: Database): Promise<{ stale: boolean; pending: string[] }> {
  const [row] = await database.runner(() => 'role-weights-state').read('role-weights-state', { state: STATE });
  const pending = (row?.pending as string[] | undefined) ?? [];
  return { stale: row?.known !== true || pending.length > 0 || Number(row?.version) !== WEIGHTS_VERSION, pending };
}

import type { Database, TransactionRun } from './database';

/** What a refresh of the roles' derived requirement totals did. */
export interface RoleWeightsReport {
  roles: number;
  /** Roles whose skillCount or skillWeight changed and were written. */
  refreshed: number;
}

/**
 * Brings every role's `skillCount` and `skillWeight` up to date inside the
 * caller's transaction (see cypher/queries/refresh-role-weights.cypher for the
 * formula). Every writer calls this after its change: the similarity and
 * recommendation statements trust these two properties.
 */
export async function refreshRoleWeights(run: TransactionRun): Promise<RoleWeightsReport> {
  const [row] = await run('refresh-role-weights', {});
  return { roles: Number(row?.roles ?? 0), refreshed: Number(row?.refreshed ?? 0) };
}

/** The same, in a transaction of its own: after an import's last batch, and at start. */
export function refreshRoleWeightsNow(database: Database, timeoutMs: number): Promise<RoleWeightsReport> {
  return database.writeTransaction('refresh-role-weights', refreshRoleWeights, { timeoutMs });
}

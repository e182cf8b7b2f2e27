import type { TransactionRun } from './database';

/** The id of the (:GraphState) node whose lock serialises the writers (cypher/queries/writers-lock.cypher). */
export const WRITERS_LOCK = 'writers';

/**
 * Waits for, then holds until the caller's transaction ends, the lock that makes
 * writers of role profiles run one at a time. Taken again in the same transaction,
 * it is already held.
 */
export async function lockWriters(run: TransactionRun): Promise<void> {
  await run('writers-lock', { state: WRITERS_LOCK });
}

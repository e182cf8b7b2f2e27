import { Neo4jError, isRetryableError } from 'neo4j-driver';
import { AppError } from './app-error';
import { ErrorCode } from './error-code';

/** Neo4j status codes that mean the transaction ran past its time limit. */
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.TransactionTimedOut',
]);

/**
 * Neo4j status codes that mean the transaction needed more memory than it may use
 * (db.memory.transaction.max, or the pool of all transactions). Neo4j 5+ reports
 * MemoryPoolOutOfMemoryError (GQL status 51N72); older releases used
 * TransactionOutOfMemoryError. They are "transient", but the same query fails the
 * same way again, so they are not a database outage.
 */
const MEMORY_LIMIT_CODES = new Set([
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.TransactionOutOfMemoryError',
  'Neo.ClientError.General.TransactionOutOfMemoryError',
]);

/** GQL statuses of the same: memory pool out of memory, transaction memory limit reached. */
const MEMORY_LIMIT_GQL_STATUSES = new Set(['51N72', '51N73']);

/**
 * Transactions the database terminated, as when it shuts down under load. Neo4j sends
 * them as transient (Neo.TransientError.Transaction.Terminated, ...LockClientStopped);
 * the driver renames them ClientError so that it does not retry them itself. For the
 * client they mean the same as an unreachable database: try again shortly.
 */
const TERMINATED_CODES = new Set(['Neo.ClientError.Transaction.Terminated', 'Neo.ClientError.Transaction.LockClientStopped']);

/**
 * A write waited for a lock past db.lock.acquisition.timeout, or was the victim Neo4j
 * chose to break a deadlock. Both are transient and the driver retries them within
 * its retry time; what still fails after that is a conflict between writers, for the
 * client to send again, not an unreachable database.
 */
const LOCK_CONFLICT_CODES = new Set(['Neo.TransientError.Transaction.LockAcquisitionTimeout', 'Neo.TransientError.Transaction.DeadlockDetected']);

/**
 * The driver's own error when every pooled connection stays busy past
 * connectionAcquisitionTimeout (the database is overloaded); it carries no code.
 */
const POOL_EXHAUSTED = /^Connection acquisition timed out\b/;

/**
 * The single place where driver errors become client-facing errors.
 * Time-outs become QUERY_TIMEOUT, the per-transaction memory cap
 * RESOURCE_LIMIT_EXCEEDED, lock waits and deadlocks WRITE_CONFLICT, connectivity failures, terminated transactions, an
 * exhausted connection pool and other transient errors SERVICE_UNAVAILABLE;
 * anything else is returned unchanged, to be masked and logged by formatError.
 */
export function translateNeo4jError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (TIMEOUT_CODES.has(error.code)) {
    return new AppError(ErrorCode.QUERY_TIMEOUT, 'The query took too long and was stopped.', {}, error);
  }
  if (MEMORY_LIMIT_CODES.has(error.code) || MEMORY_LIMIT_GQL_STATUSES.has(error.gqlStatus)) {
    return new AppError(
      ErrorCode.RESOURCE_LIMIT_EXCEEDED,
      'The query needed more memory than one query may use and was stopped.',
      {},
      error,
    );
  }
  if (LOCK_CONFLICT_CODES.has(error.code)) {
    return new AppError(ErrorCode.WRITE_CONFLICT, 'Another write held what this one needed for too long; nothing was written. Send it again.', {}, error);
  }
  if (
    error.code === 'ServiceUnavailable' ||
    error.code === 'SessionExpired' ||
    TERMINATED_CODES.has(error.code) ||
    isRetryableError(error) ||
    POOL_EXHAUSTED.test(error.message)
  ) {
    return new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is unavailable; try again shortly.', {}, error);
  }
  return error;
}

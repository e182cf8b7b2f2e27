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
 * The single place where driver errors become client-facing errors.
 * Connectivity failures become SERVICE_UNAVAILABLE and time-outs QUERY_TIMEOUT;
 * anything else is returned unchanged, to be masked and logged by formatError.
 */
export function translateNeo4jError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (TIMEOUT_CODES.has(error.code)) {
    return new AppError(ErrorCode.QUERY_TIMEOUT, 'The query took too long and was stopped.', {}, error);
  }
  if (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired' || isRetryableError(error)) {
    return new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is unavailable; try again shortly.', {}, error);
  }
  return error;
}

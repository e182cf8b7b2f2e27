import { Neo4jError } from 'neo4j-driver';
import { AppError } from './app-error';
import { ErrorCode } from './error-code';
import { translateNeo4jError } from './translate-neo4j-error';

/** A driver error as the server sends it: a status code and a GQL status. */
const neo4jError = (code: string, gqlStatus = '50N42') => new Neo4jError(`server says ${code}`, code, gqlStatus, 'description');

const codeOf = (error: unknown) => (error instanceof AppError ? error.code : null);

describe('translateNeo4jError', () => {
  it.each([
    // What a client-set timeout (every transaction of the API) ends with; seen from Neo4j 2026.08.
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', '25N14'],
    // What the server's own db.transaction.timeout ends with.
    ['Neo.ClientError.Transaction.TransactionTimedOut', '25N14'],
    ['Neo.TransientError.Transaction.TransactionTimedOut', '25N14'],
  ])('turns %s into QUERY_TIMEOUT', (code, gqlStatus) => {
    const translated = translateNeo4jError(neo4jError(code, gqlStatus));
    expect(codeOf(translated)).toBe(ErrorCode.QUERY_TIMEOUT);
    expect((translated as AppError).extensions).toEqual({ code: ErrorCode.QUERY_TIMEOUT });
  });

  it.each([
    // db.memory.transaction.max reached, as Neo4j 2026.08 reports it (a transient error, GQL 51N72).
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', '51N72'],
    // Older names of the per-transaction cap.
    ['Neo.TransientError.General.TransactionOutOfMemoryError', '51N73'],
    ['Neo.ClientError.General.TransactionOutOfMemoryError', '50N42'],
    // Known by its GQL status alone.
    ['Neo.TransientError.General.SomeFutureMemoryError', '51N73'],
  ])('turns %s into RESOURCE_LIMIT_EXCEEDED, not SERVICE_UNAVAILABLE', (code, gqlStatus) => {
    const error = neo4jError(code, gqlStatus);
    const translated = translateNeo4jError(error);
    expect(codeOf(translated)).toBe(ErrorCode.RESOURCE_LIMIT_EXCEEDED);
    expect((translated as AppError).message).not.toContain('server says');
    expect((translated as AppError).originalError).toBe(error);
  });

  it.each([
    ['ServiceUnavailable'],
    ['SessionExpired'],
    ['Neo.TransientError.Transaction.LockClientStopped'],
    ['Neo.TransientError.General.DatabaseUnavailable'],
    // What the driver reports for a transaction Neo4j terminated, e.g. while shutting down.
    ['Neo.ClientError.Transaction.Terminated'],
    ['Neo.ClientError.Transaction.LockClientStopped'],
  ])('turns %s into SERVICE_UNAVAILABLE', (code) => {
    expect(codeOf(translateNeo4jError(neo4jError(code)))).toBe(ErrorCode.SERVICE_UNAVAILABLE);
  });

  it.each([['Neo.TransientError.Transaction.LockAcquisitionTimeout'], ['Neo.TransientError.Transaction.DeadlockDetected']])(
    'turns %s, left after the driver retried, into WRITE_CONFLICT: the client sends the write again',
    (code) => {
      const error = neo4jError(code);
      const translated = translateNeo4jError(error);
      expect(codeOf(translated)).toBe(ErrorCode.WRITE_CONFLICT);
      expect((translated as AppError).originalError).toBe(error);
    },
  );

  it('turns an exhausted connection pool (the driver\'s error, without a code) into SERVICE_UNAVAILABLE', () => {
    const message = 'Connection acquisition timed out in 5000 ms. Pool status: Active conn count = 100, Idle conn count = 0.';
    const error = new Neo4jError(message, 'N/A', '50N42', 'error: general processing exception - unexpected error.');
    expect(codeOf(translateNeo4jError(error))).toBe(ErrorCode.SERVICE_UNAVAILABLE);
  });

  it('leaves other database errors alone, to be masked as INTERNAL_SERVER_ERROR', () => {
    const error = neo4jError('Neo.ClientError.Statement.SyntaxError', '42001');
    expect(translateNeo4jError(error)).toBe(error);
  });

  it('leaves errors that are not from the driver alone', () => {
    const error = new Error('boom');
    expect(translateNeo4jError(error)).toBe(error);
    expect(translateNeo4jError('text')).toBe('text');
  });
});

/**
 * The closed set of codes a client can see in `errors[].extensions.code`.
 * Anything not listed here is masked as INTERNAL_SERVER_ERROR.
 */
export const ErrorCode = {
  /** An argument is out of range or malformed; the request never reached the database. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** An id named in the request does not exist. */
  NOT_FOUND: 'NOT_FOUND',
  /** The database cannot be reached right now; retrying later may succeed. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** The database query ran past its time limit. */
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  /** Anything unexpected. Details are logged on the server, never sent. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** True for the codes of expected failures, which reach the client as they are. */
export function isClientSafeCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR;
}

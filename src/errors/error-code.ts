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
  /** The database stopped the query because it needed more memory than one transaction may use. */
  RESOURCE_LIMIT_EXCEEDED: 'RESOURCE_LIMIT_EXCEEDED',
  /** A mutation without a valid `Authorization: Bearer` token, or a request with an invalid one (HTTP 401). */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** A write waited too long for another one that held what it needed (a lock, or a deadlock Neo4j broke); nothing was written, and sending it again may succeed. */
  WRITE_CONFLICT: 'WRITE_CONFLICT',
  /** The write would break a rule of the graph (an id held by another kind, a fact left without a source); nothing was written. */
  CONFLICT: 'CONFLICT',
  /** The operation nests fields deeper than the limit. */
  DEPTH_LIMIT_EXCEEDED: 'DEPTH_LIMIT_EXCEEDED',
  /** The operation uses more aliases than the limit. */
  ALIAS_LIMIT_EXCEEDED: 'ALIAS_LIMIT_EXCEEDED',
  /** The operation uses more directives than the limit. */
  DIRECTIVE_LIMIT_EXCEEDED: 'DIRECTIVE_LIMIT_EXCEEDED',
  /** The document has more tokens than the limit. */
  TOKEN_LIMIT_EXCEEDED: 'TOKEN_LIMIT_EXCEEDED',
  /** The document is longer than the limit, in characters. */
  DOCUMENT_TOO_LARGE: 'DOCUMENT_TOO_LARGE',
  /** The operation's estimated cost is over the limit for one request. */
  COST_LIMIT_EXCEEDED: 'COST_LIMIT_EXCEEDED',
  /** The client has spent its budget for the current window; `retryAfterSeconds` says when to retry. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The client already has its maximum of operations running or waiting (HTTP 429); `retryAfterSeconds` says when to retry. */
  CONCURRENCY_LIMITED: 'CONCURRENCY_LIMITED',
  /** The service has as many operations running and waiting as it takes (HTTP 503); `retryAfterSeconds` says when to retry. */
  OVERLOADED: 'OVERLOADED',
  /** The request itself is malformed (a subscription, a bad persisted-query hash, batching, a CSRF-unsafe request); Apollo's own code for such requests. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** The HTTP request body is larger than the limit (HTTP 413). */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** Anything unexpected. Details are logged on the server, never sent. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

import { Kind, Lexer, parse, Source, TokenKind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { ErrorCode } from '../../src/errors/error-code';

/** A request as sent, whoever generated it (our cases or Schemathesis). */
export interface SentRequest {
  method: string;
  /** Path and query string, e.g. `/graphql?query=...`. */
  path: string;
  headers: Record<string, string>;
  /** The body as text (bytes that are not UTF-8 appear as U+FFFD). */
  body?: string;
}

/** What came back. `status` 0: no answer at all (connection refused or reset, or timed out). */
export interface ReceivedResponse {
  status: number;
  contentType: string;
  body: string;
  /** The Retry-After header, when the answer carries one. */
  retryAfter?: string;
  /** Why there was no answer, when status is 0. */
  failure?: string;
}

/** What a case must be answered with, when it has a definite answer. */
export interface Expectation {
  status?: number[];
  /** One of the response's errors carries this code. */
  code?: string;
  /** The request carries a curator's valid token: a mutation may run, and must not be refused as unauthenticated. */
  authorised?: boolean;
}

export interface Verdict {
  /** Broken rules; empty when the response is acceptable. */
  violations: string[];
  /** Every distinct `extensions.code` in the response's errors. */
  codes: string[];
}

/**
 * Codes Apollo Server itself gives before anything of ours runs: a document that
 * does not parse or validate, a malformed HTTP request (including CSRF prevention
 * and batching), an unknown operationName, persisted-query lookups.
 */
const APOLLO_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
];

/** Every code a client may see. INTERNAL_SERVER_ERROR is among them, but always counts as a violation: it is a bug. */
export const KNOWN_CODES: ReadonlySet<string> = new Set([...Object.values(ErrorCode), ...APOLLO_CODES]);

/** Codes that mean a mutation was refused before it ran. */
const REFUSED_BEFORE_EXECUTION = new Set([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.DEPTH_LIMIT_EXCEEDED,
  ErrorCode.ALIAS_LIMIT_EXCEEDED,
  ErrorCode.DIRECTIVE_LIMIT_EXCEEDED,
  ErrorCode.TOKEN_LIMIT_EXCEEDED,
  ErrorCode.DOCUMENT_TOO_LARGE,
  ErrorCode.COST_LIMIT_EXCEEDED,
  ErrorCode.RATE_LIMITED,
  ErrorCode.PAYLOAD_TOO_LARGE,
  ...APOLLO_CODES,
]);

/** Signs of internals in a message: stack frames, source paths, driver and database errors, Cypher. */
const LEAKS: readonly [string, RegExp][] = [
  ['a stack frame', /\bat (?:async )?(?:[\w$.<>[\] ]+ \()?(?:\/|file:|node:|[A-Z]:\\)[^\s)]*:\d+:\d+\)?/],
  ['a source path', /(?:\/[\w.@-]+){2,}\.(?:[cm]?js|ts|cypher|java)\b|node_modules/],
  ['a Neo4j status code', /\bNeo\.(?:ClientError|TransientError|DatabaseError|ClientNotification)\b/],
  ['a Neo4j driver error', /Neo4jError|neo4j-driver|org\.neo4j|bolt:\/\//i],
  ['Cypher text', /\b(?:OPTIONAL MATCH|MATCH \(|MERGE \(|DETACH DELETE|CALL db\.|WHERE [\w.]+ (?:IN|=))|\b(?:UNWIND|RETURN|WITH)\b[^\n]*\bAS\b/],
  ['a Cypher syntax error', /\(line \d+, column \d+ \(offset: \d+\)\)|Invalid input '.*': expected/],
  ['an error class name', /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|UnsupportedMediaTypeError|PayloadTooLargeError):/],
];

/** GraphQL's own syntax-error prefix is not a leak. */
const GRAPHQL_SYNTAX_ERROR = /^Syntax Error: /;

interface ParsedRequest {
  query?: string;
  variables?: unknown;
  operationName?: string;
  /** Every string of the request a message may quote back: literals, names, variable values. */
  echoes: string[];
}

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      into.push(key);
      collectStrings(item, into);
    }
  }
}

/** Tokens of a document, as far as it lexes: what error messages may quote back. */
function tokens(query: string, into: string[]): void {
  try {
    const lexer = new Lexer(new Source(query));
    for (let token = lexer.advance(), count = 0; token.kind !== TokenKind.EOF && count < 5_000; token = lexer.advance(), count += 1) {
      if (token.value) into.push(token.value);
    }
  } catch {
    // A document that does not lex: its raw text is already among the echoes.
  }
}

function parseRequest(request: SentRequest): ParsedRequest {
  const echoes: string[] = [];
  let fields: Record<string, unknown> = {};
  if (request.method === 'GET') {
    const url = new URL(request.path, 'http://fuzz.invalid');
    fields = Object.fromEntries(url.searchParams.entries());
    for (const key of ['variables', 'extensions']) {
      try {
        if (typeof fields[key] === 'string') fields[key] = JSON.parse(fields[key] as string);
      } catch {
        // left as text
      }
    }
  } else if (request.body !== undefined) {
    echoes.push(request.body);
    try {
      const body: unknown = JSON.parse(request.body);
      if (body && typeof body === 'object' && !Array.isArray(body)) fields = body as Record<string, unknown>;
      collectStrings(body, echoes);
    } catch {
      // not JSON: the body itself is the only echo
    }
  }
  collectStrings(fields, echoes);
  const query = typeof fields.query === 'string' ? fields.query : undefined;
  if (query !== undefined) tokens(query, echoes);
  return {
    query,
    variables: fields.variables,
    operationName: typeof fields.operationName === 'string' ? fields.operationName : undefined,
    echoes,
  };
}

/** The operation a request would run, if its document parses and names one. */
function selectedOperation(query: string | undefined, operationName: string | undefined): OperationDefinitionNode | undefined {
  if (query === undefined) return undefined;
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true, maxTokens: 10_000 });
  } catch {
    return undefined;
  }
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (operationName !== undefined) return operations.find((operation) => operation.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/** The text with every echo of the request removed, longest first, so quoting the input back is never taken for a leak. */
function withoutEchoes(text: string, echoes: readonly string[]): string {
  let result = text;
  for (const echo of [...new Set(echoes)].filter((item) => item.length >= 2).sort((a, b) => b.length - a.length)) {
    if (result.includes(echo)) result = result.split(echo).join(' ');
  }
  return result;
}

function strings(value: unknown): string[] {
  const found: string[] = [];
  collectStrings(value, found);
  return found;
}

/**
 * Judges one response against the rules every answer must keep, whatever was sent:
 * never a 5xx (the database is up), always a JSON object with `data` or `errors`,
 * every error with a known `extensions.code` and never INTERNAL_SERVER_ERROR, no
 * stack traces, paths, Neo4j codes or Cypher in what comes back, and a mutation
 * sent without a valid token refused before it runs (one with a curator's valid token,
 * `expected.authorised`, runs or is refused for what it asks, never for its token),
 * and a 429 (a spent budget, or too many operations of one client at once) always
 * RATE_LIMITED or CONCURRENCY_LIMITED with a Retry-After of whole seconds.
 */
export function judge(request: SentRequest, response: ReceivedResponse, expected: Expectation = {}): Verdict {
  const violations: string[] = [];
  const codes = new Set<string>();
  if (response.status === 0) {
    return { violations: [`no response: ${response.failure ?? 'connection failed'}`], codes: [] };
  }
  if (response.status >= 500) violations.push(`HTTP ${response.status}`);
  if (expected.status && !expected.status.includes(response.status)) {
    violations.push(`HTTP ${response.status}, expected ${expected.status.join(' or ')}`);
  }
  const parsed = parseRequest(request);

  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    violations.push(`body is not JSON (${response.contentType || 'no content type'})`);
  }
  if (body !== undefined && !/^application\/(?:graphql-response\+)?json\b/.test(response.contentType)) {
    violations.push(`content type ${response.contentType || 'missing'}`);
  }
  // Anything that is not the expected shape is still searched for leaks, as text.
  let searchable: string[] = [withoutEchoes(response.body, parsed.echoes)];
  if (body !== undefined) {
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      violations.push('body is not a JSON object');
    } else {
      const { data, errors } = body as { data?: unknown; errors?: unknown };
      if (data === undefined && errors === undefined) violations.push('body has neither data nor errors');
      if (errors !== undefined && (!Array.isArray(errors) || errors.length === 0)) violations.push('errors is not a non-empty list');
      if (data !== undefined && data !== null && (typeof data !== 'object' || Array.isArray(data))) violations.push('data is not an object');
      const errorList = Array.isArray(errors) ? (errors as unknown[]) : [];
      for (const error of errorList) {
        const { message, extensions } = (error ?? {}) as { message?: unknown; extensions?: Record<string, unknown> };
        if (typeof message !== 'string') violations.push('an error without a message');
        const code = extensions?.code;
        if (typeof code !== 'string') {
          violations.push('an error without extensions.code');
        } else {
          codes.add(code);
          if (!KNOWN_CODES.has(code)) violations.push(`unknown error code ${code}`);
          if (code === ErrorCode.INTERNAL_SERVER_ERROR) violations.push('INTERNAL_SERVER_ERROR: an unexpected failure, logged by the server');
        }
        for (const key of ['stacktrace', 'exception', 'originalError', 'stack']) {
          if (extensions && key in extensions) violations.push(`extensions.${key} sent to the client`);
        }
      }
      searchable = strings(errorList).map((text) => withoutEchoes(text.replace(GRAPHQL_SYNTAX_ERROR, ''), parsed.echoes));

      const operation = selectedOperation(parsed.query, parsed.operationName);
      if (operation?.operation === 'mutation' && expected.authorised) {
        if (codes.has(ErrorCode.UNAUTHENTICATED)) violations.push('a mutation with a curator\'s valid token was refused as unauthenticated');
      } else if (operation?.operation === 'mutation') {
        if (data && typeof data === 'object' && Object.values(data).some((value) => value !== null)) {
          violations.push('a mutation without a valid token returned data');
        }
        const executed = data !== undefined;
        for (const code of codes) {
          const refused = executed ? code === ErrorCode.UNAUTHENTICATED : REFUSED_BEFORE_EXECUTION.has(code as ErrorCode);
          if (!refused) violations.push(`a mutation without a valid token answered ${code} instead of being refused`);
        }
        const stats = (body as { extensions?: { queryStats?: { cypherRoundTrips?: unknown } } }).extensions?.queryStats;
        if (typeof stats?.cypherRoundTrips === 'number' && stats.cypherRoundTrips > 0) {
          violations.push(`a mutation without a valid token reached the database (${stats.cypherRoundTrips} statements)`);
        }
      }
    }
  }
  if (response.status === 429) {
    if (!codes.has(ErrorCode.RATE_LIMITED) && !codes.has(ErrorCode.CONCURRENCY_LIMITED)) {
      violations.push(`HTTP 429 without RATE_LIMITED or CONCURRENCY_LIMITED (codes: ${[...codes].join(', ') || 'none'})`);
    }
    if (!/^\d+$/.test(response.retryAfter ?? '')) violations.push(`HTTP 429 without a Retry-After of seconds (${response.retryAfter ?? 'none'})`);
  }
  for (const text of searchable) {
    for (const [what, pattern] of LEAKS) {
      const match = pattern.exec(text);
      if (match) violations.push(`${what} in the response: ${JSON.stringify(match[0].slice(0, 80))}`);
    }
  }
  if (expected.code && !codes.has(expected.code)) {
    violations.push(`expected an error ${expected.code}, got ${[...codes].join(', ') || 'none'}`);
  }
  return { violations: [...new Set(violations)], codes: [...codes].sort() };
}

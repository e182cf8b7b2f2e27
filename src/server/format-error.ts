import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import type { Logger } from '../logging/logger';

/** graphql-js's parser reports its token limit in words only; this is that message. */
const TOKEN_LIMIT_MESSAGE = /Document contains more th[ae]t? (\d+) tokens/;

/**
 * graphql-js's suggestions, which tell a client the names the schema holds: " Did you
 * mean "sources"?", " Did you mean the enum value "ROLE" or "TOOL"?", " Did you mean to
 * use an inline fragment on "Role"?". What they suggest are GraphQL names, which hold
 * no question mark, so the suggestion ends at the first one.
 */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** The message without graphql-js's suggestions (see SUGGESTION). */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

export interface FormatErrorOptions {
  /**
   * Leave out graphql-js's "Did you mean ...?" suggestions (production). Done here
   * rather than by Apollo's hideSchemaDetailsFromClientErrors or GraphQL Armor's
   * blockFieldSuggestion: both look only at validation errors (and Armor's pattern
   * misses enum values), while the errors of variables that do not coerce carry
   * suggestions too. Every error a client sees passes through here.
   */
  hideSuggestions?: boolean;
}

/**
 * Only expected failures reach the client as they are: our AppErrors (also when
 * Apollo wrapped them as validation errors), and the errors Apollo raises before
 * execution (parse, validation, variable coercion), which carry no resolver path.
 * Everything else is logged in full and replaced by "Unexpected error." with code
 * INTERNAL_SERVER_ERROR.
 */
export function createFormatError(logger: Logger, options: FormatErrorOptions = {}) {
  const format = formatForClient(logger);
  if (!options.hideSuggestions) return format;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const answer = format(formatted, error);
    return { ...answer, message: withoutSuggestions(answer.message) };
  };
}

function formatForClient(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const wrapped = error instanceof GraphQLError ? error.originalError : undefined;
    if (wrapped instanceof AppError) return { ...formatted, message: wrapped.message, extensions: withoutHttp(wrapped.extensions) };
    if (original instanceof AppError) return withoutStacktrace(formatted);
    const tokens = TOKEN_LIMIT_MESSAGE.exec(formatted.message);
    if (tokens) {
      const limit = Number(tokens[1]);
      return {
        message: `Token limit of ${limit} exceeded.`,
        extensions: { code: ErrorCode.TOKEN_LIMIT_EXCEEDED, limit },
      };
    }
    if (formatted.path === undefined && !(original instanceof Error && original !== error)) {
      // Raised by Apollo or graphql-js about the request itself (a subscription, a
      // persisted-query hash that does not match): the client's doing, though
      // Apollo labels some of them INTERNAL_SERVER_ERROR or leaves them without a code.
      const code = formatted.extensions?.code;
      if (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) {
        return withoutStacktrace({ ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_REQUEST } });
      }
      return withoutStacktrace(formatted);
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving');
    return {
      message: 'Unexpected error.',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

function withoutHttp(extensions: Record<string, unknown>): Record<string, unknown> {
  const { http: _http, ...rest } = extensions;
  return rest;
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

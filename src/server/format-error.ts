import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import type { Logger } from '../logging/logger';

/**
 * Only expected failures reach the client as they are: our AppErrors, and the
 * errors Apollo raises before execution (parse, validation, variable coercion),
 * which carry no resolver path. Everything else is logged in full and replaced
 * by "Unexpected error." with code INTERNAL_SERVER_ERROR.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) return withoutStacktrace(formatted);
    if (formatted.path === undefined && !(original instanceof Error && original !== error)) {
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

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

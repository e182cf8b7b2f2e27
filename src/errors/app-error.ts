import { GraphQLError } from 'graphql';
import type { ErrorCode } from './error-code';

/**
 * The one error class for expected failures: a GraphQLError whose
 * `extensions.code` is from the closed ErrorCode set, plus optional details
 * (for example the argument at fault) that are safe to show to the client.
 */
export class AppError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, cause?: unknown) {
    super(message, { extensions: { ...details, code }, originalError: cause instanceof Error ? cause : undefined });
    this.name = 'AppError';
    this.code = code;
  }
}

import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError, type ValidationRule } from 'graphql';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { LIMITS } from './limits';

/**
 * Reports a limit GraphQL Armor found broken as our own error with a code naming the
 * limit. Apollo wraps validation errors as GRAPHQL_VALIDATION_FAILED; formatError
 * restores the code from the original error.
 */
function reject(code: ErrorCode, limit: number): GraphQLArmorRejectCallback[] {
  return [
    (context, error) => {
      const message = error.message.replace(/^Syntax Error: /, '');
      context?.reportError(new AppError(code, message, { limit }));
    },
  ];
}

/** Refuses documents longer than LIMITS.maxDocumentLength characters. */
const maxDocumentLength: ValidationRule = (context) => {
  const length = context.getDocument().loc?.source.body.length ?? 0;
  if (length > LIMITS.maxDocumentLength) {
    context.reportError(
      new AppError(
        ErrorCode.DOCUMENT_TOO_LARGE,
        `Document length limit of ${LIMITS.maxDocumentLength} characters exceeded, found ${length}.`,
        { limit: LIMITS.maxDocumentLength },
      ),
    );
  }
  return {};
};

export interface QueryLimits {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
}

/**
 * Introspection turned off: a document asking for `__schema` or `__type` is refused
 * (GRAPHQL_VALIDATION_FAILED), naming the setting that turns it on. It takes the place
 * of Apollo's own rule, whose message tells the client to "pass introspection: true
 * to ApolloServer".
 */
export const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value !== '__schema' && node.name.value !== '__type') return;
    context.reportError(
      new GraphQLError(`Introspection is off on this server, so "${node.name.value}" cannot be queried (INTROSPECTION=true turns it on).`, {
        nodes: [node],
        extensions: { validationErrorCode: 'INTROSPECTION_DISABLED' },
      }),
    );
  },
});

/**
 * Depth, aliases and directives (GraphQL Armor), document length, and, with
 * introspection off, no `__schema` or `__type`. Tokens are capped by graphql-js's own
 * parser (Apollo's `parseOptions.maxTokens`), and cost by cost.plugin.ts.
 */
export function queryLimits(options: { introspection: boolean }): QueryLimits {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, propagateOnRejection: false, onReject: reject(ErrorCode.DEPTH_LIMIT_EXCEEDED, LIMITS.maxDepth) },
    maxAliases: { n: LIMITS.maxAliases, propagateOnRejection: false, onReject: reject(ErrorCode.ALIAS_LIMIT_EXCEEDED, LIMITS.maxAliases) },
    maxDirectives: {
      n: LIMITS.maxDirectives,
      propagateOnRejection: false,
      onReject: reject(ErrorCode.DIRECTIVE_LIMIT_EXCEEDED, LIMITS.maxDirectives),
    },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    // Suggestions are left out in production by formatError, for every error (format-error.ts).
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules: [...validationRules, maxDocumentLength, ...(options.introspection ? [] : [noIntrospection])] };
}

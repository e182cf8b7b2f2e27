import type { ApolloServerPlugin } from '@apollo/server';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { GraphQLError, getNamedType, getNullableType, isIntrospectionType, isListType } from 'graphql';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import type { Context } from '../graphql/context';
import { isHeavy } from './admission';
import { LIMITS } from './limits';

/**
 * The cost of a field: (1 + the cost of its selections) times how many items it may
 * return. For a list or a connection that is its `first` argument when it has one,
 * else LIMITS.assumedListSize for a list; a single value counts once. A connection's
 * `edges` count once, since the connection's `first` already multiplies them.
 */
export const listSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity, type }) => {
  const returnsList = isListType(getNullableType(field.type));
  const returnsConnection = getNamedType(field.type).name.endsWith('Connection');
  const isConnectionEdges = field.name === 'edges' && getNamedType(type).name.endsWith('Connection');
  const first = typeof args.first === 'number' ? args.first : undefined;
  let multiplier = 1;
  if ((returnsList || returnsConnection) && first !== undefined) multiplier = first;
  else if (returnsList && !isConnectionEdges) multiplier = LIMITS.assumedListSize;
  return multiplier * (1 + childComplexity);
};

/**
 * Introspection (`__schema`, `__type` and what they select) costs nothing: it is
 * bounded by the size of the schema and never reaches the database, and tools such
 * as GraphiQL and codegen send the standard introspection query, whose list
 * estimate would otherwise be far over the limit. Production turns introspection off.
 */
export const introspectionEstimator: ComplexityEstimator = ({ field, type }) =>
  field.name.startsWith('__') || isIntrospectionType(getNamedType(type)) ? 0 : undefined;

/**
 * Computes each operation's cost before execution, refuses it over LIMITS.maxCost
 * (COST_LIMIT_EXCEEDED, HTTP 400), charges it to the client's budget, then waits for
 * its admission (a database slot, see admission.ts), and reports `extensions.cost`
 * with the requested cost and the limit. These steps run in this order in one hook
 * (Apollo runs the plugins' hooks together): a request refused for its cost takes
 * no budget and no slot, one refused by its budget takes no slot, and one refused
 * admission gets its cost back.
 */
export const costPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    let requested: number | undefined;
    let leave: (() => void) | undefined;
    return {
      async didResolveOperation({ request, document, schema, operation, operationName, contextValue }) {
        try {
          requested = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            operationName: operationName ?? undefined,
            estimators: [introspectionEstimator, listSizeEstimator],
          });
        } catch (error) {
          // getComplexity coerces the variables first; a variable of the wrong type or
          // a missing required one is the client's mistake, as graphql-js would report it.
          if (!(error instanceof GraphQLError)) throw error;
          throw new AppError(ErrorCode.BAD_USER_INPUT, error.message, {
            http: { status: 400 },
          });
        }
        if (requested > LIMITS.maxCost) {
          throw new AppError(ErrorCode.COST_LIMIT_EXCEEDED, `Operation cost ${requested} exceeds the limit of ${LIMITS.maxCost}.`, {
            cost: requested,
            limit: LIMITS.maxCost,
            http: { status: 400 },
          });
        }
        await contextValue.budget.charge(requested);
        const admitted = contextValue.admission.admit(operation !== undefined && isHeavy(document, operation, requested));
        leave = admitted.leave;
        try {
          await admitted.ready;
        } catch (refusal) {
          await contextValue.budget.refund(requested);
          throw refusal;
        }
      },
      async willSendResponse({ response, contextValue }) {
        // Every answer passes here, refusals included, so the slot is always given back.
        leave?.();
        if (response.body.kind !== 'single') return;
        const budget = contextValue.budget.state();
        response.body.singleResult.extensions = {
          ...response.body.singleResult.extensions,
          cost: { requested: requested ?? null, limit: LIMITS.maxCost },
          ...(budget ? { budget } : {}),
        };
        if (budget) {
          response.http.headers.set('ratelimit-limit', String(budget.limit));
          response.http.headers.set('ratelimit-remaining', String(budget.remaining));
          response.http.headers.set('ratelimit-reset', String(budget.resetInSeconds));
        }
      },
    };
  },
};

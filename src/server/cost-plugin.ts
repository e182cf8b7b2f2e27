import type { ApolloServerPlugin } from '@apollo/server';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { getNamedType, isListType, getNullableType } from 'graphql';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import type { Context } from './context';
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
 * Computes each operation's cost before execution, refuses it over LIMITS.maxCost
 * (COST_LIMIT_EXCEEDED, HTTP 400), charges it to the client's budget, and reports
 * `extensions.cost` with the requested cost and the limit.
 */
export const costPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    let requested: number | undefined;
    return {
      async didResolveOperation({ request, document, schema, operationName, contextValue }) {
        requested = getComplexity({
          schema,
          query: document,
          variables: request.variables ?? {},
          operationName: operationName ?? undefined,
          estimators: [listSizeEstimator],
        });
        if (requested > LIMITS.maxCost) {
          throw new AppError(ErrorCode.COST_LIMIT_EXCEEDED, `Operation cost ${requested} exceeds the limit of ${LIMITS.maxCost}.`, {
            cost: requested,
            limit: LIMITS.maxCost,
            http: { status: 400 },
          });
        }
        await contextValue.budget.charge(requested);
      },
      async willSendResponse({ response, contextValue }) {
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

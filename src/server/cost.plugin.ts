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
 * with the requested cost and the limit. These steps run in this order in one hook:
 * a request refused for its cost takes no budget and no slot, and one refused by
 * its budget takes no slot. The cost stays spent only if the operation runs: one
 * refused admission, or refused by another plugin's check, gets it back.
 *
 * Apollo runs the plugins' didResolveOperation hooks together and answers as soon
 * as one throws (list caps, say), possibly while this one is still waiting for the
 * budget or a slot; willSendResponse then runs before this hook ends. So the hook
 * looks, after each wait, whether the answer is already out, and then gives back
 * what it took: otherwise a slot would stay taken for good.
 */
export const costPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    let requested: number | undefined;
    let leave: (() => void) | undefined;
    /** Cost charged and not (yet) given back. */
    let charged = 0;
    let executed = false;
    let answered = false;
    const refundUnexecuted = async (context: Context) => {
      if (charged === 0 || executed) return;
      const cost = charged;
      charged = 0;
      await context.budget.refund(cost);
    };
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
        charged = requested;
        if (answered) {
          await refundUnexecuted(contextValue);
          return;
        }
        const admitted = contextValue.admission.admit(operation !== undefined && isHeavy(document, operation, requested));
        leave = admitted.leave;
        // A refusal is answered, and its cost given back, by willSendResponse.
        await admitted.ready;
        if (answered) leave();
      },
      async executionDidStart() {
        executed = true;
      },
      async willSendResponse({ response, contextValue }) {
        // Every answer passes here, refusals included, so the slot is always given back.
        answered = true;
        leave?.();
        await refundUnexecuted(contextValue);
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

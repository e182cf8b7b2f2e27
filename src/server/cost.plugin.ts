import type { ApolloServerPlugin } from '@apollo/server';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { GraphQLError, getArgumentValues, getNamedType, getNullableType, isCompositeType, isIntrospectionType, isListType, type DocumentNode, type GraphQLObjectType, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import type { Context } from '../graphql/context';
import { isHeavy } from './admission';
import { LIMITS } from './limits';
import { rootFieldsByKey } from './root-fields';
import { fieldCost, weightOf } from './schema-directives';

/**
 * The cost of a field: its `@cost(weight:)` (the database work it does beyond what it
 * returns; 0 without one; times the arguments its `multipliers` name) plus (1 + the
 * cost of its selections) times how many items it may return. For a list or a connection that is its `first` argument when it has
 * one; else, for a list of objects, its `@listSize(assumedSize:)`, measured on the
 * real releases, or LIMITS.assumedListSize. A list of strings or enums is a property
 * read with its node and counts once; a single value counts once. A connection's
 * `edges` count once, since the connection's `first` already multiplies them.
 * Written here rather than with graphql-query-complexity's directiveEstimator, which
 * takes one multiplier argument for every list and has no size for lists without one.
 */
export const listSizeEstimator = (schema: GraphQLSchema): ComplexityEstimator => ({ field, args, childComplexity, type }) => {
  const cost = fieldCost(schema, field);
  const returnsList = isListType(getNullableType(field.type));
  const returnsObjects = isCompositeType(getNamedType(field.type));
  const returnsConnection = getNamedType(field.type).name.endsWith('Connection');
  const isConnectionEdges = field.name === 'edges' && getNamedType(type).name.endsWith('Connection');
  const first = typeof args.first === 'number' ? args.first : undefined;
  let multiplier = 1;
  if ((returnsList || returnsConnection) && first !== undefined) multiplier = first;
  else if (returnsList && returnsObjects && !isConnectionEdges) multiplier = cost.assumedSize ?? LIMITS.assumedListSize;
  return weightOf(cost, args) + multiplier * (1 + childComplexity);
};

/**
 * The cost of what an operation returned, by the estimate's rules applied to the
 * answer's real sizes: each object and each value counts 1 and each list counts its
 * items (a list of strings or enums, once), plus the weight of every root field that
 * ran, with the arguments it ran with. It is what the client is charged once the
 * answer is known: the estimate, which assumes every list as long as the real
 * releases' longest, is only held against the limit and reserved while the operation
 * runs.
 */
export function actualCost(
  schema: GraphQLSchema,
  data: Record<string, unknown> | null | undefined,
  rootType: GraphQLObjectType | null | undefined,
  operation: OperationDefinitionNode,
  document?: DocumentNode,
  variables: Record<string, unknown> = {},
): number {
  if (!data) return 0;
  const count = (value: unknown): number => {
    if (Array.isArray(value)) {
      return value.some((item) => item !== null && typeof item === 'object') ? value.reduce((total: number, item) => total + count(item), 0) : 1;
    }
    if (value === null || typeof value !== 'object') return 1;
    // `__typename` costs nothing, as in the estimate (introspectionEstimator).
    return 1 + Object.entries(value).reduce((total: number, [key, child]) => total + (key === '__typename' ? 0 : count(child)), 0);
  };
  // The root field each key of the answer comes from, through fragments too: a root
  // field selected in a fragment is charged its weight like any other.
  const fieldOfKey = rootFieldsByKey(operation, document);
  let total = 0;
  for (const [key, value] of Object.entries(data)) {
    const node = fieldOfKey.get(key);
    if (node === undefined || node.name.value.startsWith('__')) continue;
    const field = rootType?.getFields()[node.name.value];
    total += (field ? weightOf(fieldCost(schema, field), getArgumentValues(field, node, variables)) : 0) + count(value);
  }
  return total;
}

/**
 * Introspection (`__schema`, `__type` and what they select) costs nothing: it is
 * bounded by the size of the schema and never reaches the database, and tools such
 * as GraphiQL and codegen send the standard introspection query, whose list
 * estimate would otherwise be far over the limit. Production turns introspection off.
 */
export const introspectionEstimator: ComplexityEstimator = ({ field, type }) =>
  field.name.startsWith('__') || isIntrospectionType(getNamedType(type)) ? 0 : undefined;

/**
 * Computes each operation's cost before execution, refuses it over `maxCost`
 * (LIMITS.maxCost unless the operator sets COST_LIMIT)
 * (COST_LIMIT_EXCEEDED, HTTP 400), charges it to the client's budget, then waits for
 * its admission (a database slot, see admission.ts); once it has run, gives back what
 * the estimate reserved beyond the cost of the answer (actualCost), and reports
 * `extensions.cost` with the requested and the actual cost and the limit. These steps run in this order in one hook:
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
export const createCostPlugin = (maxCost: number = LIMITS.maxCost): ApolloServerPlugin<Context> => ({
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
            estimators: [introspectionEstimator, listSizeEstimator(schema)],
          });
        } catch (error) {
          // getComplexity coerces the variables first; a variable of the wrong type or
          // a missing required one is the client's mistake, as graphql-js would report it.
          if (!(error instanceof GraphQLError)) throw error;
          throw new AppError(ErrorCode.BAD_USER_INPUT, error.message, {
            http: { status: 400 },
          });
        }
        if (requested > maxCost) {
          throw new AppError(ErrorCode.COST_LIMIT_EXCEEDED, `Operation cost ${requested} exceeds the limit of ${maxCost}.`, {
            cost: requested,
            limit: maxCost,
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
      async willSendResponse({ request, response, contextValue, operation, document, schema }) {
        // Every answer passes here, refusals included, so the slot is always given back.
        answered = true;
        leave?.();
        await refundUnexecuted(contextValue);
        if (response.body.kind !== 'single') return;
        // An operation that ran is charged what it returned: the rest of the estimate goes back.
        let actual: number | null = null;
        if (executed && operation) {
          const rootType = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
          actual = actualCost(schema, response.body.singleResult.data, rootType, operation, document, request.variables ?? {});
          const unused = Math.max(0, charged - actual);
          if (unused > 0) {
            charged -= unused;
            await contextValue.budget.refund(unused);
          }
        }
        const budget = contextValue.budget.state();
        response.body.singleResult.extensions = {
          ...response.body.singleResult.extensions,
          cost: { requested: requested ?? null, ...(actual === null ? {} : { actual }), limit: maxCost },
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
});

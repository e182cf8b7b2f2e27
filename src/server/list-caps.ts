import type { ApolloServerPlugin } from '@apollo/server';
import {
  BREAK,
  Kind,
  TypeInfo,
  getArgumentValues,
  getVariableValues,
  isInputObjectType,
  isListType,
  isNonNullType,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { LIMITS } from './limits';
import { MAX_ITEMS_DIRECTIVE, directiveArguments } from './schema-directives';

/** An argument or input field whose list holds more items than it may. */
export interface OverlongList {
  /** The field the argument belongs to, e.g. `search`. */
  field: string;
  /** The argument, and the input fields down to the list: `kinds`, `input.aliases`, `having[2].tags`. */
  argument: string;
  count: number;
  limit: number;
}

/**
 * The most items a list argument or input field takes: its `@maxItems(count:)` in the
 * schema, else LIMITS.maxInputListItems. Every list has a cap, so one added to the
 * schema without the directive is still bounded.
 */
export function listCap(schema: GraphQLSchema, definition: GraphQLArgument | GraphQLInputField): number {
  const values = directiveArguments(schema, definition, MAX_ITEMS_DIRECTIVE);
  return typeof values?.count === 'number' ? values.count : LIMITS.maxInputListItems;
}

/**
 * The first list in `value` (of input type `type`, at `path`) over its cap, looking
 * into the fields of input objects and the items of lists. `cap` is the cap of the
 * list `value` is, when it is one; a list inside a list gets the default.
 */
function overlong(
  schema: GraphQLSchema,
  value: unknown,
  type: GraphQLInputType,
  path: string,
  cap: number,
): Omit<OverlongList, 'field'> | null {
  if (value === null || value === undefined) return null;
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) {
    // Coercion turns a single value given for a list into a list of one.
    if (!Array.isArray(value)) return null;
    if (value.length > cap) return { argument: path, count: value.length, limit: cap };
    for (const [index, item] of value.entries()) {
      const found = overlong(schema, item, nullable.ofType, `${path}[${index}]`, LIMITS.maxInputListItems);
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(nullable) && typeof value === 'object') {
    for (const field of Object.values(nullable.getFields())) {
      const found = overlong(schema, (value as Record<string, unknown>)[field.name], field.type, `${path}.${field.name}`, listCap(schema, field));
      if (found) return found;
    }
  }
  return null;
}

/**
 * Finds a list argument or input field of `operation` holding more items than its cap
 * (listCap), whether the list is written in the document or sent as a variable.
 *
 * Written here rather than taken from a library: graphql-constraint-directive, the
 * one made for such checks, caps only the lists that carry its directive (a list added
 * without it would take any number of items) and reports in its own words, without the
 * argument's path. This walk is graphql-js's own: it coerces the variables and each
 * field's arguments as execution will (getVariableValues, getArgumentValues), then
 * counts. Variables that do not coerce are left to the cost plugin and execution,
 * which refuse them with graphql-js's message.
 */
export function findOverlongList(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown>,
): OverlongList | null {
  const variables = getVariableValues(schema, operation.variableDefinitions ?? [], inputs, { maxErrors: 1 });
  if (!variables.coerced) return null;
  const coerced = variables.coerced;
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  // The operation, then each fragment it spreads (once), as execution would reach them.
  const pending: ASTNode[] = [operation];
  const spread = new Set<string>();
  let found: OverlongList | null = null;
  for (let next = pending.shift(); next !== undefined && found === null; next = pending.shift()) {
    const typeInfo = new TypeInfo(schema);
    visit(
      next,
      visitWithTypeInfo(typeInfo, {
        FragmentSpread(node) {
          const fragment = fragments.get(node.name.value);
          if (fragment && !spread.has(node.name.value)) {
            spread.add(node.name.value);
            pending.push(fragment);
          }
        },
        Field(node) {
          const definition = typeInfo.getFieldDef();
          if (!definition || definition.args.length === 0) return undefined;
          let values: Record<string, unknown>;
          try {
            values = getArgumentValues(definition, node, coerced);
          } catch {
            return undefined; // an argument that does not coerce: execution reports it
          }
          for (const argument of definition.args) {
            const list = overlong(schema, values[argument.name], argument.type, argument.name, listCap(schema, argument));
            if (list) {
              found = { field: definition.name, ...list };
              return BREAK;
            }
          }
          return undefined;
        },
      }),
    );
  }
  return found;
}

/**
 * Refuses an operation with a list argument or input field over its cap, once the
 * operation is known and before anything runs: BAD_USER_INPUT (HTTP 400) naming the
 * argument (`extensions.argument`) and the cap (`extensions.limit`).
 */
export const listCapsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, schema, operation }) {
        if (!operation) return;
        const list = findOverlongList(schema, document, operation, request.variables ?? {});
        if (!list) return;
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          `Argument "${list.argument}" of "${list.field}" holds ${list.count} items; at most ${list.limit} are allowed.`,
          { argument: list.argument, limit: list.limit, http: { status: 400 } },
        );
      },
    };
  },
};

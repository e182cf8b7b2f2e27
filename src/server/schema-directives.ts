import {
  getDirectiveValues,
  isInterfaceType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLSchema,
} from 'graphql';

/** The schema directives the limits read (schema/directives.graphql). */
export const MAX_ITEMS_DIRECTIVE = 'maxItems';
export const LIST_SIZE_DIRECTIVE = 'listSize';
export const COST_DIRECTIVE = 'cost';

type Element = GraphQLField<unknown, unknown> | GraphQLArgument | GraphQLInputField;

/**
 * The arguments of the directive `name` on a schema element (a field, an argument or
 * an input field), coerced by graphql-js as it coerces any directive (defaults
 * applied, types checked); undefined when the element does not carry it.
 */
export function directiveArguments(schema: GraphQLSchema, element: Element, name: string): Record<string, unknown> | undefined {
  const directive = schema.getDirective(name);
  return directive && element.astNode ? getDirectiveValues(directive, element.astNode) : undefined;
}

/** What the cost estimate reads on an output field. */
export interface FieldCost {
  /** `@cost(weight:)`, 0 without one. */
  weight: number;
  /** `@cost(multipliers:)`: the arguments whose values multiply the weight. */
  multipliers: readonly string[];
  /** `@listSize(assumedSize:)`, when the field carries one. */
  assumedSize?: number;
}

const NO_COST: FieldCost = { weight: 0, multipliers: [] };
const costsBySchema = new WeakMap<GraphQLSchema, Map<GraphQLField<unknown, unknown>, FieldCost>>();

/**
 * Every output field's `@cost` and `@listSize`, read once per schema: the estimate
 * looks them up for every field of every operation.
 */
export function fieldCosts(schema: GraphQLSchema): ReadonlyMap<GraphQLField<unknown, unknown>, FieldCost> {
  let costs = costsBySchema.get(schema);
  if (costs) return costs;
  costs = new Map();
  for (const type of Object.values(schema.getTypeMap())) {
    if ((!isObjectType(type) && !isInterfaceType(type)) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const cost = directiveArguments(schema, field, COST_DIRECTIVE);
      const size = directiveArguments(schema, field, LIST_SIZE_DIRECTIVE);
      if (!cost && !size) continue;
      costs.set(field, {
        weight: typeof cost?.weight === 'number' ? cost.weight : 0,
        multipliers: Array.isArray(cost?.multipliers) ? (cost.multipliers as string[]) : [],
        ...(typeof size?.assumedSize === 'number' ? { assumedSize: size.assumedSize } : {}),
      });
    }
  }
  costsBySchema.set(schema, costs);
  return costs;
}

/** A field's cost entry (no weight, no size when it carries neither directive). */
export function fieldCost(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>): FieldCost {
  return fieldCosts(schema).get(field) ?? NO_COST;
}

/**
 * A field's weight for one call: `@cost(weight:)` times the value of each argument
 * named in `multipliers` (a missing or non-numeric one counts 1). `paths(maxHops:)`
 * reads about as much more per hop allowed, so its weight is set per hop.
 */
export function weightOf(cost: FieldCost, args: Record<string, unknown>): number {
  return cost.multipliers.reduce((weight, name) => weight * (typeof args[name] === 'number' ? (args[name] as number) : 1), cost.weight);
}

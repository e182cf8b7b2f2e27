import { buildSchema, type GraphQLObjectType } from 'graphql';
import { directiveArguments, fieldCost, fieldCosts, weightOf } from './schema-directives';

const schema = buildSchema(`
  directive @listSize(assumedSize: Int!) on FIELD_DEFINITION
  directive @cost(weight: Int!, multipliers: [String!]) on FIELD_DEFINITION
  directive @maxItems(count: Int!) on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
  interface Node { id: ID! }
  type Query {
    paths(maxHops: Int = 4, kinds: [String!] @maxItems(count: 12)): [Int!]! @cost(weight: 625, multipliers: "maxHops")
    role: Role
  }
  type Role implements Node { id: ID! skills: [Role!]! @listSize(assumedSize: 400) }
`);
const query = schema.getQueryType() as GraphQLObjectType;
const role = schema.getType('Role') as GraphQLObjectType;

describe('schema directives', () => {
  it("reads a directive's arguments as graphql-js coerces them: a single string given for a list is a list of one", () => {
    expect(fieldCost(schema, query.getFields().paths!)).toEqual({ weight: 625, multipliers: ['maxHops'] });
    expect(fieldCost(schema, role.getFields().skills!)).toEqual({ weight: 0, multipliers: [], assumedSize: 400 });
    const kinds = query.getFields().paths!.args.find((argument) => argument.name === 'kinds')!;
    expect(directiveArguments(schema, kinds, 'maxItems')).toEqual({ count: 12 });
  });

  it('gives a field without either directive no weight and no size', () => {
    expect(fieldCost(schema, role.getFields().id!)).toEqual({ weight: 0, multipliers: [] });
    expect(fieldCosts(schema).has(role.getFields().id!)).toBe(false);
  });

  it('reads the schema once: the same map is returned for the same schema', () => {
    expect(fieldCosts(schema)).toBe(fieldCosts(schema));
  });

  it('multiplies the weight by the named arguments, a missing one counting 1', () => {
    const cost = fieldCost(schema, query.getFields().paths!);
    expect(weightOf(cost, { maxHops: 6 })).toBe(3750);
    expect(weightOf(cost, {})).toBe(625);
  });
});

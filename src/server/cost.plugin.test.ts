import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { actualCost, introspectionEstimator, listSizeEstimator } from './cost.plugin';
import { LIMITS } from './limits';

const schema = buildSchema(`
  directive @listSize(assumedSize: Int!) on FIELD_DEFINITION
  directive @cost(weight: Int!, multipliers: [String!]) on FIELD_DEFINITION
  type Query {
    role(id: ID!): Role
    paths(first: Int = 3, maxHops: Int = 4): [Path!]! @cost(weight: 625, multipliers: ["maxHops"])
  }
  type Role { id: ID! name: String! aliases: [String!]! skills: [Skill!]! @listSize(assumedSize: 400) related: [Role!]! }
  type Skill { id: ID! name: String! }
  type Path { length: Int! }
`);

const estimate = (query: string) => getComplexity({ schema, query: parse(query), variables: {}, estimators: [introspectionEstimator, listSizeEstimator(schema)] });
const operation = (query: string) => parse(query).definitions[0] as OperationDefinitionNode;

describe('the cost estimate', () => {
  it('multiplies a list of objects by its @listSize, or by the assumed size without one', () => {
    // role: 1 × (1 + id 1 + skills 400 × (1 + id 1 + name 1))
    expect(estimate('{ role(id: "r") { id skills { id name } } }')).toBe(1 + 1 + 400 * 3);
    expect(estimate('{ role(id: "r") { related { id } } }')).toBe(1 + LIMITS.assumedListSize * 2);
  });

  it('counts a list of strings once, as one value of its node', () => {
    expect(estimate('{ role(id: "r") { aliases } }')).toBe(1 + 1);
  });

  it('adds a field\'s @cost weight once, before `first` multiplies its selection', () => {
    expect(estimate('{ paths(first: 10) { length } }')).toBe(2500 + 10 * 2);
  });

  it('multiplies the weight by the arguments its multipliers name, with their defaults', () => {
    expect(estimate('{ paths(first: 1, maxHops: 6) { length } }')).toBe(625 * 6 + 2);
    expect(estimate('{ paths(first: 1, maxHops: 2) { length } }')).toBe(625 * 2 + 2);
    expect(estimate('{ paths(first: 1) { length } }')).toBe(625 * 4 + 2);
  });
});

describe('the cost of an answer', () => {
  it('applies the estimate\'s rules to the sizes returned, with the weights of the root fields that ran', () => {
    const query = '{ role(id: "r") { id aliases skills { id name } } paths { length } }';
    const data = {
      role: { id: 'r', aliases: ['a', 'b', 'c'], skills: [{ id: 's', name: 'S' }, { id: 't', name: 'T' }] },
      paths: [{ length: 1 }],
    };
    // role 1 + id 1 + aliases 1 + 2 skills × 3; paths 2500 + 1 × 2
    expect(actualCost(schema, data, schema.getQueryType(), operation(query))).toBe(1 + 1 + 1 + 2 * 3 + 2500 + 2);
    expect(actualCost(schema, data, schema.getQueryType(), operation(query))).toBeLessThanOrEqual(estimate(query));
  });

  it('counts an aliased root field under its alias, a null as one value, and __typename as nothing', () => {
    const query = '{ a: role(id: "r") { __typename id } b: role(id: "x") { id } }';
    expect(actualCost(schema, { a: { __typename: 'Role', id: 'r' }, b: null }, schema.getQueryType(), operation(query))).toBe(2 + 1);
  });

  it('charges the weight of a root field selected through a fragment or an inline fragment', () => {
    const query = '{ ...Paths ... on Query { again: paths(first: 1) { length } } } fragment Paths on Query { paths { length } }';
    const data = { paths: [{ length: 1 }, { length: 2 }], again: [{ length: 1 }] };
    // paths 2500 + 2 × 2; again 2500 + 1 × 2
    expect(actualCost(schema, data, schema.getQueryType(), operation(query), parse(query))).toBe(2500 + 4 + 2500 + 2);
  });

  it('charges a multiplied weight with the arguments the field ran with, variables included', () => {
    const query = 'query ($hops: Int) { near: paths(first: 1, maxHops: 2) { length } far: paths(first: 1, maxHops: $hops) { length } }';
    const data = { near: [{ length: 1 }], far: [] };
    // near 625 × 2 + 1 path × 2; far 625 × 5 + an empty list (1)
    expect(actualCost(schema, data, schema.getQueryType(), operation(query), parse(query), { hops: 5 })).toBe(1250 + 2 + 3125 + 1);
  });

  it('is 0 without data', () => {
    expect(actualCost(schema, null, schema.getQueryType(), operation('{ paths { length } }'))).toBe(0);
  });
});

import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { loadTypeDefs } from '../../src/graphql/load-type-defs';
import { listCap } from '../../src/server/list-caps';
import { LIMITS } from '../../src/server/limits';
import { expectGraphQLError } from '../support/expect-graphql-error';
import { startTestApi, type TestApi } from './test-api';

/**
 * Every list argument and list input field of the schema is capped, and a request
 * over a cap is refused before any database call, naming the argument and the cap.
 * The cases are generated from schema/*.graphql, so a list added to the schema is
 * tested without anyone writing a case for it.
 */
const schema = buildSchema(loadTypeDefs());
const CURATOR_TOKEN = 'list-caps-test-token-4b8d2f6a1c3e5a7b9d0f2e4c6a8b1d3f';
/** An id, a source and a role that do not exist: a mutation using them writes nothing, even if it ran. */
const PROBE = 'list-cap-probe-does-not-exist';

interface ListPosition {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  /** The argument, then the input fields down to the list. */
  path: string[];
  cap: number;
}

/** Every list the root fields take, in their arguments or in input objects within them. */
function listPositions(target: GraphQLSchema): ListPosition[] {
  const positions: ListPosition[] = [];
  const roots: [ListPosition['operation'], GraphQLObjectType | null | undefined][] = [
    ['query', target.getQueryType()],
    ['mutation', target.getMutationType()],
  ];
  for (const [operation, root] of roots) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const walk = (type: GraphQLInputType, path: string[], cap: number, seen: Set<string>) => {
        const nullable = isNonNullType(type) ? type.ofType : type;
        if (isListType(nullable)) positions.push({ operation, field, path, cap });
        const named = getNamedType(type);
        if (!isInputObjectType(named) || seen.has(named.name)) return;
        // A list of input objects is walked through its first item (lists within lists do not occur).
        for (const inputField of Object.values(named.getFields())) {
          walk(inputField.type, [...path, inputField.name], listCap(target, inputField), new Set([...seen, named.name]));
        }
      };
      for (const argument of field.args) walk(argument.type, [argument.name], listCap(target, argument), new Set());
    }
  }
  return positions;
}

/** A value of `type` that coerces: the required fields of an input object, one item for a list. */
function sample(type: GraphQLInputType): unknown {
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) return [sample(nullable.ofType)];
  if (isEnumType(nullable)) return nullable.getValues()[0]?.value;
  if (isInputObjectType(nullable)) {
    return Object.fromEntries(
      Object.values(nullable.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, sample(field.type)]),
    );
  }
  if (isScalarType(nullable)) {
    const scalars: Record<string, unknown> = { Int: 1, Float: 1, Boolean: false, JSONObject: {}, DateTime: '2024-01-01T00:00:00Z' };
    return nullable.name in scalars ? scalars[nullable.name] : PROBE;
  }
  throw new Error(`no sample for ${String(type)}`);
}

/** A value of `type` whose list at `path` (input fields below this value) holds `count` items. */
function withList(type: GraphQLInputType, path: string[], count: number): unknown {
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (path.length === 0) {
    if (!isListType(nullable)) throw new Error(`${String(type)} is not a list`);
    return Array.from({ length: count }, () => sample(nullable.ofType));
  }
  if (isListType(nullable)) return [withList(nullable.ofType, path, count)];
  if (!isInputObjectType(nullable)) throw new Error(`${String(type)} has no field ${path[0]}`);
  const [name, ...rest] = path as [string, ...string[]];
  const field = nullable.getFields()[name];
  if (!field) throw new Error(`${nullable.name} has no field ${name}`);
  return { ...(sample(nullable) as object), [name]: withList(field.type, rest, count) };
}

/** The request sending `count` items at the position: every argument as a variable, the required ones filled in. */
function request(position: ListPosition, count: number): { query: string; variables: Record<string, unknown> } {
  const [argumentName, ...inside] = position.path as [string, ...string[]];
  const args = position.field.args.filter((argument) => argument.name === argumentName || isNonNullType(argument.type));
  const variables = Object.fromEntries(
    args.map((argument) => [argument.name, argument.name === argumentName ? withList(argument.type, inside, count) : sample(argument.type)]),
  );
  const declarations = args.map((argument) => `$${argument.name}: ${String(argument.type)}`).join(', ');
  const passed = args.map((argument) => `${argument.name}: $${argument.name}`).join(', ');
  const selection = isCompositeType(getNamedType(position.field.type)) ? ' { __typename }' : '';
  return { query: `${position.operation} Probe(${declarations}) { ${position.field.name}(${passed})${selection} }`, variables };
}

/** Whether a value of `type` is or holds a list (in an input object's fields, at any depth). */
function takesList(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) return true;
  if (!isInputObjectType(nullable) || seen.has(nullable.name)) return false;
  return Object.values(nullable.getFields()).some((field) => takesList(field.type, new Set([...seen, nullable.name])));
}

const positions = listPositions(schema);
const name = (position: ListPosition) => `${position.field.name}(${position.path.join('.')})`;
/** The argument as the error names it: a list of input objects is entered through its first item. */
const argumentPath = (position: ListPosition) => {
  let type: GraphQLInputType | undefined = position.field.args.find((argument) => argument.name === position.path[0])?.type;
  let path = position.path[0] as string;
  for (const segment of position.path.slice(1)) {
    const nullable = isNonNullType(type!) ? (type as { ofType: GraphQLInputType }).ofType : type!;
    if (isListType(nullable)) path += '[0]';
    const named = getNamedType(nullable);
    type = isInputObjectType(named) ? named.getFields()[segment]?.type : undefined;
    path += `.${segment}`;
  }
  return path;
};

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi(undefined, { curationTokens: [{ name: 'list-caps-test', token: CURATOR_TOKEN }] });
});
afterAll(() => api.close());
const send = (position: ListPosition, count: number) => {
  const { query, variables } = request(position, count);
  return api.query(query, variables, position.operation === 'mutation' ? { authorization: `Bearer ${CURATOR_TOKEN}` } : {});
};

describe('the lists the schema takes', () => {
  it('are all found, in arguments and in input objects', () => {
    const names = positions.map(name);
    // The enumeration is not vacuous: it finds the lists this test was written against, and more.
    expect(names).toEqual(
      expect.arrayContaining([
        'search(kinds)',
        'overlap(roles)',
        'recommendRoles(skills)',
        'recommendRoles(having)',
        'recommendRoles(filter.taxonomies)',
        'nextSkills(skills)',
        'paths(via)',
        'upsertRole(input.aliases)',
        'upsertRole(input.citations)',
        'link(input.citations)',
      ]),
    );
    expect(positions.every((position) => position.cap >= 1 && position.cap <= LIMITS.maxInputListItems)).toBe(true);
    expect(positions.find((position) => name(position) === 'overlap(roles)')?.cap).toBe(10);
  });

  it('are taken by root fields only, which the cases below reach', () => {
    // A list argument on a nested field (Role.something(ids: [ID!])) is capped all the same,
    // but the cases here call root fields: such a field needs a case written for it.
    const nested = Object.values(schema.getTypeMap()).flatMap((type) =>
      (isObjectType(type) || isInterfaceType(type)) && type !== schema.getQueryType() && type !== schema.getMutationType() && !type.name.startsWith('__')
        ? Object.values(type.getFields()).flatMap((field) =>
            field.args.filter((argument) => takesList(argument.type)).map((argument) => `${type.name}.${field.name}(${argument.name})`),
          )
        : [],
    );
    expect(nested).toEqual([]);
  });
});

describe.each(positions.map((position) => [name(position), position] as const))('%s', (_name, position) => {
  it(`refuses ${position.cap + 1} items before any database call, naming the argument and the cap of ${position.cap}`, async () => {
    const response = await send(position, position.cap + 1);
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    const argument = argumentPath(position);
    expectGraphQLError(response, {
      code: 'BAD_USER_INPUT',
      message: `Argument "${argument}" of "${position.field.name}" holds ${position.cap + 1} items; at most ${position.cap} are allowed.`,
      extensions: { argument, limit: position.cap },
    });
    expect(response.extensions?.queryStats?.cypherRoundTrips).toBe(0);
  });

  if (position.operation === 'query') {
    it(`takes ${position.cap} items past the cap check`, async () => {
      const response = await send(position, position.cap);
      // It may still fail for what the items are (unknown ids), but not for how many there are.
      for (const error of response.errors ?? []) expect(error.extensions?.limit).toBeUndefined();
    });
  }
});

describe('a list written in the document', () => {
  it('is capped as one sent as a variable', async () => {
    const kinds = Array.from({ length: LIMITS.maxInputListItems + 1 }, () => 'ROLE').join(', ');
    const response = await api.query(`{ search(text: "mix", kinds: [${kinds}]) { name } }`);
    expect(response.status).toBe(400);
    expectGraphQLError(response, { code: 'BAD_USER_INPUT', extensions: { argument: 'kinds', limit: LIMITS.maxInputListItems } });
    expect(response.extensions?.queryStats?.cypherRoundTrips).toBe(0);
  });

  it('is capped inside a fragment', async () => {
    const roles = Array.from({ length: 11 }, () => '"music-producer"').join(', ');
    const response = await api.query(`query { ...Compare } fragment Compare on Query { overlap(roles: [${roles}]) { jaccard } }`);
    expectGraphQLError(response, { code: 'BAD_USER_INPUT', extensions: { argument: 'roles', limit: 10 } });
  });
});

it('refuses the 12,000 kinds that search used to take', async () => {
  const response = await api.query('query ($kinds: [NodeKind!]) { search(text: "mix", kinds: $kinds) { name } }', {
    kinds: Array.from({ length: 12_000 }, () => 'ROLE'),
  });
  expectGraphQLError(response, { code: 'BAD_USER_INPUT', extensions: { argument: 'kinds', limit: LIMITS.maxInputListItems } });
  expect(response.extensions?.queryStats?.cypherRoundTrips).toBe(0);
});

describe('a refusal for a list too long', () => {
  it('spends no budget and leaves no admission slot taken, however many come', async () => {
    // Two slots and no waiting room: one slot left taken by each refused request would show at once.
    const small = await startTestApi(undefined, {
      budget: { points: 1_000, windowSeconds: 600 },
      admission: { maxInFlight: 2, maxQueued: 0, maxHeavyInFlight: 2, maxPerClient: 2, maxHeavyStatements: 2 },
    });
    try {
      const tooMany = Array.from({ length: LIMITS.maxInputListItems + 1 }, () => 'ROLE').join(', ');
      for (let n = 0; n < 10; n += 1) {
        const refused = await small.query(`{ search(text: "mix", kinds: [${tooMany}]) { name } }`);
        expectGraphQLError(refused, { code: 'BAD_USER_INPUT', extensions: { argument: 'kinds', limit: LIMITS.maxInputListItems } });
      }
      // Let anything still running after those answers finish before looking.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const answered = await small.query('{ role(id: "music-producer") { name } }');
      expect(answered.errors).toBeUndefined();
      expect(answered.data).toEqual({ role: { name: 'Music producer' } });
      // The whole budget but this one request's cost is left.
      expect(Number(answered.headers.get('ratelimit-remaining'))).toBe(1_000 - Number((answered.extensions?.cost as { actual: number }).actual));
    } finally {
      await small.close();
    }
  });
});

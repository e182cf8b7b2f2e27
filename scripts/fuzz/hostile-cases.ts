import { gzipSync } from 'node:zlib';
import {
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isCompositeType,
  isAbstractType,
  isEnumType,
  isInterfaceType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  GraphQLString,
  GraphQLID,
  GraphQLInt,
  GraphQLFloat,
  GraphQLBoolean,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { LIMITS } from '../../src/server/limits';
import type { Expectation } from './judge';
import { SeededRandom } from '../support/seeded-random';
import { INJECTIONS, randomStrings } from './random';
import type { RawRequest } from './send';

export const CASE_KINDS = ['transport', 'limits', 'valid', 'injection', 'wrong-types', 'invalid-document', 'mutation', 'curator-write'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export interface HostileCase extends RawRequest {
  kind: CaseKind;
  /** A few words on what the case tries. */
  note: string;
  expect?: Expectation;
}

export interface GenerationOptions {
  seed: number;
  /** How many cases to generate. */
  count: number;
  /**
   * A curator's valid token: with it, `curator-write` cases send mutations with it,
   * valid or carrying hostile strings, so that writes are fuzzed past the auth gate.
   * They change the graph. None by default.
   */
  curatorToken?: string;
  /** Only these kinds (the fixed cases only if `transport` or `limits` is among them); every kind by default. */
  kinds?: readonly CaseKind[];
}

/** What the generator knows of the service: its schema and some ids its graph holds. */
export interface Target {
  schema: GraphQLSchema;
  ids: string[];
}

const GRAPHQL_PATH = '/graphql';
const JSON_TYPE = { 'content-type': 'application/json' };

/** An enum value: printed bare in a document, as a string in JSON variables. */
class EnumValue {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}

/** A GraphQL literal for a JS value. Strings are JSON-escaped, which GraphQL reads the same way. */
function literal(value: unknown): string {
  if (value instanceof EnumValue) return value.name;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '1e999';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([key]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(key));
  return `{${entries.map(([key, item]) => `${key}: ${literal(item)}`).join(', ')}}`;
}

function post(payload: unknown, headers: Record<string, string> = {}): RawRequest {
  return { method: 'POST', path: GRAPHQL_PATH, headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(payload) };
}

function isStringLike(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  return named === GraphQLString || named === GraphQLID || (isScalarType(named) && !['Int', 'Float', 'Boolean'].includes(named.name));
}

/** True when a string can go in an HTTP header as it is. */
const headerSafe = (text: string) => /^[\x20-\x7e]*$/.test(text) && text.length < 8_000;

/** `valid`: plausible values, some hostile; `plain`: only ids the graph holds; `injection`: one hostile string everywhere. */
type ValueMode = { kind: 'valid' } | { kind: 'plain' } | { kind: 'injection'; payload: string };

/** Builds documents, arguments and variables from the schema. */
class Builder {
  private readonly pool: string[];

  constructor(
    private readonly target: Target,
    private readonly random: SeededRandom,
    seed: number,
  ) {
    this.pool = randomStrings(seed, 300);
  }

  get schema(): GraphQLSchema {
    return this.target.schema;
  }

  /** A plausible string: mostly ids the graph holds, sometimes near misses, random text or a hostile string. */
  private text(plain = false): string {
    const { random, target } = this;
    const roll = random.float();
    const id = target.ids.length > 0 ? random.pick(target.ids) : 'music-producer';
    if (roll < 0.5 || plain) return id;
    if (roll < 0.6) return random.pick([id.toUpperCase(), ` ${id} `, id.replace(/-/g, ' '), id.slice(0, 3), `${id}-x`]);
    if (roll < 0.85) return random.pick(this.pool);
    return random.pick(INJECTIONS.filter((item) => item.length < 300));
  }

  private int(): number {
    const { random } = this;
    return random.chance(0.8) ? random.pick([1, 2, 3, 5, 10, 20, 50, 100]) : random.pick([0, -1, 101, 500, 2_147_483_647, -2_147_483_648, 7]);
  }

  /** A JSON value for a custom scalar (a JSON object, a date...). */
  private custom(mode: ValueMode): unknown {
    const text = mode.kind === 'injection' ? mode.payload : this.text();
    return this.random.pick<unknown>([
      {},
      { format: 'careers-graph/curated@1' },
      { format: text, roles: [{ id: text }] },
      { [text.slice(0, 20) || 'k']: text },
      text,
      '2024-02-30T25:61:00Z',
      new Date(Date.UTC(2020, 1, 29)).toISOString(),
      42,
      [text],
    ]);
  }

  /** A value for an input type. Nullable inputs are sometimes left out (undefined) or null. */
  value(type: GraphQLInputType, mode: ValueMode, depth = 0): unknown {
    const { random } = this;
    if (!isNonNullType(type)) {
      if (mode.kind !== 'injection' && random.chance(0.2)) return undefined;
      if (random.chance(0.04)) return null;
    }
    const inner = getNullableType(type) as GraphQLInputType;
    if (isListType(inner)) {
      if (depth > 3) return [];
      const length = random.chance(0.9) ? random.int(5) : random.pick([11, 101]);
      return Array.from({ length }, () => this.value(inner.ofType as GraphQLInputType, mode, depth + 1) ?? null);
    }
    if (isEnumType(inner)) return new EnumValue(random.pick(inner.getValues()).name);
    if (isInputObjectType(inner)) {
      const object: Record<string, unknown> = {};
      if (depth > 3) return object;
      for (const field of Object.values(inner.getFields())) {
        if (isNonNullType(field.type) || random.chance(0.6)) {
          const value = this.value(field.type, mode, depth + 1);
          if (value !== undefined) object[field.name] = value;
        }
      }
      return object;
    }
    if (inner === GraphQLInt) return this.int();
    if (inner === GraphQLFloat) return random.pick([0, 0.5, 1, 42.25, -1, 1e300]);
    if (inner === GraphQLBoolean) return random.chance(0.5);
    if (inner === GraphQLString || inner === GraphQLID) return mode.kind === 'injection' ? mode.payload : this.text(mode.kind === 'plain');
    return this.custom(mode);
  }

  /** Arguments of a field: every required one, some optional ones. */
  arguments(field: GraphQLField<unknown, unknown>, mode: ValueMode): Map<GraphQLArgument, unknown> {
    const chosen = new Map<GraphQLArgument, unknown>();
    for (const argument of field.args) {
      const hit = mode.kind === 'injection' && isStringLike(argument.type);
      if (isNonNullType(argument.type) || hit || this.random.chance(0.5)) {
        const value = this.value(argument.type, mode);
        if (value !== undefined) chosen.set(argument, value);
      }
    }
    return chosen;
  }

  /** A selection set for a composite type, `depth` levels deep at most; inline fragments on abstract types. */
  selection(type: GraphQLCompositeType, depth: number, mode: ValueMode): string {
    const { random, schema } = this;
    if (isObjectType(type)) return `{ ${this.fields(type, depth, mode)} }`;
    const fragments = random
      .some(schema.getPossibleTypes(type), 2)
      .map((possible) => `... on ${possible.name} ${this.selection(possible, depth, mode)}`);
    const own = isInterfaceType(type) && random.chance(0.5) ? this.fields(type, depth, mode) : '__typename';
    return `{ ${own} ${fragments.join(' ')} }`;
  }

  private fields(type: GraphQLObjectType | GraphQLInterfaceType, depth: number, mode: ValueMode): string {
    const { random } = this;
    const all = Object.values(type.getFields());
    const usable = depth > 0 ? all : all.filter((field) => isLeafType(getNamedType(field.type)));
    const picked = random.some(usable, random.between(1, 3));
    if (picked.length === 0) return '__typename';
    return picked
      .map((field, index) => {
        const alias = random.chance(0.1) ? `a${index}_${random.int(1000)}: ` : '';
        const args = this.arguments(field, mode);
        const argText = args.size > 0 ? `(${[...args].map(([argument, value]) => `${argument.name}: ${literal(value)}`).join(', ')})` : '';
        const named = getNamedType(field.type);
        const sub = isCompositeType(named) ? ` ${this.selection(named, depth - 1, mode)}` : '';
        return `${alias}${field.name}${argText}${sub}`;
      })
      .join(' ');
  }

  /** Root fields of Query and, when there is one, Mutation. */
  roots(): { operation: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] {
    const query = Object.values(this.schema.getQueryType()?.getFields() ?? {}).map((field) => ({ operation: 'query' as const, field }));
    const mutation = Object.values(this.schema.getMutationType()?.getFields() ?? {}).map((field) => ({ operation: 'mutation' as const, field }));
    return [...query, ...mutation];
  }

  /**
   * One operation on one root field. With `useVariables`, the root field's arguments
   * are declared as variables of their exact types and sent in `variables`.
   */
  operation(
    operation: 'query' | 'mutation',
    field: GraphQLField<unknown, unknown>,
    mode: ValueMode,
    useVariables: boolean,
  ): { query: string; variables?: Record<string, unknown>; args: Map<GraphQLArgument, unknown> } {
    const args = this.arguments(field, mode);
    const named = getNamedType(field.type);
    const depth = this.random.between(0, 3);
    const sub = isCompositeType(named) ? ` ${this.selection(named, depth, mode)}` : '';
    if (!useVariables || args.size === 0) {
      const argText = args.size > 0 ? `(${[...args].map(([argument, value]) => `${argument.name}: ${literal(value)}`).join(', ')})` : '';
      return { query: `${operation} { ${field.name}${argText}${sub} }`, args };
    }
    const entries = [...args];
    const declarations = entries.map(([argument]) => `$${argument.name}: ${String(argument.type)}`).join(', ');
    const uses = entries.map(([argument]) => `${argument.name}: $${argument.name}`).join(', ');
    const variables = Object.fromEntries(entries.map(([argument, value]) => [argument.name, value]));
    return { query: `${operation} Fuzz(${declarations}) { ${field.name}(${uses})${sub} }`, variables, args };
  }

  /** The object types a field of this type leads to: itself, or the types implementing it. */
  private targets(field: GraphQLField<unknown, unknown>): GraphQLObjectType[] {
    const named = getNamedType(field.type);
    if (isObjectType(named)) return [named];
    return isAbstractType(named) ? [...this.schema.getPossibleTypes(named)] : [];
  }

  /** Whether a chain of `levels` object fields can start at `type`; types on a cycle of the schema can go on forever. */
  private reaches(type: GraphQLObjectType, levels: number, memo = new Map<string, boolean>()): boolean {
    if (levels <= 0) return true;
    const key = `${type.name}:${levels}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    memo.set(key, false);
    const found = Object.values(type.getFields()).some((field) => this.targets(field).some((next) => this.reaches(next, levels - 1, memo)));
    memo.set(key, found);
    return found;
  }

  /** A chain of object fields `levels` deep (following the schema's cycles), ending in a leaf. */
  nested(levels: number): string {
    const { random, schema } = this;
    let type: GraphQLObjectType | undefined = schema.getQueryType() ?? undefined;
    const opened: string[] = [];
    for (let level = 0; level < levels && type; level += 1) {
      const remaining = levels - level - 1;
      const choices = Object.values(type.getFields()).flatMap((field) =>
        this.targets(field)
          .filter((next) => this.reaches(next, Math.min(remaining, 20)))
          .map((next) => ({ field, next })),
      );
      if (choices.length === 0) break;
      const { field, next } = random.pick(choices);
      const args = [...this.arguments(field, { kind: 'plain' })].map(([argument, value]) =>
        argument.name === 'first' ? 'first: 1' : `${argument.name}: ${literal(value)}`,
      );
      opened.push(`${field.name}${args.length ? `(${args.join(', ')})` : ''} {`);
      if (!isObjectType(getNamedType(field.type))) opened.push(`... on ${next.name} {`);
      type = next;
    }
    return `{ ${opened.join(' ')} __typename ${'}'.repeat(opened.length)} }`;
  }
}

/** Wrong JSON values for a variable of `type`: what a careless or hostile client sends. */
function wrongValues(type: GraphQLInputType): unknown[] {
  const inner = getNullableType(type);
  const base: unknown[] = isNonNullType(type) ? [null] : [];
  if (isListType(inner)) return [...base, {}, [[['deep']]], [null], 'not-a-list', [{ a: 1 }]];
  if (isEnumType(inner)) return [...base, 'NOT_A_VALUE', 3, inner.getValues()[0]?.name.toLowerCase(), ['SKILLS']];
  if (isInputObjectType(inner)) return [...base, 'text', [], { unknownField: 1 }, {}, JSON.parse('{"__proto__": {"polluted": true}}')];
  if (inner === GraphQLInt) return [...base, '1', 1.5, 2 ** 31, 1e40, true, [], {}, Number.MAX_SAFE_INTEGER];
  if (inner === GraphQLFloat) return [...base, 'x', true, {}, [1.5]];
  if (inner === GraphQLBoolean) return [...base, 'true', 1, {}, []];
  return [...base, { a: 1 }, [1, 2], true, 1.5, {}, { toString: 'x' }];
}

/** Ways to break a valid document's text. */
function breakDocument(random: SeededRandom, query: string, pool: string[]): { query: string; note: string } {
  const at = random.int(query.length + 1);
  const choices: (() => { query: string; note: string })[] = [
    () => ({ query: query.slice(0, at), note: 'truncated document' }),
    () => ({ query: query.slice(0, at) + query.slice(at + 1), note: 'a character dropped' }),
    () => ({ query: query.slice(0, at) + random.pick(['{', '}', '(', ')', '"', ':', '$', '@', '...', '!', '[', '\u0000', '#']) + query.slice(at), note: 'a character inserted' }),
    () => ({ query: query.replace(/\{\s*(\w+)/, '{ notAField_$1'), note: 'an unknown field' }),
    () => ({ query: query.replace(/\{\s*(\w+)(\(|\s)/, '{ $1(unknownArgument: 1)$2'), note: 'an unknown argument' }),
    () => ({ query: query.replace(/\((\w+): ([^,)]+)/, '($1: $2, $1: $2'), note: 'a duplicated argument' }),
    () => ({ query: query.replace(/: (\d+)/, ': "$1"').replace(/: "([^"]*)"/, ': 12345'), note: 'literals of the wrong type' }),
    () => ({ query: `${query} fragment A on Query { ...B } fragment B on Query { ...A }`, note: 'a fragment cycle' }),
    () => ({ query: `subscription { ${query.replace(/^\w+\s*(\w+\([^)]*\))?\s*\{/, '').replace(/\}\s*$/, '')} }`, note: 'a subscription' }),
    () => ({ query: `${query} ${query}`, note: 'two operations, none named' }),
    () => ({ query: query.replace(/\{/, '{ __typename @notADirective '), note: 'an unknown directive' }),
    () => ({ query: query.replace(/\{/, '{ __typename @include '), note: 'a directive without its argument' }),
    () => ({ query: query.replace(/\{/, '{ a: __typename @deprecated '), note: 'a directive in the wrong place' }),
    () => ({ query: query.replace(/\{/, '{ __typename(if: $undefinedVariable) '), note: 'an undefined variable' }),
    () => ({ query: `query Fuzz($unused: String, $bad: Role) ${query.replace(/^\w+(\s+\w+\([^)]*\))?\s*/, '')}`, note: 'an unused variable and one of an output type' }),
    () => ({ query: random.pick(pool), note: 'random text as the document' }),
    () => ({ query: random.pick(['', ' ', '#', '{', '}', '{}', 'query', '{ }', '...', 'null', '\ufeff{ __typename }', '{ __typename }\u0000']), note: 'a degenerate document' }),
    () => ({ query: `query ${'n'.repeat(10_000)} { __typename }`, note: 'a 10,000-character name' }),
    () => ({ query: `{ __typename(x: ${'['.repeat(600)}1${']'.repeat(600)}) }`, note: 'a deeply nested list literal' }),
    () => ({ query: query.replace(/"([^"]*)"/, `"""$1 """ """`), note: 'a broken block string' }),
    () => ({ query: query.replace(/\{[^{}]*\}\s*\}\s*$/, '} }'), note: 'a selection set removed' }),
    () => ({ query: query.replace(/(\w+)\s*\}\s*\}\s*$/, '$1 { id } } }'), note: 'a selection on a leaf' }),
  ];
  return random.pick(choices)();
}

/** Cases with a fixed form: HTTP, JSON and content-type abuse, and every limit. */
function fixedCases(builder: Builder, random: SeededRandom): HostileCase[] {
  const valid = { query: '{ sources { id title } }' };
  const validText = JSON.stringify(valid);
  const cases: HostileCase[] = [];
  const add = (kind: CaseKind, note: string, request: RawRequest, expect?: Expectation) => cases.push({ kind, note, ...request, expect });
  const transport = (note: string, request: RawRequest, expect?: Expectation) => add('transport', note, request, expect);
  const limits = (note: string, query: string, code: string | undefined, variables?: Record<string, unknown>) =>
    add('limits', note, post({ query, variables }), code ? { code } : undefined);

  // Bodies that are not the JSON object expected
  for (const cut of [1, 10, validText.length - 1]) transport(`JSON cut after ${cut} bytes`, { ...post(valid), body: validText.slice(0, cut) }, { status: [400] });
  const notJson = ['hello', '{', '}', '""', 'null', '42', 'true', '{"query":}', '{"query": NaN}', '{"query": "{ __typename }",}', '/* c */ {}', `${'['.repeat(5_000)}${']'.repeat(5_000)}`];
  for (const body of notJson) transport(`body ${JSON.stringify(body.slice(0, 20))}`, { ...post(valid), body }, { status: [400] });
  transport('duplicate keys', { ...post(valid), body: '{"query":"{ nope }","query":"{ __typename }"}' });
  transport('__proto__ key', { ...post(valid), body: '{"__proto__":{"query":"{ __typename }"},"query":"{ __typename }"}' });
  const shapes: [string, unknown][] = [
    ['query a number', { query: 42 }],
    ['query null', { query: null }],
    ['query a list', { query: ['{ __typename }'] }],
    ['query an object', { query: {} }],
    ['an empty object', {}],
    ['variables a string', { ...valid, variables: '{"a":1}' }],
    ['variables a list', { ...valid, variables: [] }],
    ['variables a number', { ...valid, variables: 5 }],
    ['operationName a number', { ...valid, operationName: 7 }],
    ['extensions a string', { ...valid, extensions: 'x' }],
    ['a persisted query hash that does not match', { ...valid, extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }],
    ['an unknown persisted query', { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }],
    ['a persisted query of an unknown version', { ...valid, extensions: { persistedQuery: { version: 99 } } }],
  ];
  for (const [note, payload] of shapes) transport(note, post(payload), { status: [200, 400, 404] });

  // Content types and encodings
  const types: [string, string, string][] = [
    ['no content type', '', validText],
    ['text/plain', 'text/plain', validText],
    ['a form', 'application/x-www-form-urlencoded', `query=${encodeURIComponent(valid.query)}`],
    ['multipart', 'multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${validText}\r\n--x--\r\n`],
    ['application/graphql', 'application/graphql', valid.query],
    ['XML', 'application/xml', '<query>{ __typename }</query>'],
    ['JSON in an unknown charset', 'application/json; charset=latin9', validText],
    ['JSON in UTF-16', 'application/json; charset=utf-16', validText],
    ['a made-up JSON type', 'application/vnd.fuzz+json', validText],
  ];
  for (const [note, type, body] of types) {
    transport(note, { method: 'POST', path: GRAPHQL_PATH, headers: type ? { 'content-type': type } : {}, body }, { status: [400, 415] });
  }
  transport('a body that claims gzip but is not', { ...post(valid), headers: { ...JSON_TYPE, 'content-encoding': 'gzip' } }, { status: [400, 415] });
  transport('a body that claims deflate but is not', { ...post(valid), headers: { ...JSON_TYPE, 'content-encoding': 'deflate' } }, { status: [400, 415] });
  transport('an unknown content encoding', { ...post(valid), headers: { ...JSON_TYPE, 'content-encoding': 'fuzz' } }, { status: [400, 415] });
  transport('a real gzip body', { ...post(valid), headers: { ...JSON_TYPE, 'content-encoding': 'gzip' }, body: gzipSync(validText) });
  transport('a gzip bomb: 5 MB of zeros', { ...post(valid), headers: { ...JSON_TYPE, 'content-encoding': 'gzip' }, body: gzipSync(Buffer.alloc(5_000_000)) }, { status: [413] });
  transport('bytes that are not UTF-8', { ...post(valid), body: Buffer.concat([Buffer.from('{"query":"{ role(id: \\"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('\\") { id } }"}')]) });

  // Methods, GET and CSRF prevention
  for (const method of ['PUT', 'PATCH', 'DELETE']) transport(`${method} request`, { ...post(valid), method }, { status: [400, 404, 405] });
  transport('OPTIONS request', { method: 'OPTIONS', path: GRAPHQL_PATH, headers: {} }, { status: [200, 204, 400, 404, 405] });
  const get = (note: string, query: string, headers: Record<string, string>, expect?: Expectation) =>
    transport(note, { method: 'GET', path: `${GRAPHQL_PATH}?${query}`, headers }, expect);
  const encoded = encodeURIComponent(valid.query);
  get('GET without a preflight header (CSRF prevention)', `query=${encoded}`, {}, { status: [400], code: 'BAD_REQUEST' });
  get('GET with a preflight header', `query=${encoded}`, { 'apollo-require-preflight': '1' }, { status: [200] });
  get('GET with injected text', `query=${encodeURIComponent(`{ role(id: ${JSON.stringify(INJECTIONS[0])}) { id } }`)}`, { 'apollo-require-preflight': '1' }, { status: [200] });
  get('GET with bad variables', `query=${encoded}&variables=%7Bnope`, { 'apollo-require-preflight': '1' }, { status: [400] });
  get('GET without a query', 'variables=%7B%7D', { 'apollo-require-preflight': '1' }, { status: [400] });
  get('GET with a 12 KB query string', `query=${encodeURIComponent(`{ __typename } #${'x'.repeat(12_000)}`)}`, { 'apollo-require-preflight': '1' });
  const mutation = builder.roots().find((root) => root.operation === 'mutation');
  if (mutation) {
    const { query } = builder.operation('mutation', mutation.field, { kind: 'valid' }, false);
    get('a mutation over GET', `query=${encodeURIComponent(query)}`, { 'apollo-require-preflight': '1' }, { status: [400, 405] });
  }
  transport('CSRF header with a text body', { method: 'POST', path: GRAPHQL_PATH, headers: { 'content-type': 'text/plain', 'x-apollo-operation-name': 'x' }, body: validText }, { status: [400] });

  // Batching, paths, headers
  transport('a batch of two', post([valid, valid]), { status: [400] });
  transport('an empty batch', post([]), { status: [400] });
  transport('a batch of 1,000', post(Array.from({ length: 1_000 }, () => valid)), { status: [400] });
  transport('trailing slash', { ...post(valid), path: `${GRAPHQL_PATH}/` });
  transport('a query string on POST', { ...post(valid), path: `${GRAPHQL_PATH}?query=${encodeURIComponent('{ nope }')}` });
  // Keys the service never issued: refused before anything runs.
  transport('a hostile API key', post(valid, { 'x-api-key': INJECTIONS[0] as string }), { status: [401], code: 'UNAUTHENTICATED' });
  transport('an 8 KB API key', post(valid, { 'x-api-key': 'k'.repeat(8_000) }), { status: [401], code: 'UNAUTHENTICATED' });
  transport('accept: graphql-response+json', post(valid, { accept: 'application/graphql-response+json' }));
  transport('accept: nothing usable', post(valid, { accept: 'image/png' }));

  // Bodies around the size limit
  /** A JSON body of exactly `bytes` bytes: a query padded with a comment. */
  const sized = (bytes: number) => {
    const empty = JSON.stringify({ query: '{ __typename } #' });
    return JSON.stringify({ query: `{ __typename } #${'p'.repeat(bytes - empty.length)}` });
  };
  transport('a body one byte over the limit', { ...post(valid), body: sized(LIMITS.maxBodyBytes + 1) }, { status: [413], code: 'PAYLOAD_TOO_LARGE' });
  transport('a body at the limit', { ...post(valid), body: sized(LIMITS.maxBodyBytes) }, { status: [400], code: 'DOCUMENT_TOO_LARGE' });
  transport('a 1 MB body', { ...post(valid), body: sized(1_000_000) }, { status: [413], code: 'PAYLOAD_TOO_LARGE' });
  transport('a 150 KB variable', post({ query: 'query ($id: ID!) { role(id: $id) { id } }', variables: { id: 'v'.repeat(150_000) } }), { status: [413] });
  transport('a 60 KB variable', post({ query: 'query ($id: ID!) { role(id: $id) { id } }', variables: { id: 'v'.repeat(60_000) } }), { code: 'BAD_USER_INPUT' });

  // Limits of the document
  for (const levels of [LIMITS.maxDepth + 1, 12, 30, 100]) limits(`depth ${levels}`, builder.nested(levels), 'DEPTH_LIMIT_EXCEEDED');
  limits('depth at the limit', builder.nested(LIMITS.maxDepth - 1), undefined);
  for (const count of [LIMITS.maxAliases + 1, 100, 250]) {
    limits(`${count} aliases`, `{ ${Array.from({ length: count }, (_, i) => `a${i}: sources { id }`).join(' ')} }`, 'ALIAS_LIMIT_EXCEEDED');
  }
  limits('500 aliases of __typename', `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: __typename`).join(' ')} }`, undefined);
  for (const count of [LIMITS.maxDirectives + 1, 100]) {
    limits(`${count} directives`, `{ ${Array.from({ length: count }, (_, i) => `t${i % 10}: __typename @include(if: true)`).join(' ')} }`, 'DIRECTIVE_LIMIT_EXCEEDED');
  }
  limits('one directive repeated 50 times', `{ __typename ${'@skip(if: false) '.repeat(50)}}`, undefined);
  limits(`${LIMITS.maxTokens + 1} tokens`, `{ ${'__typename '.repeat(LIMITS.maxTokens)} }`, 'TOKEN_LIMIT_EXCEEDED');
  limits('1,990 fields to merge', `{ ${'__typename '.repeat(LIMITS.maxTokens - 10)} }`, undefined);
  limits(`a document of ${LIMITS.maxDocumentLength + 1} characters`, `{ __typename } #${'c'.repeat(LIMITS.maxDocumentLength - 15)}`, 'DOCUMENT_TOO_LARGE');
  limits('the usual introspection query', getIntrospectionQuery(), undefined);
  const laugh = (levels: number) =>
    `query { ...F${levels} } fragment F0 on Query { __typename } ${Array.from({ length: levels }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join(' ')}`;
  limits('fragments doubling 10 times', laugh(10), undefined);
  limits('fragments doubling 60 times', laugh(60), undefined);
  limits('400 operations, the last one chosen', Array.from({ length: 400 }, (_, i) => `query Q${i} { __typename }`).join(' '), undefined);
  limits('conflicting fields under one name', '{ a: __typename a: sources { id } }', 'GRAPHQL_VALIDATION_FAILED');
  limits('1,000 variables', `query (${Array.from({ length: 1_000 }, (_, i) => `$v${i}: Int`).join(' ')}) { __typename }`, 'TOKEN_LIMIT_EXCEEDED');
  limits('a costly nesting of lists', builder.nested(5).replace(/first: 1\b/g, 'first: 100'), undefined);
  // Shuffled a little, so a short run still sees every sort.
  return random.some(cases, cases.length);
}

/** The next field × payload pair for injection, so that over a long run every payload reaches every string argument. */
class InjectionPlan {
  private index = 0;

  constructor(private readonly targets: { operation: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[]) {}

  get size(): number {
    return this.targets.length * INJECTIONS.length;
  }

  next() {
    const target = this.targets[this.index % this.targets.length];
    const payload = INJECTIONS[Math.floor(this.index / this.targets.length) % INJECTIONS.length] as string;
    this.index += 1;
    return { target, payload };
  }
}

/** Every root field with a string argument somewhere (in its arguments or inside its input objects). */
function stringTakers(builder: Builder) {
  const takes = (type: GraphQLInputType, seen = new Set<string>()): boolean => {
    if (isStringLike(type)) return true;
    const named = getNamedType(type);
    if (!isInputObjectType(named) || seen.has(named.name)) return false;
    seen.add(named.name);
    return Object.values(named.getFields()).some((field) => takes(field.type, seen));
  };
  return builder.roots().filter((root) => root.field.args.some((argument) => takes(argument.type)));
}

/** Weights of the random cases, after the fixed ones. */
const WEIGHTS: [CaseKind, number][] = [
  ['valid', 20],
  ['injection', 35],
  ['wrong-types', 15],
  ['invalid-document', 15],
  ['mutation', 15],
  ['curator-write', 15],
];

/** Headers a client without a valid token might send with a mutation. */
function authorizations(random: SeededRandom): Record<string, string> {
  const header = random.pick([
    undefined,
    undefined,
    'Bearer not-a-token',
    'Bearer ',
    'Bearer',
    'Basic bmVvNGo6bmVvNGo=',
    `Bearer ${'t'.repeat(6_000)}`,
    `Bearer ${random.pick(INJECTIONS.filter(headerSafe))}`,
    'bearer careers-graph-local',
  ]);
  return header === undefined ? {} : { authorization: header };
}

/**
 * Hostile requests for the service, generated from its live schema and a seed: the
 * same seed and schema give the same cases. First the fixed cases (HTTP, JSON,
 * content types, limits), then random ones: valid documents, injection strings in
 * every string argument, wrong variable types, broken documents, and mutations
 * without a valid token.
 */
export function* hostileCases(target: Target, options: GenerationOptions): Generator<HostileCase> {
  const random = new SeededRandom(options.seed, 'mulberry32');
  const builder = new Builder(target, random, options.seed);
  const pool = randomStrings(options.seed + 1, 200);
  const roots = builder.roots();
  const queries = roots.filter((root) => root.operation === 'query');
  const mutations = roots.filter((root) => root.operation === 'mutation');
  const plan = new InjectionPlan(stringTakers(builder));
  const asked = (kind: CaseKind) => !options.kinds || options.kinds.includes(kind);
  const weights = WEIGHTS.filter(
    ([kind]) => asked(kind) && (kind !== 'mutation' || mutations.length > 0) && (kind !== 'curator-write' || (mutations.length > 0 && options.curatorToken !== undefined)),
  );
  if (weights.length === 0) throw new Error(`no case of the kinds asked (${options.kinds?.join(', ')}) can be generated`);
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);

  let produced = 0;
  for (const fixed of asked('transport') || asked('limits') ? fixedCases(builder, random) : []) {
    if (produced >= options.count) return;
    produced += 1;
    yield fixed;
  }
  while (produced < options.count) {
    produced += 1;
    let roll = random.int(total);
    const kind = weights.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? 'valid';
    switch (kind) {
      case 'valid': {
        const { operation, field } = random.pick(queries);
        const built = builder.operation(operation, field, { kind: 'valid' }, random.chance(0.4));
        yield { kind, note: `${field.name}, valid`, ...post({ query: built.query, variables: built.variables }) };
        break;
      }
      case 'injection': {
        const { target: root, payload } = plan.next();
        if (!root) break;
        const built = builder.operation(root.operation, root.field, { kind: 'injection', payload }, random.chance(0.5));
        const headers = root.operation === 'mutation' ? authorizations(random) : {};
        yield { kind, note: `${root.field.name} with ${JSON.stringify(payload.slice(0, 30))}`, ...post({ query: built.query, variables: built.variables }, headers) };
        break;
      }
      case 'wrong-types': {
        const withArgs = roots.filter((root) => root.field.args.length > 0);
        const { operation, field } = random.pick(withArgs);
        const built = builder.operation(operation, field, { kind: 'valid' }, true);
        const variables: Record<string, unknown> = { ...built.variables };
        const argument = random.pick(field.args);
        const note = `${field.name}(${argument.name}) given a wrong value`;
        if (!built.variables || !built.args.has(argument)) {
          // The argument is declared as a variable whose type does not fit it, or left undeclared.
          const query = `${operation} Fuzz($x: ${random.pick(['Int', 'Boolean', '[String]', 'Role', 'NotAType'])}) { ${field.name}(${argument.name}: $x) { __typename } }`;
          yield { kind, note, ...post({ query, variables: { x: random.pick(wrongValues(argument.type)) } }) };
          break;
        }
        const wrong = random.pick(wrongValues(argument.type));
        if (wrong === null && random.chance(0.5)) delete variables[argument.name];
        else variables[argument.name] = wrong;
        if (random.chance(0.1)) variables.extra = { nested: [1, 'x'] };
        yield { kind, note, ...post({ query: built.query, variables }) };
        break;
      }
      case 'invalid-document': {
        const { operation, field } = random.pick(roots);
        const built = builder.operation(operation, field, { kind: 'valid' }, false);
        const broken = breakDocument(random, built.query, pool);
        const extra = random.chance(0.1) ? { operationName: random.pick(['Nope', '', 'Fuzz']) } : {};
        yield { kind, note: `${field.name}: ${broken.note}`, ...post({ query: broken.query, ...extra }) };
        break;
      }
      case 'mutation': {
        const { field } = random.pick(mutations);
        const built = builder.operation('mutation', field, { kind: 'valid' }, random.chance(0.5));
        yield { kind, note: `${field.name} without a valid token`, ...post({ query: built.query, variables: built.variables }, authorizations(random)) };
        break;
      }
      case 'curator-write': {
        const { field } = random.pick(mutations);
        const hostile = random.chance(0.3);
        const mode = hostile ? { kind: 'injection' as const, payload: random.pick(INJECTIONS) } : { kind: 'valid' as const };
        const built = builder.operation('mutation', field, mode, random.chance(0.5));
        yield {
          kind,
          note: `${field.name} by a curator${hostile && mode.kind === 'injection' ? ` with ${JSON.stringify(mode.payload.slice(0, 30))}` : ''}`,
          ...post({ query: built.query, variables: built.variables }, { authorization: `Bearer ${options.curatorToken}` }),
          expect: { authorised: true },
        };
        break;
      }
      default:
        break;
    }
  }
}

/** How many field × payload pairs the injection cases cycle through. */
export function injectionPairs(target: Target): number {
  return new InjectionPlan(stringTakers(new Builder(target, new SeededRandom(0, 'mulberry32'), 0))).size;
}

/**
 * Ids the graph holds, read through the API (roles, skills, sources and the
 * neighbourhood of a role), so generated arguments often name real nodes and the
 * resolvers do their real work.
 */
export async function fetchKnownIds(graphqlUrl: string): Promise<string[]> {
  type Page = { edges?: { node: { id: string } }[] };
  const ask = async <T>(query: string): Promise<T | undefined> => {
    const response = await fetch(graphqlUrl, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ query }) });
    return ((await response.json()) as { data?: T }).data ?? undefined;
  };
  const ids = new Set<string>();
  const lists = await ask<{ roles?: Page; skills?: Page; sources?: { id: string }[] }>(
    '{ roles(first: 100) { edges { node { id } } } skills(first: 100) { edges { node { id } } } sources { id } }',
  );
  for (const edge of [...(lists?.roles?.edges ?? []), ...(lists?.skills?.edges ?? [])]) ids.add(edge.node.id);
  for (const source of lists?.sources ?? []) ids.add(source.id);
  const firstRole = lists?.roles?.edges?.[0]?.node.id;
  if (firstRole) {
    const around = await ask<{ neighborhood?: { nodes: { id: string }[] } }>(
      `{ neighborhood(id: ${JSON.stringify(firstRole)}, depth: 2, limit: 500) { nodes { id } } }`,
    );
    for (const node of around?.neighborhood?.nodes ?? []) ids.add(node.id);
  }
  return [...ids].sort();
}

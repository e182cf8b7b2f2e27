import {
  buildClientSchema,
  type GraphQLSchema,
  type IntrospectionQuery,
  type IntrospectionType,
  type IntrospectionDirective,
} from 'graphql';

/** A type reference unwrapped `levels` times: [ID!]! needs 3 (NON_NULL, LIST, NON_NULL, then ID). */
const typeRef = (levels: number): string => (levels === 0 ? 'kind name' : `kind name ofType { ${typeRef(levels - 1)} }`);

const inputValue = (levels: number) => `name description defaultValue type { ${typeRef(levels)} }`;

/**
 * One type's details. The service's depth limit (8) counts `__type` queries, so
 * argument types get 3 levels of `ofType` and field types 4: enough for [[ID!]!]
 * and [ID!]!. buildClientSchema fails loudly if a type is wrapped deeper.
 */
const TYPE_DETAILS = `
  kind name description specifiedByURL
  fields(includeDeprecated: true) { name description isDeprecated deprecationReason args { ${inputValue(3)} } type { ${typeRef(4)} } }
  inputFields { ${inputValue(4)} }
  interfaces { ${typeRef(4)} }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ${typeRef(4)} }`;

interface SchemaHead {
  queryType: { name: string };
  mutationType: { name: string } | null;
  subscriptionType: { name: string } | null;
  types: { name: string }[];
  directives: IntrospectionDirective[];
}

async function post<T>(url: string, query: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data || body.errors) {
    throw new Error(`introspection failed (HTTP ${response.status}): ${body.errors?.map((error) => error.message).join('; ')}`);
  }
  return body.data;
}

/**
 * The schema the running service serves, read by introspection. Tools' usual
 * one-request introspection asks for every type at once; here the type list comes
 * first and then each type on its own, so every request stays within the
 * service's depth and cost limits.
 */
export async function fetchLiveSchema(graphqlUrl: string): Promise<{ schema: GraphQLSchema; requests: number }> {
  const { __schema: head } = await post<{ __schema: SchemaHead }>(
    graphqlUrl,
    `{ __schema { queryType { name } mutationType { name } subscriptionType { name } types { name }
       directives { name description isRepeatable locations args { ${inputValue(6)} } } } }`,
  );
  const names = head.types.map((type) => type.name).filter((name) => !name.startsWith('__'));
  const types: IntrospectionType[] = [];
  for (const name of names) {
    const { __type } = await post<{ __type: IntrospectionType }>(graphqlUrl, `{ __type(name: ${JSON.stringify(name)}) { ${TYPE_DETAILS} } }`);
    types.push(__type);
  }
  const introspection = {
    __schema: {
      description: null,
      queryType: { kind: 'OBJECT', name: head.queryType.name },
      mutationType: head.mutationType ? { kind: 'OBJECT', name: head.mutationType.name } : null,
      subscriptionType: head.subscriptionType ? { kind: 'OBJECT', name: head.subscriptionType.name } : null,
      types,
      directives: head.directives,
    },
  } as unknown as IntrospectionQuery;
  return { schema: buildClientSchema(introspection), requests: names.length + 1 };
}

import { buildSchema, getNamedType, isEnumType, isObjectType, type GraphQLNamedType, type GraphQLObjectType } from 'graphql';
import { loadTypeDefs } from '../graphql/load-type-defs';
import { LABEL_OF_KIND, NODE_LABEL_NAMES } from './node-labels';
import { OVERLAP_DIMENSIONS, PARALLEL_RELATIONS, PUBLIC_RELATIONS, RELATIONS, ROLE_FACT_FIELDS, ROLE_RELATIONS, roleFactField } from './relations';

const schema = buildSchema(loadTypeDefs());

function enumValues(name: string): string[] {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum of the schema`);
  return type.getValues().map((value) => value.name);
}

function objectType(name: string): GraphQLObjectType {
  const type = schema.getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type of the schema`);
  return type;
}

/** The named type a field of an object type returns (through lists and non-null). */
function fieldType(type: GraphQLObjectType, field: string): GraphQLNamedType | undefined {
  const found = type.getFields()[field];
  return found ? getNamedType(found.type) : undefined;
}

const sorted = (values: Iterable<string>) => [...values].sort();

describe('the relation table agrees with the schema', () => {
  it('GraphQL’s Relation enum lists every relation but the figures', () => {
    expect(sorted(enumValues('Relation'))).toEqual(sorted(PUBLIC_RELATIONS));
  });

  it('GraphQL’s NodeKind enum lists the kind of every searchable label', () => {
    expect(sorted(enumValues('NodeKind'))).toEqual(sorted(Object.keys(LABEL_OF_KIND)));
  });

  it('GraphQL’s OverlapDimension enum lists every dimension of the table', () => {
    expect(sorted(enumValues('OverlapDimension'))).toEqual(sorted(Object.keys(OVERLAP_DIMENSIONS)));
  });

  it('every node label is an object type implementing Node', () => {
    for (const label of NODE_LABEL_NAMES) {
      expect({ label, interfaces: objectType(label).getInterfaces().map((type) => type.name) }).toEqual({ label, interfaces: ['Node'] });
    }
  });

  it('every relation’s ends are node labels', () => {
    for (const spec of Object.values(RELATIONS)) {
      for (const label of [...spec.from, ...spec.to]) expect(NODE_LABEL_NAMES).toContain(label);
    }
  });

  it.each(ROLE_RELATIONS.map((type) => [type]))('%s lists its facts in the Role field and type the table names', (type) => {
    const spec = RELATIONS[type];
    const role = objectType('Role');
    const listed = fieldType(role, roleFactField(type));
    if (spec.roleFact.shape.kind === 'node') {
      expect(spec.to).toContain(listed?.name);
      return;
    }
    const { shape } = spec.roleFact;
    expect(listed?.name).toBe(shape.type);
    const wrapper = objectType(shape.type);
    // Every wrapper field says which relationship properties it reads, so a selection never reads them all by omission.
    expect(sorted(Object.keys(shape.linkFields))).toEqual(sorted(Object.keys(wrapper.getFields())));
    if (shape.nodeField) expect(spec.to).toContain(fieldType(wrapper, shape.nodeField)?.name);
  });

  it.each([...ROLE_FACT_FIELDS].filter(([field, spec]) => field !== roleFactField(spec.type)))('the view %s lists its facts in the type the table names', (field, spec) => {
    const listed = fieldType(objectType('Role'), field);
    if (spec.shape.kind === 'node') {
      expect(RELATIONS[spec.type].to).toContain(listed?.name);
      return;
    }
    expect(listed?.name).toBe(spec.shape.type);
    expect(sorted(Object.keys(spec.shape.linkFields))).toEqual(sorted(Object.keys(objectType(spec.shape.type).getFields())));
    if (spec.shape.nodeField) expect(RELATIONS[spec.type].to).toContain(fieldType(objectType(spec.shape.type), spec.shape.nodeField)?.name);
  });

  it('Role has no list of facts the table does not know', () => {
    const factTypes = new Set<string>([
      ...NODE_LABEL_NAMES,
      ...[...ROLE_FACT_FIELDS.values()].flatMap(({ shape }) => (shape.kind === 'wrapper' ? [shape.type] : [])),
    ]);
    const factFields = Object.entries(objectType('Role').getFields())
      .filter(([, field]) => factTypes.has(getNamedType(field.type).name))
      .map(([name]) => name);
    // Each relation's own field and its views (src/models/relations.ts).
    expect(sorted(factFields)).toEqual(sorted(ROLE_FACT_FIELDS.keys()));
  });
});

describe('parallel relations', () => {
  it('holds the types that may join two nodes another relationship joins, and none of the role-to-fact types', () => {
    for (const type of ['RELATED_TO', 'EQUIVALENT_TO', 'COLLABORATES_WITH', 'IN_OCCUPATION_GROUP', 'BROADER_SKILL'] as const) expect(PARALLEL_RELATIONS).toContain(type);
    for (const type of ['REQUIRES_SKILL', 'USES_TOOL', 'WORKS_IN', 'HAS_RESPONSIBILITY', 'REQUIRES_EDUCATION', 'IN_SKILL_GROUP'] as const) {
      expect(PARALLEL_RELATIONS).not.toContain(type);
    }
  });
});

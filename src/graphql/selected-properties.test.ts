import { buildSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';
import { loadTypeDefs } from './load-type-defs';
import { selectedProperties } from './selected-properties';

const schema = buildSchema(loadTypeDefs());

/** What selectedProperties answers inside Role.<field> for this query, run on the real schema. */
function propertiesAt(query: string, field: string, ...path: string[]): string[] | null | undefined {
  let captured: string[] | null | undefined;
  const result = execute({
    schema,
    document: parse(query),
    fieldResolver: (_source: unknown, _args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
      if (info.parentType.name === 'Query') return {};
      if (info.parentType.name === 'Role' && info.fieldName === field) captured = selectedProperties(info, ...path);
      return null;
    },
  });
  if ('then' in result) throw new Error('expected synchronous execution');
  return captured;
}

describe('selectedProperties', () => {
  it('reads id and name for a list of names, whatever else the query selects next to it', () => {
    expect(propertiesAt('{ role(id: "r") { skills { importance skill { name } } } }', 'skills', 'skill')).toEqual(['id', 'name']);
    expect(propertiesAt('{ role(id: "r") { settings { id } } }', 'settings')).toEqual(['id', 'name']);
  });

  it('follows fragments, inline fragments and aliases, and maps sources to the citation properties', () => {
    const query = `{ role(id: "r") { skills { skill { ...Facts kind: category ... on Node { id } } } } }
      fragment Facts on Skill { description sources { quote } }`;
    expect(propertiesAt(query, 'skills', 'skill')).toEqual(['category', 'description', 'id', 'name', 'quotes', 'sourceIds']);
  });

  it('reads the whole node when a selected field is computed from other nodes', () => {
    expect(propertiesAt('{ role(id: "r") { skills { skill { name roles { id } } } } }', 'skills', 'skill')).toBeNull();
  });

  it('needs only the id of a related role for the role\'s own facts', () => {
    const query = '{ role(id: "r") { relatedRoles { reason role { name skills { skill { id } } settings { id } } } } }';
    expect(propertiesAt(query, 'relatedRoles', 'role')).toEqual(['id', 'name']);
    expect(propertiesAt('{ role(id: "r") { relatedRoles { role { summary externalCodes { code } } } } }', 'relatedRoles', 'role')).toEqual([
      'externalCodes',
      'id',
      'name',
      'summary',
    ]);
  });
});

import { buildSchema, isEnumType } from 'graphql';
import { loadTypeDefs } from '../graphql/load-type-defs';
import { CODE_SYSTEMS, codeMatchOf, parseExternalCodes } from './code-systems';

describe('the code-system table', () => {
  it('agrees with GraphQL’s CodeSystem enum', () => {
    const type = buildSchema(loadTypeDefs()).getType('CodeSystem');
    if (!isEnumType(type)) throw new Error('CodeSystem is not an enum of the schema');
    expect(type.getValues().map((value) => value.name).sort()).toEqual(Object.keys(CODE_SYSTEMS).sort());
  });

  it.each(Object.entries(CODE_SYSTEMS))('%s accepts its own example', (_system, { pattern, example }) => {
    if (!example.includes('<')) expect(pattern.test(example)).toBe(true);
  });

  it('reads a text as the codes of every system it could be, a role’s own apart from its groups’', () => {
    const none = { codes: [], prefixes: [] };
    expect(codeMatchOf('27-4014.00')).toEqual({ own: ['ONET_SOC:27-4014.00'], within: none });
    expect(codeMatchOf('27-4014')).toEqual({ own: [], within: { codes: [], prefixes: ['ONET_SOC:27-4014.'] } });
    expect(codeMatchOf('3521')).toEqual({ own: [], within: { codes: ['ISCO:3521'], prefixes: [] } });
    expect(codeMatchOf('352')).toEqual({ own: [], within: { codes: ['ISCO:352'], prefixes: ['ISCO:352'] } });
    expect(codeMatchOf('3521.1.7')).toEqual({ own: ['ESCO_CODE:3521.1.7'], within: none });
    expect(codeMatchOf('sound engineer')).toBeNull();
  });

  it('shows only the stored systems of a role’s codes, split at the first colon', () => {
    expect(parseExternalCodes(['ONET_SOC:27-4014.00', 'ESCO:http://data.europa.eu/esco/occupation/x', 'SOC:27-4014', 'NOPE:1', 'plain'])).toEqual([
      { system: 'ONET_SOC', code: '27-4014.00' },
      { system: 'ESCO', code: 'http://data.europa.eu/esco/occupation/x' },
    ]);
  });
});

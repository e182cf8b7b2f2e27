import { loadCypherCatalog, QUERY_NAMES } from './cypher-catalog';

/** A statement without its comments, on one line: what the database is asked. */
const shape = (text: string) =>
  text
    .replace(/\/\/.*$/gm, '')
    .replace(/\s+/g, ' ')
    .trim();

const catalog = loadCypherCatalog();

describe('the Cypher catalog', () => {
  it.each(QUERY_NAMES.map((name) => [name]))('%s has a header stating its question or write, and its parameters', (name) => {
    const header = catalog[name].split('\n').filter((line) => line.startsWith('//')).join('\n');
    expect(header).toMatch(/^\/\/ (Question|Write):/);
    expect(header).toMatch(/Parameters:/);
  });

  it.each(QUERY_NAMES.map((name) => [name]))('%s keeps its shape (snapshot)', (name) => {
    expect(shape(catalog[name])).toMatchSnapshot();
  });

  it.each(QUERY_NAMES.map((name) => [name]))('%s bounds every variable-length pattern', (name) => {
    const text = shape(catalog[name]);
    // [*], [*2..], [:T*] and the quantifiers +, * and {n,} on a path pattern are unbounded.
    expect(text).not.toMatch(/\[[^\]]*\*\s*\]/);
    expect(text).not.toMatch(/\[[^\]]*\*\s*\d*\s*\.\.\s*\]/);
    expect(text).not.toMatch(/[)\]>-]\s*\{\s*\d*\s*,\s*\}/);
    expect(text).not.toMatch(/\)[+*]/);
    expect(text).not.toMatch(/\]-?>?[+*](?!\s)/);
  });

  it('takes values only as parameters: no string literal but label and type names', () => {
    // Label and type names, the index name, and constants the statements return or compare with.
    const allowed = new Set(['Entity', 'Role', 'RELATED_TO', 'COLLABORATES_WITH', 'WEIGHTED_JACCARD', 'entity_search', 'out', 'in']);
    for (const name of QUERY_NAMES) {
      for (const [, literal] of shape(catalog[name]).matchAll(/'([^']*)'/g)) {
        expect({ name, literal, allowed: allowed.has(literal as string) }).toEqual({ name, literal, allowed: true });
      }
    }
  });
});

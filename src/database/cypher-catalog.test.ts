import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../config/repo-root';
import { ROLE_RELATIONS } from '../models/relations';
import { BOUNDED, boundedName, loadCypherCatalog, QUERY_NAMES, type StatementName } from './cypher-catalog';

/** A statement without its comments, on one line: what the database is asked. */
const shape = (text: string) =>
  text
    .replace(/\/\/.*$/gm, '')
    .replace(/\s+/g, ' ')
    .trim();

const catalog = loadCypherCatalog();
const CATALOG_DIR = path.join(repoRoot(), 'cypher', 'queries');

describe('the Cypher catalog', () => {
  it.each(QUERY_NAMES.map((name) => [name]))('%s has a header stating its question or write, and its parameters', (name) => {
    const header = catalog[name].split('\n').filter((line) => line.startsWith('//')).join('\n');
    expect(header).toMatch(/^\/\/ (Question|Write):/);
    expect(header).toMatch(/Parameters:/);
  });

  it.each(QUERY_NAMES.map((name) => [name]))('%s keeps its shape (snapshot)', (name) => {
    expect(shape(catalog[name])).toMatchSnapshot();
  });

  const VARIANTS = Object.entries(BOUNDED).flatMap(([name, { bounds }]) => bounds.map((bound) => boundedName(name as keyof typeof BOUNDED, bound)));

  it.each([...QUERY_NAMES, ...VARIANTS].map((name): [StatementName] => [name]))('%s bounds every variable-length pattern', (name) => {
    const text = shape(catalog[name]);
    // [*], [*2..], [:T*] and the quantifiers +, * and {n,} on a path pattern are unbounded.
    expect(text).not.toMatch(/\[[^\]]*\*\s*\]/);
    expect(text).not.toMatch(/\[[^\]]*\*\s*\d*\s*\.\.\s*\]/);
    expect(text).not.toMatch(/[)\]>-]\s*\{\s*\d*\s*,\s*\}/);
    expect(text).not.toMatch(/\)[+*]/);
    expect(text).not.toMatch(/\]-?>?[+*](?!\s)/);
  });

  it.each(Object.entries(BOUNDED))('derives a variant of %s per bound, differing from the file only in its bound', (name, { literal, bounds }) => {
    const file = shape(catalog[name as keyof typeof BOUNDED]);
    expect(file.split(literal)).toHaveLength(2);
    for (const bound of bounds) {
      const variant = shape(catalog[boundedName(name as keyof typeof BOUNDED, bound)]);
      expect(variant).toBe(file.replace(literal, `{1,${bound}}`));
    }
    expect(() => boundedName(name as keyof typeof BOUNDED, Math.max(...bounds) + 1)).toThrow(/no variant bounded at/);
  });

  it('refuses a file whose bound is not stated exactly once', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
    try {
      for (const name of QUERY_NAMES) fs.copyFileSync(path.join(CATALOG_DIR, `${name}.cypher`), path.join(dir, `${name}.cypher`));
      fs.writeFileSync(path.join(dir, 'paths-between.cypher'), catalog['paths-between'].replace('{1,6}', '{1,5}'));
      expect(() => loadCypherCatalog(dir)).toThrow(/paths-between.cypher must state its bound \{1,6\} exactly once/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([['role-links'], ['role-with-links']] as const)('%s expands each type of the role-facts allow-list by its name, and no other', (name) => {
    const text = shape(catalog[name]);
    const branches = [...text.matchAll(/WHEN '(\w+)' THEN \[\((\w+)\)-\[r:(\w+)\]/g)].map(([, when, , type]) => ({ when, type }));
    expect(branches.map((branch) => branch.when).sort()).toEqual([...ROLE_RELATIONS].sort());
    for (const branch of branches) expect(branch.type).toBe(branch.when);
    expect(text).not.toMatch(/\$\(/);
  });

  it('takes values only as parameters: no string literal but label and type names', () => {
    // Label and type names, the index names, and constants the statements return or compare with.
    const allowed = new Set(['Node', 'Role', ...ROLE_RELATIONS, 'WEIGHTED_JACCARD', 'node_search', 'node_exact', 'out', 'in']);
    for (const name of QUERY_NAMES) {
      for (const [, literal] of shape(catalog[name]).matchAll(/'([^']*)'/g)) {
        expect({ name, literal, allowed: allowed.has(literal as string) }).toEqual({ name, literal, allowed: true });
      }
    }
  });
});

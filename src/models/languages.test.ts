import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config/repo-root';
import { aliasesIn, LANGUAGES, languagesOf, nameIn } from './languages';
import type { NodeRecord } from './records';

const migration = fs.readFileSync(path.join(repoRoot(), 'cypher', 'migrations', '010_node_search_languages.cypher'), 'utf8');

describe('the languages table', () => {
  it.each(Object.entries(LANGUAGES))('%s has its full-text index, over its label properties, with its analyzer, in migration 010', (code, spec) => {
    const statement = migration.split(/;\s*$/m).find((text) => text.includes(`INDEX ${spec.index} `));
    expect(statement).toBeDefined();
    expect(statement).toContain(`ON EACH [n.name_${code}, n.aliases_${code}]`);
    expect(statement).toContain(`\`fulltext.analyzer\`: '${spec.analyzer}'`);
  });

  it('migration 010 creates no index the table lacks', () => {
    const created = [...migration.matchAll(/CREATE FULLTEXT INDEX (\w+)/g)].map((match) => match[1]);
    expect(created.sort()).toEqual(Object.values(LANGUAGES).map((spec) => spec.index).sort());
  });
});

describe('a node’s labels in a language', () => {
  const node = { label: 'Role', id: 'r', name: 'music producer', aliases: ['record producer'], citations: [], inferred: false, name_fr: 'producteur de musique/productrice de musique', aliases_fr: ['producteur de musique'] } as unknown as NodeRecord;

  it('is the label imported in that language, else the English one; aliases do not fall back', () => {
    expect(nameIn(node, 'fr')).toBe('producteur de musique/productrice de musique');
    expect(nameIn(node, 'nl')).toBe('music producer');
    expect(nameIn(node, 'en')).toBe('music producer');
    expect(aliasesIn(node, 'fr')).toEqual(['producteur de musique']);
    expect(aliasesIn(node, 'nl')).toEqual([]);
    expect(aliasesIn(node, null)).toEqual(['record producer']);
    expect(languagesOf(node)).toEqual(['fr']);
  });
});

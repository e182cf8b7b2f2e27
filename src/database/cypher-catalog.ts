import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config/repo-root';

/**
 * Every static Cypher statement the service runs, by file name in cypher/queries/.
 * Each file holds one statement whose header comment states the question it
 * answers and its parameters.
 */
export const QUERY_NAMES = [
  'entities-by-ids',
  'role-details-by-ids',
  'role-links',
  'role-with-links',
  'roles-by-entity-ids',
  'roles-page',
  'skills-page',
  'search-entities',
  'sources-all',
  'sources-by-ids',
  'overlap',
  'similar-roles',
  'recommend-roles',
  'skill-gap',
  'paths-between',
  'neighborhood',
  'graph-counts',
  'graph-fingerprint',
  'upsert-sources',
  'upsert-entities',
  'upsert-links',
  'unlink-moved-figures',
  'delete-link',
  'delete-entity',
  'source-citations',
  'delete-source',
  'dataset-load-get',
  'dataset-load-record',
  'import-checkpoint-get',
  'import-checkpoint-set',
  'import-checkpoint-clear',
  'import-add-aliases',
  'roles-by-external-code',
  'refresh-role-weights',
] as const;

export type QueryName = (typeof QUERY_NAMES)[number];

export type CypherCatalog = Readonly<Record<QueryName, string>>;

/** Reads every statement once at start; fails fast naming any file missing or unknown. */
export function loadCypherCatalog(dir = path.join(repoRoot(), 'cypher', 'queries')): CypherCatalog {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((file) => file.endsWith('.cypher')) : [];
  const present = new Set(files.map((file) => file.slice(0, -'.cypher'.length)));
  const missing = QUERY_NAMES.filter((name) => !present.has(name));
  const unknown = [...present].filter((name) => !(QUERY_NAMES as readonly string[]).includes(name));
  if (missing.length > 0 || unknown.length > 0) {
    throw new Error(
      `Cypher catalog ${dir} is out of step with the code: missing [${missing.join(', ')}], unknown [${unknown.join(', ')}]`,
    );
  }
  const entries = QUERY_NAMES.map((name) => [name, fs.readFileSync(path.join(dir, `${name}.cypher`), 'utf8').trim()]);
  return Object.freeze(Object.fromEntries(entries)) as CypherCatalog;
}

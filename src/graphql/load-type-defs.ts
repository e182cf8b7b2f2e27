import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config/repo-root';

/** The schema's SDL: every schema/*.graphql file, in name order. */
export function loadTypeDefs(dir = path.join(repoRoot(), 'schema')): string {
  const files = fs.readdirSync(dir).filter((file) => file.endsWith('.graphql')).sort();
  if (files.length === 0) throw new Error(`no .graphql files in ${dir}`);
  return files.map((file) => fs.readFileSync(path.join(dir, file), 'utf8')).join('\n');
}

import fs from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/**
 * The repository's root folder (the one holding package.json), found from this
 * file's location so that it is the same from src/ (tsx, Jest) and dist/ (build).
 */
export function repoRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('careers-graph: cannot find the repository root (no package.json above the code)');
    dir = parent;
  }
  cached = dir;
  return dir;
}

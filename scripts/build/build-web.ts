/**
 * `npm start` builds the explorer with this (its `prestart`): `vite build web` into dist/web, skipped
 * when the last build is newer than everything it is built from (web/ and
 * package-lock.json). `npm run build:web` (and `npm run build`) always rebuilds it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config/repo-root';
import { newestMtime } from '../../src/database/local-neo4j/newest-mtime';

const root = repoRoot();
/** Vite empties dist/web, then writes the pages once the bundles are made: a failed build leaves none. */
const built = path.join(root, 'dist', 'web', 'index.html');
const sources = [path.join(root, 'web'), path.join(root, 'package-lock.json')];

const builtAt = fs.statSync(built, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (builtAt > 0 && builtAt >= newestMtime(sources)) {
  process.stderr.write('explorer: dist/web is up to date (`npm run build:web` rebuilds it)\n');
} else {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', 'web', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  process.stderr.write('explorer: built into dist/web\n');
}

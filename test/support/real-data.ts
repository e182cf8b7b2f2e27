import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config/repo-root';
import type { OutsideDependency } from './outside-repo';

/**
 * The published releases (O*NET, ESCO, crosswalks, BLS) as their publishers ship
 * them, each file compressed with xz: ../shared/realdata beside the repository, or
 * where CAREERS_REALDATA_DIR points. That folder is read-only; files are unpacked on
 * first use into .realdata/ (git-ignored), and unpacked again only when the
 * compressed file is newer.
 */
export const REAL_DATA_DIR = process.env.CAREERS_REALDATA_DIR ?? path.resolve(repoRoot(), '..', 'shared', 'realdata');

/** Where files are unpacked. */
export const UNPACKED_DIR = path.join(repoRoot(), '.realdata');

export const realData: OutsideDependency = {
  what: 'the published releases in ../shared/realdata',
  available: fs.existsSync(path.join(REAL_DATA_DIR, 'README.md')),
  howToGet: 'put the realdata folder beside the repository as ../shared/realdata, or set CAREERS_REALDATA_DIR',
};

/**
 * Unpacks a file, or every file of a folder (recursively), of the releases into
 * .realdata/ and returns the unpacked path. `relative` names it without `.xz`, e.g.
 * `onet-29.0/db_29_0_text`. Uses the xz command (Debian's xz-utils).
 */
export function unpackRealData(relative: string): string {
  const source = path.join(REAL_DATA_DIR, relative);
  const target = path.join(UNPACKED_DIR, relative);
  if (fs.existsSync(source) && fs.statSync(source).isDirectory()) {
    for (const entry of fs.readdirSync(source)) unpackRealData(path.join(relative, entry.replace(/\.xz$/, '')));
    return target;
  }
  const compressed = `${source}.xz`;
  const from = fs.existsSync(compressed) ? compressed : source;
  if (!fs.existsSync(from)) throw new Error(`no ${relative} (or ${relative}.xz) in ${REAL_DATA_DIR}`);
  if (fs.existsSync(target) && fs.statSync(target).mtimeMs >= fs.statSync(from).mtimeMs) return target;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  if (from === compressed) {
    const out = fs.openSync(partial, 'w');
    try {
      execFileSync('xz', ['--decompress', '--stdout', from], { stdio: ['ignore', out, 'inherit'] });
    } finally {
      fs.closeSync(out);
    }
  } else {
    fs.copyFileSync(from, partial);
  }
  fs.renameSync(partial, target);
  return target;
}

import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The latest modification time (ms) of the given files and everything under the given
 * folders; 0 when none exists. A build whose output is newer than this is up to date.
 */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (file: string): void => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
    }
  };
  paths.forEach(visit);
  return newest;
}

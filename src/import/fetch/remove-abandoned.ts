import fs from 'node:fs';
import path from 'node:path';

/**
 * Removes what a killed run left in `folder`: the entries `pattern` matches (its
 * first group is the process id in the name) whose process is gone. A partial
 * download or unpacking is never used; this only reclaims its space.
 */
export function removeAbandoned(folder: string, pattern: RegExp): void {
  if (!fs.existsSync(folder)) return;
  for (const entry of fs.readdirSync(folder)) {
    const pid = pattern.exec(entry)?.[1];
    if (!pid) continue;
    try {
      process.kill(Number(pid), 0);
    } catch (error) {
      // EPERM: the process lives, under another user.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') continue;
      fs.rmSync(path.join(folder, entry), { recursive: true, force: true });
    }
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../src/config/repo-root';

/**
 * The service as one process, as `npm start` runs it (node dist/main.js), with tsx
 * only compiling (the tsx command would sit in between and kill the service if it
 * took over 30 ms to take a signal). It listens on a free port and logs JSON at
 * info; `environment` adds to or overrides that, and nothing else of the test
 * runner's environment leaks in beyond PATH and HOME.
 */
export function spawnService(environment: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join('src', 'main.ts')], {
    cwd: repoRoot(),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

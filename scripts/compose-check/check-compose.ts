import fs from 'node:fs';
import { composeRuleProblems } from './compose-rules';
import { loadCompose } from './load-compose';

/**
 * Checks a Compose file without Docker (see README.md beside this file):
 * `npm run check:compose` checks docker-compose.yml. Prints "FILE: valid
 * (services: ...)" and exits 0, or prints each problem on stderr and exits 1.
 */

/** The only environment used for interpolation: the OS environment and any .env file are ignored, so every machine gets the same answer. */
export const CHECK_ENVIRONMENT = { NEO4J_PASSWORD: 'compose-check-password' };

/** Every problem with the Compose file `text`, and what to warn about. */
export function checkCompose(text: string): { problems: string[]; warnings: string[]; services: string[] } {
  const loaded = loadCompose(text, CHECK_ENVIRONMENT);
  if (!loaded.ok) return { problems: loaded.problems, warnings: [], services: [] };
  return { problems: composeRuleProblems(loaded.file), warnings: loaded.warnings, services: Object.keys(loaded.file.services ?? {}).sort() };
}

function main(argv: string[]): number {
  if (argv.length !== 1) {
    process.stderr.write('usage: check-compose PATH/TO/docker-compose.yml\n');
    return 2;
  }
  const [file] = argv as [string];
  const { problems, warnings, services } = checkCompose(fs.readFileSync(file, 'utf8'));
  for (const warning of warnings) process.stderr.write(`${file}: warning: ${warning}\n`);
  if (problems.length > 0) {
    for (const problem of problems) process.stderr.write(`${file}: ${problem}\n`);
    return 1;
  }
  process.stdout.write(`${file}: valid (services: ${services.join(', ')})\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../src/config/repo-root';

// The project's fault scenario (`npm run faults`, scripts/faults/run.ts) at a small
// scale: its own Neo4j stopped under 8 writers, readers and an importer, then brought
// back, and every write checked in the graph afterwards (acknowledged ones present
// once, imports all or nothing, no duplicates, the roles' derived weights equal to a
// recomputation). The time limits it measures are printed, not enforced
// (`--timing report`): on a loaded CI machine they say more about the machine.

const BOLT_PORT = Number(process.env.NEO4J_FAULTS_BOLT_PORT || 7708);
const API_PORT = Number(process.env.FAULTS_API_PORT || 4430);

function runScenario(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'faults', 'run.ts'), ...args], {
      cwd: repoRoot(),
      env: { ...process.env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the fault scenario, small', () => {
  it('loses no acknowledged write, keeps imports whole and the derived weights right when Neo4j stops under 8 writers', async () => {
    const { code, stdout, stderr } = await runScenario([
      '--writers', '8', '--readers', '2', '--importers', '1',
      '--warmup', '3', '--outage', '5', '--after', '5',
      '--timing', 'report',
      '--api-port', String(API_PORT), '--bolt-port', String(BOLT_PORT),
      '--data-dir', '.neo4j/faults-test-data',
    ]);
    // The whole report on failure: it names the check and what it measured.
    if (code !== 0) throw new Error(`npm run faults exited with ${String(code)}\n${stdout}\n${stderr.slice(-4_000)}`);
    expect(stdout).toContain('RESULT: PASS');
    const passed = (name: string) => new RegExp(`^  PASS  ${name}`, 'm');
    expect(stdout).toMatch(passed('every acknowledged write present exactly once'));
    expect(stdout).toMatch(passed('every import all present or all absent'));
    expect(stdout).toMatch(passed('no duplicate ids or relationships'));
    expect(stdout).toMatch(passed("every role's derived weights"));
    expect(stdout).toMatch(passed('no HTTP 5xx'));
    // Writes were acknowledged before and after the outage, so the checks above had something to check.
    const acknowledged = /Writes \(upsertSkill \+ link\): (\d+) acknowledged checked/.exec(stdout);
    expect(Number(acknowledged?.[1])).toBeGreaterThan(0);
  }, 240_000);
});

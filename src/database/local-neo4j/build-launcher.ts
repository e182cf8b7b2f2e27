import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { stripVTControlCharacters } from 'node:util';
import type { Jdk } from './find-jdk';
import { findOnPath } from './find-jdk';
import { newestMtime } from './newest-mtime';

/** Builds tools/neo4j-local with Maven unless target/ is newer than pom.xml and every source file. */
export async function ensureLauncherBuilt(
  launcher: string,
  jdk: Jdk,
  log: (line: string) => void,
): Promise<void> {
  const target = path.join(launcher, 'target');
  const stamp = path.join(target, '.build-stamp');
  const outputs = [stamp, path.join(target, 'neo4j-local.jar'), path.join(target, 'classpath.txt')];
  const inputsChanged = newestMtime([path.join(launcher, 'pom.xml'), path.join(launcher, 'src')]);
  if (outputs.every((file) => fs.existsSync(file)) && fs.statSync(stamp).mtimeMs >= inputsChanged) {
    return;
  }

  const mvn = findOnPath(process.platform === 'win32' ? 'mvn.cmd' : 'mvn');
  if (!mvn) {
    throw new Error(
      'neo4j-local: Maven (mvn) is needed to build the local Neo4j launcher but is not on PATH; ' +
        'install it (e.g. `apt-get install maven`)',
    );
  }
  const buildLog = path.join(target, 'maven-build.log');
  fs.mkdirSync(target, { recursive: true });
  const firstBuild = !fs.existsSync(path.join(target, 'lib'));
  log(
    `neo4j-local: building the launcher with Maven${firstBuild ? ' (the first build fetches Neo4j, ~150 MB, from Maven Central; a minute or more)' : ''}; ` +
      `its output goes to ${path.relative(process.cwd(), buildLog) || buildLog}`,
  );
  const started = Date.now();
  const mavenOpts = [process.env.MAVEN_OPTS ?? ''];
  if (jdk.major >= 23 && !mavenOpts[0]?.includes('sun-misc-unsafe-memory-access')) {
    mavenOpts.push('--sun-misc-unsafe-memory-access=allow'); // quiets Maven's own Unsafe warnings
  }
  // Maven's whole output (one line per artifact downloaded, ~1,800 on the first build) goes to the
  // log file; the person at the terminal gets the line above and one when it is done.
  const output = fs.createWriteStream(buildLog);
  let downloads = 0;
  const result = await runForLines(
    mvn,
    ['-B', '-Dstyle.color=never', '-f', path.join(launcher, 'pom.xml'), 'package'],
    {
      cwd: launcher,
      env: { ...process.env, JAVA_HOME: jdk.home, MAVEN_OPTS: mavenOpts.join(' ').trim() },
    },
    (line) => {
      output.write(`${line}\n`);
      if (line.startsWith('Downloaded from ')) downloads += 1;
    },
  );
  await new Promise<void>((resolve) => output.end(resolve));
  if (result.code !== 0) {
    // Maven's first error line, else its last line (a JVM that cannot start prints no [ERROR]).
    const error = result.lines.filter((line) => line.startsWith('[ERROR]')).find((line) => line.length > 8) ?? result.lines.at(-1);
    throw new Error(
      `neo4j-local: Maven build failed (exit ${String(result.code)})${error ? `: ${error}` : ''}; the whole output is in ${buildLog}`,
    );
  }
  fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
  const fetched = downloads > 0 ? `, ${downloads} files fetched from Maven Central` : '';
  log(`neo4j-local: launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s${fetched}`);
}

/** The launcher jar followed by its dependencies, in the order Maven resolved them. */
export function launcherClasspath(launcher: string): string {
  const target = path.join(launcher, 'target');
  const dependencies = fs
    .readFileSync(path.join(target, 'classpath.txt'), 'utf8')
    .trim()
    .split(/[:;]/)
    .filter((entry) => entry !== '')
    .map((entry) => path.join(target, entry));
  return [path.join(target, 'neo4j-local.jar'), ...dependencies].join(path.delimiter);
}

function runForLines(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  onLine: (line: string) => void,
): Promise<{ code: number | null; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    const child = spawn(command, args, { ...options, detached: false, stdio: ['ignore', 'pipe', 'pipe'] });
    const take = (line: string): void => {
      const clean = stripVTControlCharacters(line);
      if (clean.trim() === '') return;
      lines.push(clean);
      onLine(clean);
    };
    if (child.stdout) readline.createInterface({ input: child.stdout }).on('line', take);
    if (child.stderr) readline.createInterface({ input: child.stderr }).on('line', take);
    // A service stopped while it builds (a signal during the first start) takes Maven with it.
    const killOnExit = (): void => void child.kill('SIGTERM');
    process.once('exit', killOnExit);
    child.once('error', (error) => reject(new Error(`neo4j-local: cannot run ${command}: ${error.message}`)));
    child.once('close', (code) => {
      process.removeListener('exit', killOnExit);
      resolve({ code, lines });
    });
  });
}

/**
 * `npm run neo4j:build`: builds the local Neo4j launcher (tools/neo4j-local) with
 * Maven and the JDK the service would run it with, so that Neo4j is fetched from
 * Maven Central (about 150 MB, the first time only) before the first `npm start`,
 * `npm run dev` or `npm test` rather than during it. It prints a line before and
 * one after, Maven's own output going to tools/neo4j-local/target/maven-build.log;
 * nothing is built when the launcher is newer than its sources. Exits 1
 * with the reason when no JDK 21+ or Maven is found or the build fails.
 */
import path from 'node:path';
import { repoRoot } from '../../config/repo-root';
import { ensureLauncherBuilt } from './build-launcher';
import { findJdk } from './find-jdk';
import { LAUNCHER_DIR } from './local-neo4j';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const jdk = findJdk();
  log(`neo4j-local: using JDK ${jdk.major} at ${jdk.home}`);
  await ensureLauncherBuilt(path.join(repoRoot(), LAUNCHER_DIR), jdk, log);
  log(`neo4j-local: launcher ready (${path.join(LAUNCHER_DIR, 'target')})`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});

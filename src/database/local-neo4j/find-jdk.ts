import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Neo4j 2025 and later run on Java 21 or newer. */
export const MIN_JAVA_MAJOR = 21;

export interface Jdk {
  home: string;
  major: number;
}

/**
 * Picks the JDK to build and run the launcher: NEO4J_JAVA_HOME if set (it must be >= 21), else
 * JAVA_HOME if it is new enough, else the newest JDK >= 21 found in the usual install locations or
 * behind `java` on PATH.
 */
export function findJdk(): Jdk {
  const explicit = process.env.NEO4J_JAVA_HOME;
  if (explicit) {
    const major = javaMajorVersion(explicit);
    if (major === undefined) throw new Error(`neo4j-local: NEO4J_JAVA_HOME=${explicit} is not a JDK`);
    if (major < MIN_JAVA_MAJOR) {
      throw new Error(`neo4j-local: NEO4J_JAVA_HOME=${explicit} is Java ${major}; Neo4j needs ${MIN_JAVA_MAJOR}+`);
    }
    return { home: explicit, major };
  }

  const javaHome = process.env.JAVA_HOME;
  if (javaHome) {
    const major = javaMajorVersion(javaHome);
    if (major !== undefined && major >= MIN_JAVA_MAJOR) return { home: javaHome, major };
  }

  const seen = new Map<string, Jdk>();
  for (const home of candidateJavaHomes()) {
    let real: string;
    try {
      real = fs.realpathSync(home);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    const major = javaMajorVersion(real);
    if (major !== undefined) seen.set(real, { home: real, major });
  }
  const found = [...seen.values()].sort((a, b) => b.major - a.major);
  const best = found[0];
  if (best && best.major >= MIN_JAVA_MAJOR) return best;

  const have = found.length > 0 ? found.map((jdk) => `Java ${jdk.major} (${jdk.home})`).join(', ') : 'none';
  throw new Error(
    `neo4j-local: Neo4j needs a JDK ${MIN_JAVA_MAJOR} or newer, found ${have}. Install one ` +
      '(e.g. Eclipse Temurin 21 or 25; Debian 12 apt only has openjdk-17) and/or set NEO4J_JAVA_HOME to it',
  );
}

function candidateJavaHomes(): string[] {
  const homes: string[] = [];
  const listDir = (dir: string, suffix = ''): void => {
    let entries: string[];
    try {
      entries = fs.readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries) homes.push(path.join(dir, entry, suffix));
  };
  listDir('/usr/lib/jvm'); // Debian, Ubuntu, Fedora
  listDir('/Library/Java/JavaVirtualMachines', 'Contents/Home'); // macOS
  const java = findOnPath(process.platform === 'win32' ? 'java.exe' : 'java');
  if (java) {
    try {
      homes.push(path.dirname(path.dirname(fs.realpathSync(java))));
    } catch {
      // broken symlink: ignore
    }
  }
  return homes;
}

/** Major version of the JDK at `home` (needs bin/java and bin/javac), from its `release` file or `java -version`. */
function javaMajorVersion(home: string): number | undefined {
  const java = javaBinary(home);
  const javac = path.join(home, 'bin', process.platform === 'win32' ? 'javac.exe' : 'javac');
  if (!fs.existsSync(java) || !fs.existsSync(javac)) return undefined;
  let version: string | undefined;
  try {
    version = /^JAVA_VERSION="([^"]+)"/m.exec(fs.readFileSync(path.join(home, 'release'), 'utf8'))?.[1];
  } catch {
    const probe = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 15_000 });
    version = /version "([^"]+)"/.exec(`${probe.stderr ?? ''}${probe.stdout ?? ''}`)?.[1];
  }
  if (!version) return undefined;
  const parts = version.split(/[.+_-]/).map((part) => Number.parseInt(part, 10));
  const major = parts[0] === 1 ? parts[1] : parts[0]; // "1.8.0_392" is Java 8
  return major !== undefined && Number.isFinite(major) ? major : undefined;
}

export function javaBinary(home: string): string {
  return path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
}

export function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------ options

/**
 * Issue 4's fault scenario: Neo4j stops under load, then comes back.
 *
 *   npm run faults              # clean stop (SIGTERM) of Neo4j
 *   npm run faults -- --kill    # SIGKILL of Neo4j's JVM
 *
 * Starts a local Neo4j of its own (fresh data folder) and the API as users run it
 * (`tsx src/main.ts`, with NEO4J_URI pointing at that Neo4j), runs reads, numbered
 * writes and dataset imports from several workers for the whole scenario, stops
 * Neo4j after a warm-up, keeps it down, restarts it on the same port and data, then
 * reads the graph directly to check every write. Prints what it measured; exits 1
 * when a requirement is broken, 2 when the scenario could not run.
 * Options: --kill, --outage <s>, --warmup <s>, --after <s>, --api-port, --bolt-port,
 * --data-dir, --query-timeout <ms>, --readers, --writers, --importers, --verbose,
 * --timing enforce|report (report: the time limits are printed but only the outcomes
 * decide the result, for a shared or loaded machine such as CI's).
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../../src/config/repo-root';
import { prepareGraph } from '../../src/repositories/prepare-graph';
import { connectDatabase } from '../../src/database/connect-database';
import { createLogger } from '../../src/logging/logger';
import { startLocalNeo4j, type LocalNeo4j, type LocalNeo4jOptions } from '../../src/database/local-neo4j/local-neo4j';
import { startApi, summariseApiLog, type ApiProcess } from './api-process';
import { createClient } from './client';
import { printReport, type HealthProbe, type Timeline } from './report';
import { verifyGraph, type GraphCheck } from './verify';
import { sendImport, sendRead, sendSkillWrite, type WorkloadLog } from './workload';

const root = repoRoot();
const neo4jFolder = path.join(root, '.neo4j');

/** The command line, checked; a bad option ends the script with one line (exit 2). */
function readSettings() {
  const { values: options } = parseArgs({
    options: {
      kill: { type: 'boolean', default: false },
      outage: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '5' },
      after: { type: 'string', default: '5' },
      'api-port': { type: 'string', default: '4400' },
      'bolt-port': { type: 'string', default: '7730' },
      'data-dir': { type: 'string', default: '.neo4j/faults-data' },
      'query-timeout': { type: 'string', default: '5000' },
      readers: { type: 'string', default: '3' },
      writers: { type: 'string', default: '2' },
      importers: { type: 'string', default: '1' },
      verbose: { type: 'boolean', default: false },
      timing: { type: 'string', default: 'enforce' },
    },
  });
  if (options.timing !== 'enforce' && options.timing !== 'report') throw new Error(`--timing must be enforce or report, got ${options.timing}`);
  const number = (name: keyof typeof options): number => {
    const value = Number(options[name]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number, got ${String(options[name])}`);
    return value;
  };
  const dataDir = path.resolve(root, options['data-dir']);
  // The data folder is emptied first, so it must be one of ours.
  if (path.relative(neo4jFolder, dataDir).startsWith('..') || dataDir === neo4jFolder) {
    throw new Error(`--data-dir must be a folder under ${neo4jFolder}`);
  }
  return {
    variant: options.kill ? ('kill' as const) : ('stop' as const),
    outageMs: number('outage') * 1000,
    warmupMs: number('warmup') * 1000,
    afterMs: number('after') * 1000,
    apiPort: number('api-port'),
    boltPort: number('bolt-port'),
    dataDir,
    queryTimeoutMs: number('query-timeout'),
    workers: { readers: number('readers'), writers: number('writers'), importers: number('importers') },
    verbose: options.verbose,
    timing: options.timing as 'enforce' | 'report',
  };
}

const settings = (() => {
  try {
    return readSettings();
  } catch (error) {
    process.stderr.write(`faults: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
})();
const RECOVERY_WAIT_MS = 30_000;
/** The warm-up waits at most this long, past --warmup, for every kind of request to succeed once. */
const WARMUP_CAP_MS = 20_000;
const HEALTH_EVERY_MS = 250;
/** A request without an answer this long is a hang; the client gives up on it. */
const CLIENT_TIMEOUT_MS = 30_000;
const apiLogFile = path.join(path.dirname(settings.dataDir), 'faults-api.log');
const neo4jLogFile = path.join(path.dirname(settings.dataDir), 'faults-neo4j.log');
const recordFile = path.join(path.dirname(settings.dataDir), 'faults-requests.json');

const started = performance.now();
const progress = (message: string) => process.stderr.write(`[faults ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const loadAverage = () => os.loadavg()[0] ?? NaN;

function neo4jOptions(password: string): LocalNeo4jOptions {
  return {
    boltPort: settings.boltPort,
    dataDir: settings.dataDir,
    heap: '512m',
    pageCache: '128m',
    password,
    log: (line) => {
      fs.appendFileSync(neo4jLogFile, `${new Date().toISOString()} ${line}\n`);
      if (settings.verbose) process.stderr.write(`${line}\n`);
    },
  };
}

/**
 * Migrations and the curated graph, loaded once before the API starts, with a time
 * limit of its own: on a busy machine the one-transaction curated load can take
 * longer than the short per-query limit this scenario gives the API, which would then
 * stop at start. The API's own preparation then finds nothing to do.
 */
async function prepare(uri: string, password: string): Promise<void> {
  const database = connectDatabase({ uri, user: 'neo4j', password, database: 'neo4j', queryTimeoutMs: 120_000 });
  try {
    await prepareGraph(database, 'neo4j', true, createLogger('warn'));
  } finally {
    await database.close();
  }
}

/** When Neo4j first answers `RETURN 1` again (polled every 100 ms, no driver retries); gives up after 3 minutes. */
async function firstAnswer(uri: string, password: string): Promise<number> {
  const database = connectDatabase({ uri, user: 'neo4j', password, database: 'neo4j', queryTimeoutMs: 5_000 });
  const deadline = performance.now() + 180_000;
  try {
    while (performance.now() < deadline) {
      if (await database.isReachable(1_000)) return performance.now();
      await sleep(100);
    }
    throw new Error('the restarted Neo4j did not answer within 3 minutes');
  } finally {
    await database.close();
  }
}

/**
 * The launcher's JVM, found by its command line: our own child (its --parent-pid is
 * this process) serving our Bolt port. Linux only (/proc).
 */
function launcherPid(): number | null {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    const after = (flag: string) => args[args.indexOf(flag) + 1];
    if (
      args.includes('dev.careersgraph.neo4jlocal.Neo4jLocal') &&
      after('--bolt-port') === String(settings.boltPort) &&
      after('--parent-pid') === String(process.pid)
    ) {
      return Number(entry);
    }
  }
  return null;
}

async function main(): Promise<number> {
  const password = randomBytes(16).toString('hex');
  const token = randomBytes(24).toString('hex');
  let neo4j: LocalNeo4j | null = null;
  let api: ApiProcess | null = null;
  const cleanup = async () => {
    await api?.stop(5_000).catch(() => undefined);
    await neo4j?.stop().catch(() => undefined);
  };
  const interrupted = () => {
    progress('interrupted: stopping the API and Neo4j');
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  const loadAtStart = loadAverage();
  try {
    fs.rmSync(settings.dataDir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(settings.dataDir), { recursive: true });
    fs.writeFileSync(neo4jLogFile, '');
    progress(`starting Neo4j on bolt port ${settings.boltPort}, data in ${path.relative(root, settings.dataDir)}`);
    neo4j = await startLocalNeo4j(neo4jOptions(password));
    const uri = neo4j.uri;
    progress('migrations and the curated graph, with a generous time limit (the API then finds them done)');
    await prepare(uri, password);
    progress(`starting the API on port ${settings.apiPort} (tsx src/main.ts, NEO4J_URI=${uri})`);
    api = await startApi({
      root,
      port: settings.apiPort,
      neo4jUri: uri,
      neo4jPassword: password,
      queryTimeoutMs: settings.queryTimeoutMs,
      curatorToken: token,
      logFile: apiLogFile,
      maxOperationsPerClient: Math.max(8, settings.workers.readers + settings.workers.writers + settings.workers.importers),
    });
    const client = createClient(api.baseUrl, token, CLIENT_TIMEOUT_MS);

    // Load for the whole scenario, and the health probe.
    const log: WorkloadLog = { requests: [], skills: [], imports: [] };
    const health: HealthProbe[] = [];
    let running = true;
    const counters = { read: 0, write: 0, import: 0 };
    const loop = async (body: () => Promise<unknown>, pauseMs: number) => {
      while (running) {
        await body();
        await sleep(pauseMs);
      }
    };
    const timeline: Partial<Timeline> = { loadStart: performance.now() };
    progress(`load: ${settings.workers.readers} readers, ${settings.workers.writers} writers, ${settings.workers.importers} importer(s)`);
    const workers = [
      ...Array.from({ length: settings.workers.readers }, () => loop(() => sendRead(client, log, counters.read++), 20)),
      ...Array.from({ length: settings.workers.writers }, () => loop(() => sendSkillWrite(client, log, ++counters.write, 'fault'), 40)),
      ...Array.from({ length: settings.workers.importers }, () => loop(() => sendImport(client, log, ++counters.import, 'fault'), 150)),
      (async () => {
        while (running) {
          const probeStart = performance.now();
          health.push(await client.health());
          await sleep(Math.max(0, HEALTH_EVERY_MS - (performance.now() - probeStart)));
        }
      })(),
    ];

    // Warm-up: its length, and until every kind of request has succeeded once (a cold
    // Neo4j on a busy machine can take seconds per query), so that acknowledged writes
    // exist before the outage.
    await sleep(settings.warmupMs);
    const kinds = [
      ...(settings.workers.readers > 0 ? ['role', 'skillOverlap', 'paths', 'search'] : []),
      ...(settings.workers.writers > 0 ? ['upsertSkill', 'link'] : []),
      ...(settings.workers.importers > 0 ? ['importDataset'] : []),
    ];
    const warmed = () => kinds.every((kind) => log.requests.some((record) => record.operation === kind && record.ok));
    const warmupEnd = performance.now() + WARMUP_CAP_MS;
    while (!warmed() && performance.now() < warmupEnd) await sleep(100);
    const stopped = neo4j;
    if (settings.variant === 'kill') {
      const pid = launcherPid();
      if (pid === null) throw new Error("cannot find the Neo4j launcher's JVM to kill (needs /proc)");
      progress(`SIGKILL to Neo4j's JVM (pid ${pid}) after ${log.requests.length} requests`);
      timeline.stopCalled = performance.now();
      process.kill(pid, 'SIGKILL');
    } else {
      progress(`stopping Neo4j (SIGTERM) after ${log.requests.length} requests`);
      timeline.stopCalled = performance.now();
    }
    await stopped.stop();
    timeline.neo4jGone = performance.now();
    progress(`Neo4j is gone (${Math.round(timeline.neo4jGone - timeline.stopCalled)} ms after the stop); outage of ${settings.outageMs / 1000} s`);

    await sleep(settings.outageMs);
    timeline.restartCalled = performance.now();
    progress('restarting Neo4j on the same port and data');
    // Bolt serves before the launcher says ready (it sets the password first), so when
    // Neo4j answers again is watched directly, as a client of its own would see it.
    const answers = firstAnswer(uri, password);
    answers.catch(() => undefined); // awaited below; a failed start is reported first
    neo4j = await startLocalNeo4j(neo4jOptions(password));
    timeline.neo4jReady = performance.now();
    timeline.neo4jAnswers = await answers;
    progress(
      `Neo4j answers again ${((timeline.neo4jAnswers - timeline.restartCalled) / 1000).toFixed(1)} s after the restart began ` +
        `(launcher ready after ${((timeline.neo4jReady - timeline.restartCalled) / 1000).toFixed(1)} s); waiting for the first successful read`,
    );
    const back = timeline.neo4jAnswers;
    const recovered = () => log.requests.some((record) => record.kind === 'read' && record.ok && record.start >= (timeline.neo4jGone ?? 0));
    while (!recovered() && performance.now() - back < RECOVERY_WAIT_MS) await sleep(100);
    progress(recovered() ? `service resumed; ${settings.afterMs / 1000} s more load` : `no successful read within ${RECOVERY_WAIT_MS / 1000} s`);
    await sleep(settings.afterMs);
    running = false;
    await Promise.all(workers);
    timeline.loadEnd = performance.now();
    const diedDuringRun = api.exit !== null;
    progress(`load stopped: ${log.requests.length} requests, ${log.skills.length} skill writes, ${log.imports.length} imports; verifying the graph`);

    let graph: GraphCheck | null = null;
    let graphError: string | null = null;
    try {
      graph = await verifyGraph(neo4j.uri, password, log.skills, log.imports);
    } catch (error) {
      graphError = error instanceof Error ? error.message : String(error);
    }

    const exit = await api.stop();
    const exitAfterStop = diedDuringRun ? 'already exited' : exit ? (exit.signal ? `signal ${exit.signal}` : `exit code ${String(exit.code)}`) : 'unknown';
    await neo4j.stop();
    neo4j = null;
    const apiLog = summariseApiLog(apiLogFile);
    process.stderr.write('\n');
    const checks = printReport({
      variant: settings.variant,
      machine: { cpus: os.cpus().length, loadAtStart, loadAtEnd: loadAverage() },
      queryTimeoutMs: settings.queryTimeoutMs,
      timing: settings.timing,
      workers: settings.workers,
      timeline: timeline as Timeline,
      requests: log.requests,
      health,
      graph,
      graphError,
      api: { diedDuringRun, exitAfterStop, logLines: apiLog.lines, logTop: apiLog.byMessage },
    });
    fs.writeFileSync(recordFile, JSON.stringify({ settings, timeline, requests: log.requests, health, skills: log.skills, imports: log.imports }, null, 1));
    process.stdout.write(
      `(every request: ${path.relative(root, recordFile)}; API log: ${path.relative(root, apiLogFile)}; Neo4j launcher log: ${path.relative(root, neo4jLogFile)})\n`,
    );
    return checks.every((check) => check.ok) ? 0 : 1;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`faults: the scenario could not run: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);

/**
 * Turns what the scenario recorded into figures and pass/fail checks, and prints them.
 */
import type { RequestRecord } from './client';
import type { GraphCheck } from './verify';
import { IMPORT_SHAPE } from './workload';

export interface Timeline {
  /** All in ms since the run began. */
  loadStart: number;
  /** stop() called, or SIGKILL sent. */
  stopCalled: number;
  /** The Neo4j process has exited. */
  neo4jGone: number;
  restartCalled: number;
  /** The restarted Neo4j answers a query again (a direct `RETURN 1`, not through the API). */
  neo4jAnswers: number;
  /** Its launcher said ready (after setting the password, so usually later). */
  neo4jReady: number;
  loadEnd: number;
}

export interface HealthProbe {
  start: number;
  end: number;
  status: number;
}

export interface ScenarioResult {
  variant: 'stop' | 'kill';
  /** Other work on the machine skews every timing; the 1-minute load average says how much. */
  machine: { cpus: number; loadAtStart: number; loadAtEnd: number };
  queryTimeoutMs: number;
  /** `enforce`: every check decides the result; `report`: timed checks are printed only (a loaded CI machine). */
  timing: 'enforce' | 'report';
  workers: { readers: number; writers: number; importers: number };
  timeline: Timeline;
  requests: RequestRecord[];
  health: HealthProbe[];
  graph: GraphCheck | null;
  graphError: string | null;
  api: { diedDuringRun: boolean; exitAfterStop: string; logLines: number; logTop: [string, number][] };
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
  /** A time limit rather than an outcome: with `--timing report` it is printed but does not decide the result. */
  timed?: true;
}

const HEALTH_LIMIT_MS = 5_000;
const RECOVERY_LIMIT_MS = 30_000;
/**
 * Neo4j looks for transactions past their time limit every 2 s, so a query the
 * database itself stops may end up to that much after the limit (QUERY_TIMEOUT, by design).
 */
const TIMEOUT_CHECK_INTERVAL_MS = 2_000;
/** Requests started this long after the first successful read may no longer fail. */
const SETTLE_MS = 2_000;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');
const s = (value: number | null) => (value === null || !Number.isFinite(value) ? 'never' : `${(value / 1000).toFixed(2)} s`);

type Phase = 'before' | 'in flight' | 'outage' | 'restart' | 'after';

/**
 * By when a request started. before: Neo4j up (and the request ended before the
 * stop); in flight: started before the stop, ended after it; outage: from the stop
 * until the restart begins (Neo4j stopping, then gone); restart: Neo4j starting, not
 * answering yet; after: Neo4j answers again.
 */
function phaseOf(record: RequestRecord, timeline: Timeline): Phase {
  if (record.start < timeline.stopCalled) return record.end < timeline.stopCalled ? 'before' : 'in flight';
  if (record.start < timeline.restartCalled) return 'outage';
  if (record.start < timeline.neo4jAnswers) return 'restart';
  return 'after';
}

function tally(records: RequestRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records) {
    const key = record.ok ? 'ok' : record.codes.length > 0 ? [...new Set(record.codes)].join('+') : `HTTP ${record.status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** ` (CODE n, CODE n)` for counts by reason, or nothing when there are none. */
function byReason(counts: Record<string, number>): string {
  return Object.keys(counts).length ? ` (${formatTally(new Map(Object.entries(counts)))})` : '';
}

function countBy(records: RequestRecord[], key: (record: RequestRecord) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records) counts.set(key(record), (counts.get(key(record)) ?? 0) + 1);
  return counts;
}

const formatTally = (counts: Map<string, number>) =>
  [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([key, count]) => `${key} ${count}`)
    .join(', ') || '-';

function latency(records: RequestRecord[]): { p50: number; p99: number; max: number } {
  const durations = records.map((record) => record.end - record.start).sort((a, b) => a - b);
  return { p50: percentile(durations, 50), p99: percentile(durations, 99), max: durations.at(-1) ?? NaN };
}

/** Prints the report and returns the checks; the run fails when any check does. */
export function printReport(result: ScenarioResult): Check[] {
  const { timeline, requests, health, graph } = result;
  const out: string[] = [];
  const line = (text = '') => out.push(text);
  const rel = (t: number) => `t+${((t - timeline.loadStart) / 1000).toFixed(2)} s`;

  line(`Fault scenario: Neo4j ${result.variant === 'kill' ? 'killed (SIGKILL)' : 'stopped (SIGTERM, clean shutdown)'} under load`);
  line(
    `  workers: ${result.workers.readers} readers, ${result.workers.writers} writers, ${result.workers.importers} importer(s); ` +
      `NEO4J_QUERY_TIMEOUT_MS=${result.queryTimeoutMs}`,
  );
  line(
    `  timeline: load ${rel(timeline.loadStart)}, stop ${rel(timeline.stopCalled)}, Neo4j gone ${rel(timeline.neo4jGone)}, ` +
      `restart ${rel(timeline.restartCalled)}, Neo4j answers ${rel(timeline.neo4jAnswers)} (launcher ready ${rel(timeline.neo4jReady)}), ` +
      `load end ${rel(timeline.loadEnd)}`,
  );
  line(
    `  machine: ${result.machine.cpus} CPUs, load average ${result.machine.loadAtStart.toFixed(1)} at start, ${result.machine.loadAtEnd.toFixed(1)} at end` +
      (result.machine.loadAtStart > 2 * result.machine.cpus || result.machine.loadAtEnd > 2 * result.machine.cpus
        ? ' (a busy machine: timings are inflated)'
        : ''),
  );
  line();

  // Requests by phase and outcome.
  const phases: Record<Phase, RequestRecord[]> = { before: [], 'in flight': [], outage: [], restart: [], after: [] };
  for (const record of requests) phases[phaseOf(record, timeline)].push(record);
  line(`Requests: ${requests.length} (${requests.filter((r) => r.ok).length} ok, ${requests.filter((r) => !r.ok).length} failed)`);
  for (const [phase, records] of Object.entries(phases)) {
    const l = latency(records);
    line(
      `  ${phase.padEnd(9)} ${String(records.length).padStart(5)}  p50 ${ms(l.p50)}, p99 ${ms(l.p99)}, max ${ms(l.max)}  | ${formatTally(tally(records))}`,
    );
  }
  line('  by operation:');
  const operations = [...new Set(requests.map((record) => record.operation))];
  for (const operation of operations) {
    const records = requests.filter((record) => record.operation === operation);
    line(`    ${operation.padEnd(14)} ${String(records.length).padStart(5)}  ${formatTally(tally(records))}`);
  }
  const statuses = new Map<number, number>();
  for (const record of requests) statuses.set(record.status, (statuses.get(record.status) ?? 0) + 1);
  line(`  HTTP statuses: ${[...statuses.entries()].map(([status, count]) => `${status || 'none'} ${count}`).join(', ')}`);
  const codes = new Map<string, number>();
  for (const record of requests) for (const code of record.codes) codes.set(code, (codes.get(code) ?? 0) + 1);
  line(`  errors by code: ${formatTally(codes)}`);
  const acknowledged = requests.filter((record) => record.kind !== 'read' && record.ok);
  line(
    `  acknowledged writes answered before the kept neighbours reflected them (extensions.neighboursPending): ` +
      `${acknowledged.filter((record) => record.neighboursPending).length} of ${acknowledged.length}`,
  );
  line();

  // The outage.
  const outage = phases.outage;
  const outageFailed = outage.filter((record) => !record.ok);
  const lOutage = latency(outage);
  const lFailed = latency(outageFailed);
  const lRestart = latency(phases.restart);
  const lAll = latency(requests);
  line(`Outage (requests started from the stop until the restart began): ${outage.length}, ${outageFailed.length} failed`);
  line(`  latency, all:    p50 ${ms(lOutage.p50)}, p99 ${ms(lOutage.p99)}, max ${ms(lOutage.max)} (limit ${result.queryTimeoutMs} ms)`);
  line(`  latency, failed: p50 ${ms(lFailed.p50)}, p99 ${ms(lFailed.p99)}, max ${ms(lFailed.max)}`);
  line(`  while Neo4j restarted: ${phases.restart.length} requests, p50 ${ms(lRestart.p50)}, p99 ${ms(lRestart.p99)}, max ${ms(lRestart.max)}`);
  const hangLimit = result.queryTimeoutMs + TIMEOUT_CHECK_INTERVAL_MS;
  const long = requests.filter((record) => record.status !== 0 && record.end - record.start > hangLimit);
  line(
    `  slowest request of the whole run: ${ms(lAll.max)}; answered but after more than ${hangLimit} ms: ${long.length}` +
      (long.length ? ` (${formatTally(countBy(long, (record) => `${record.operation} ${record.ok ? 'ok' : record.codes.join('+')}`))})` : ''),
  );
  if (long.length) line('    (the time limit is per transaction; a request that runs several statements one after another may take several times it)');

  // Health.
  const down = health.find((probe) => probe.end >= timeline.stopCalled && probe.start < timeline.neo4jAnswers && probe.status !== 200);
  const detection = down ? down.end - timeline.stopCalled : null;
  const upWhileDown = health.filter((probe) => probe.start >= timeline.neo4jGone && probe.end < timeline.restartCalled && probe.status === 200).length;
  const healthBack = health.find((probe) => probe.start >= timeline.restartCalled && probe.status === 200);
  const healthRecovery = healthBack ? Math.max(0, healthBack.end - timeline.neo4jAnswers) : null;
  const healthMax = Math.max(0, ...health.map((probe) => probe.end - probe.start));
  line(
    `Health: ${health.length} probes every 250 ms (slowest ${ms(healthMax)}); down reported ${s(detection)} after stop ` +
      `(${down ? `${s(down.end - timeline.neo4jGone)} after the process was gone` : 'never'}); ` +
      `200 while Neo4j was gone: ${upWhileDown}; up again ${s(healthRecovery)} after Neo4j answered`,
  );

  // Recovery.
  const firstRead = requests
    .filter((record) => record.kind === 'read' && record.ok && record.start >= timeline.neo4jGone)
    .sort((a, b) => a.end - b.end)[0];
  const recovery = firstRead ? Math.max(0, firstRead.end - timeline.neo4jAnswers) : null;
  const recoveryFromRestart = firstRead ? firstRead.end - timeline.restartCalled : null;
  const settled = firstRead ? firstRead.end + SETTLE_MS : Infinity;
  const failedAfterRecovery = requests.filter((record) => record.start >= settled && !record.ok);
  line(
    `Recovery: first successful read ${s(recovery)} after Neo4j answered again (${s(recoveryFromRestart)} after the restart began, ` +
      `${s(timeline.neo4jAnswers - timeline.restartCalled)} of it Neo4j starting); ` +
      `failures among requests started ${SETTLE_MS / 1000} s after it: ${failedAfterRecovery.length}`,
  );
  line();

  // The graph.
  if (graph) {
    const w = graph.skills;
    const i = graph.imports;
    line(
      `Writes (upsertSkill + link): ${w.ackedChecked} acknowledged checked, ${w.ackedMissing.length} missing, ${w.ackedDuplicated.length} duplicated; ` +
        `${w.failedPresent + w.failedAbsent} failed: ${w.failedPresent} present anyway${byReason(w.failedPresentBy)}, ` +
        `${w.failedAbsent} absent${byReason(w.failedAbsentBy)}, ${w.failedDuplicated.length} duplicated`,
    );
    line(
      `Imports (each 1 source, ${IMPORT_SHAPE.roles} roles, ${IMPORT_SHAPE.skills} skills, ${IMPORT_SHAPE.skills} links): ${i.total}: ${i.allPresent} all present ` +
        `(${i.failedButPresent} of them answered with an error${byReason(i.failedButPresentBy)}), ${i.allAbsent} all absent, ${i.partial.length} partial, ` +
        `${i.ackedNotPresent.length} acknowledged but not all present, ${i.duplicated.length} with duplicates`,
    );
    line(
      `Graph: ${graph.fingerprint.nodes} nodes, ${graph.fingerprint.relationships} relationships (sha256 ${graph.fingerprint.digest.slice(0, 12)}); ` +
        `duplicate ids ${graph.duplicateIds}, duplicate relationships ${graph.duplicateRelationships}`,
    );
    line(`Derived role weights: ${graph.weights.roles} roles, ${graph.weights.stale.length} differing from a recomputation from their requirements`);
  } else {
    line(`Graph: not verified: ${result.graphError ?? 'unknown error'}`);
  }
  line(`API process: ${result.api.diedDuringRun ? 'DIED during the run' : 'stayed up'}; after SIGTERM: ${result.api.exitAfterStop}`);
  line(`API log (warn and above): ${result.api.logLines} line(s)`);
  for (const [message, count] of result.api.logTop.slice(0, 6)) line(`  ${String(count).padStart(5)}  ${message}`);
  line();

  // Checks.
  const otherCodes = (records: RequestRecord[], allowed: string[]) => {
    const counts = new Map<string, number>();
    for (const record of records.filter((r) => !r.ok)) {
      for (const code of record.codes.length > 0 ? record.codes : [`HTTP ${record.status}`]) {
        if (!allowed.includes(code)) counts.set(code, (counts.get(code) ?? 0) + 1);
      }
    }
    return counts;
  };
  const outageOthers = otherCodes(outage, ['SERVICE_UNAVAILABLE']);
  const restartOthers = otherCodes(phases.restart, ['SERVICE_UNAVAILABLE', 'QUERY_TIMEOUT']);
  const inFlightOthers = otherCodes(phases['in flight'], ['SERVICE_UNAVAILABLE', 'QUERY_TIMEOUT']);
  const beforeOthers = otherCodes(phases.before, ['QUERY_TIMEOUT']);
  const outageOver = outage.filter((record) => record.end - record.start > result.queryTimeoutMs);
  const unanswered = requests.filter((record) => record.status === 0);
  const internal = requests.filter((record) => record.status >= 500 || record.codes.includes('INTERNAL_SERVER_ERROR'));
  const connectivityAfter = failedAfterRecovery.filter((record) => !(record.codes.length > 0 && record.codes.every((code) => code === 'QUERY_TIMEOUT')));
  const checks: Check[] = [
    { name: 'API process stayed up', ok: !result.api.diedDuringRun, detail: result.api.diedDuringRun ? 'it exited during the run' : 'yes' },
    {
      name: 'before the stop, no failures but QUERY_TIMEOUT (a slow database); requests in flight at the stop end ok, SERVICE_UNAVAILABLE or QUERY_TIMEOUT',
      ok: beforeOthers.size === 0 && inFlightOthers.size === 0,
      detail: `before: ${formatTally(tally(phases.before))}; in flight: ${formatTally(tally(phases['in flight']))}`,
    },
    {
      name: 'during the outage, failures are SERVICE_UNAVAILABLE',
      ok: outageOthers.size === 0,
      detail: outageOthers.size === 0 ? `${outageFailed.length} of ${outageFailed.length}` : `others: ${formatTally(outageOthers)}`,
    },
    {
      name: `during the outage, every request ends within the query timeout (${result.queryTimeoutMs} ms)`,
      timed: true,
      ok: outageOver.length === 0,
      detail: `${outageOver.length} over; max ${ms(lOutage.max)}`,
    },
    {
      name: 'while Neo4j restarts, failures are SERVICE_UNAVAILABLE or QUERY_TIMEOUT',
      ok: restartOthers.size === 0,
      detail: restartOthers.size === 0 ? formatTally(tally(phases.restart.filter((r) => !r.ok))) : `others: ${formatTally(restartOthers)}`,
    },
    { name: 'no request left without an answer', ok: unanswered.length === 0, detail: `${unanswered.length} (client gives up after 30 s)` },
    { name: 'no HTTP 5xx, no INTERNAL_SERVER_ERROR', ok: internal.length === 0, detail: `${internal.length}` },
    {
      name: `/health reports the database down within ${HEALTH_LIMIT_MS / 1000} s`,
      timed: true,
      ok: detection !== null && detection <= HEALTH_LIMIT_MS && upWhileDown === 0,
      detail: `${s(detection)}; 200 while down: ${upWhileDown}`,
    },
    {
      name: `service resumes by itself within ${RECOVERY_LIMIT_MS / 1000} s of Neo4j answering again`,
      timed: true,
      ok: recovery !== null && recovery <= RECOVERY_LIMIT_MS && healthRecovery !== null && healthRecovery <= RECOVERY_LIMIT_MS,
      detail: `first read ${s(recovery)}, health ${s(healthRecovery)}`,
    },
    {
      name: 'once recovered, no connectivity failures (the driver reconnected)',
      ok: firstRead !== undefined && connectivityAfter.length === 0,
      detail: `${connectivityAfter.length}; all failures after recovery: ${formatTally(tally(failedAfterRecovery))}`,
    },
  ];
  if (graph) {
    const w = graph.skills;
    const i = graph.imports;
    checks.push(
      {
        name: 'every acknowledged write present exactly once',
        ok: w.ackedMissing.length === 0 && w.ackedDuplicated.length === 0,
        detail: `${w.ackedChecked} checked${[...w.ackedMissing, ...w.ackedDuplicated].length ? `: ${[...w.ackedMissing, ...w.ackedDuplicated].slice(0, 5).join('; ')}` : ''}`,
      },
      { name: 'no failed write duplicated', ok: w.failedDuplicated.length === 0, detail: w.failedDuplicated.slice(0, 5).join('; ') || '0' },
      {
        name: 'every import all present or all absent (acknowledged: present)',
        ok: i.partial.length === 0 && i.ackedNotPresent.length === 0 && i.duplicated.length === 0,
        detail: `${i.partial.length} partial, ${i.ackedNotPresent.length} acknowledged not present${i.partial.length ? `: ${i.partial.slice(0, 3).join('; ')}` : ''}`,
      },
      {
        name: 'no duplicate ids or relationships',
        ok: graph.duplicateIds === 0 && graph.duplicateRelationships === 0,
        detail: `${graph.duplicateIds} ids, ${graph.duplicateRelationships} relationships`,
      },
      {
        name: 'every role\'s derived weights (skillCount, skillWeight, skillNorm, priorities) equal to a recomputation',
        ok: graph.weights.stale.length === 0,
        detail: `${graph.weights.stale.length} of ${graph.weights.roles} differ${graph.weights.stale.length ? `: ${graph.weights.stale.slice(0, 5).join(', ')}` : ''}`,
      },
    );
  } else {
    checks.push({ name: 'graph verified', ok: false, detail: result.graphError ?? 'not run' });
  }

  const reportedOnly = (check: Check) => check.timed === true && result.timing === 'report';
  line(result.timing === 'report' ? 'Checks (timed ones reported, not enforced: --timing report):' : 'Checks:');
  for (const check of checks) {
    const verdict = check.ok ? 'PASS' : reportedOnly(check) ? 'SLOW' : 'FAIL';
    line(`  ${verdict}  ${check.name}: ${check.detail}`);
  }
  const failed = checks.filter((check) => !check.ok && !reportedOnly(check)).length;
  line(failed === 0 ? 'RESULT: PASS' : `RESULT: FAIL (${failed} check(s))`);
  process.stdout.write(`${out.join('\n')}\n`);
  return checks.map((check) => (reportedOnly(check) ? { ...check, ok: true } : check));
}

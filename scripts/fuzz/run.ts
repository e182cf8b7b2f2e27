/**
 * `npm run fuzz [-- --requests 10000 --seed 1]`: starts the service as users do
 * (its own local Neo4j), fingerprints the graph, runs Schemathesis in its GraphQL
 * mode and then our own hostile cases against it, judges every response, checks
 * that the service is still up and the graph unchanged; then sends a share of the
 * requests as a curator would (mutations with a valid token, valid or hostile) and
 * checks the graph they leave: no duplicate id, every role's derived weights equal
 * to a recomputation. Prints the figures.
 * Exits 1 on any violation.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { printSchema } from 'graphql';
import { loadConfig } from '../../src/config/config';
import { repoRoot } from '../../src/config/repo-root';
import { connectDatabase } from '../../src/database/connect-database';
import type { Database } from '../../src/database/database';
import { graphFingerprint, type GraphFingerprint } from '../../test/support/graph-fingerprint';
import { recomputedRoleWeights, staleRoleWeights } from '../../test/support/role-weights-check';
import { CASE_KINDS, fetchKnownIds, hostileCases, injectionPairs } from './hostile-cases';
import { fetchLiveSchema } from './live-schema';
import { ensureSchemathesis, runSchemathesis, unknownScalars } from './schemathesis';
import { closeConnections } from './send';
import { startService, type RunningService } from './service';
import { fire, Tally } from './tally';

const { values: flags } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    'bolt-port': { type: 'string', default: '7710' },
    concurrency: { type: 'string', default: '4' },
    'schemathesis-share': { type: 'string', default: '0.5' },
    'curator-share': { type: 'string', default: '0.2' },
    budget: { type: 'string', default: '1000000000000' },
    'no-schemathesis': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  process.stdout.write(`npm run fuzz -- [options]
  --requests N            requests in all, Schemathesis's and ours (default 10000)
  --seed N                seed of both generators (default 1)
  --bolt-port N           Bolt port of the service's own Neo4j (default 7710)
  --concurrency N         our requests in flight at once (default 4)
  --schemathesis-share F  share of the requests asked of Schemathesis (default 0.5)
  --no-schemathesis       our hostile cases only
  --curator-share F       share of the requests sent afterwards as mutations with a
                          curator's valid token, valid or hostile (default 0.2); the
                          graph must then hold no duplicate and derived weights
                          equal to a recomputation
  --budget N              the service's RATE_LIMIT_BUDGET, cost per client and minute
                          (default 10^12, never spent, so that requests reach the
                          resolvers); a small one fuzzes with budgets on: every
                          refusal must then be a 429 RATE_LIMITED with Retry-After
  --keep                  keep the work folder (reports, logs) even when all is well
`);
  process.exit(0);
}

const number = (name: string, value: string | undefined, min: number) => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min) throw new Error(`--${name} must be a number of at least ${min}`);
  return parsed;
};
const requests = Math.floor(number('requests', flags.requests, 1));
const seed = Math.floor(number('seed', flags.seed, 0));
const boltPort = Math.floor(number('bolt-port', flags['bolt-port'], 1));
const concurrency = Math.floor(number('concurrency', flags.concurrency, 1));
const share = flags['no-schemathesis'] ? 0 : Math.min(1, number('schemathesis-share', flags['schemathesis-share'], 0));
const curatorShare = Math.min(1, number('curator-share', flags['curator-share'], 0));
/** The curators' phase: this many requests, after the anonymous ones (which the total includes). */
const curatorRequests = Math.floor(requests * curatorShare);
const anonymousRequests = requests - curatorRequests;

/** The curator's token of this run: random, so no other service accepts it. */
const curatorToken = randomBytes(24).toString('hex');

/** By default a budget no run spends: the fuzz must reach the resolvers, not the rate limiter. */
const BUDGET = Math.floor(number('budget', flags.budget, 100));

const say = (line = '') => process.stdout.write(`${line}\n`);
const figure = (value: number) => value.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const counts = (map: Map<string, number>) =>
  [...map]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, value]) => `${key} ${figure(value)}`)
    .join(', ');
const describe = (print: GraphFingerprint) => `${figure(print.nodes)} nodes, ${figure(print.relationships)} relationships, sha256 ${print.digest}`;
const clip = (text: string | undefined, length: number) => {
  const value = text ?? '';
  return value.length > length ? `${value.slice(0, length)}… (${figure(value.length)} chars)` : value;
};

/** A broken rule of the run as a whole, rather than of one response. */
function runViolation(tally: Tally, rule: string) {
  tally.violations.push({ rule, source: 'run', note: rule, request: { method: '-', path: '-', headers: {} }, response: { status: 0, contentType: '', body: '' } });
}

async function main(): Promise<number> {
  const root = repoRoot();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-graph-fuzz-'));
  const started = Date.now();
  say(`careers-graph fuzz run: ${figure(requests)} requests asked, seed ${seed}`);
  const schemathesis = share > 0 ? ensureSchemathesis(root, say) : undefined;

  let service: RunningService | undefined;
  let database: Database | undefined;
  const stopAll = async () => {
    closeConnections();
    await database?.close().catch(() => undefined);
    await service?.stop();
  };
  const interrupted = () => {
    say('interrupted: stopping the service');
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    say(`starting the service (npm run dev with its own Neo4j on bolt ${boltPort}, data in .neo4j/fuzz-data)...`);
    service = await startService({ boltPort, dataDir: '.neo4j/fuzz-data', budget: BUDGET, logFile: path.join(workDir, 'service.log'), curatorToken });
    const graphqlUrl = `${service.baseUrl}/graphql`;
    say(`service      ${graphqlUrl}, ready after ${seconds(Date.now() - started)}; RATE_LIMIT_BUDGET=${BUDGET}`);

    const config = loadConfig(service.env);
    database = connectDatabase({
      uri: `bolt://127.0.0.1:${boltPort}`,
      user: config.neo4j.user,
      password: config.neo4j.password,
      database: config.neo4j.database,
      queryTimeoutMs: 120_000,
    });
    const before = await graphFingerprint(database);
    say(`fingerprint  before: ${describe(before)}`);

    const { schema, requests: introspection } = await fetchLiveSchema(graphqlUrl);
    const ids = await fetchKnownIds(graphqlUrl);
    const queryFields = Object.keys(schema.getQueryType()?.getFields() ?? {}).length;
    const mutationFields = Object.keys(schema.getMutationType()?.getFields() ?? {}).length;
    say(
      `schema       read by introspection (${introspection} requests, not counted below): ${queryFields} Query fields, ` +
        `${mutationFields} Mutation fields; ${ids.length} ids read from the graph`,
    );

    const tally = new Tally();
    let schemathesisMs = 0;
    if (schemathesis) {
      const operations = queryFields + mutationFields;
      const maxExamples = Math.max(1, Math.ceil((anonymousRequests * share) / operations));
      const sdlFile = path.join(workDir, 'schema.graphql');
      fs.writeFileSync(sdlFile, printSchema(schema));
      const scalars = unknownScalars(schema);
      say(
        `Schemathesis ${schemathesis.version} (GraphQL mode): ${operations} operations, up to ${maxExamples} examples each` +
          (scalars.length ? `; values for ${scalars.join(', ')} from scripts/fuzz/schemathesis_hooks.py` : ''),
      );
      const schemathesisStart = Date.now();
      const run = await runSchemathesis({ root, bin: schemathesis.bin, sdlFile, graphqlUrl, maxExamples, seed, workDir, customScalars: scalars });
      schemathesisMs = Date.now() - schemathesisStart;
      for (const { request, response } of run.exchanges) tally.record('schemathesis', 'generated by Schemathesis', request, response);
      const summary = run.output.slice(Math.max(0, run.output.lastIndexOf('SUMMARY')));
      say(`  its summary (exit ${run.exitCode}):`);
      for (const line of summary.split('\n').filter((item) => item.trim() && !/^[=━]+$/.test(item.trim()))) say(`  | ${line}`);
      say(
        '  (its ST113 "GraphQL server error" counts every response with an execution error, expected NOT_FOUND and ' +
          'BAD_USER_INPUT answers included; each response is judged by our checks instead, below)',
      );
      say(`  ${figure(run.exchanges.length)} requests in ${seconds(schemathesisMs)} (from its HAR report)`);
      const tested = run.report.operations;
      if ((run.report.errors?.length ?? 0) > 0 || (tested?.errored ?? 0) > 0) {
        runViolation(tally, `Schemathesis could not test every operation: ${JSON.stringify(run.report.errors).slice(0, 500)}`);
      }
    }

    const ours = Math.max(anonymousRequests - tally.requests, Math.ceil(anonymousRequests * (1 - share)));
    say(`hostile cases: ${figure(ours)} from scripts/fuzz/hostile-cases.ts (seed ${seed}), ${concurrency} at a time...`);
    const oursStart = Date.now();
    await fire(service.baseUrl, hostileCases({ schema, ids }, { seed, count: ours }), concurrency, tally);
    const oursMs = Date.now() - oursStart;
    const byKind = CASE_KINDS.map((kind) => `${kind} ${figure(tally.bySource.get(`hostile:${kind}`) ?? 0)}`).join(', ');
    say(`  ${figure(ours)} requests in ${seconds(oursMs)}: ${byKind}`);
    const pairs = injectionPairs({ schema, ids });
    const injected = tally.bySource.get('hostile:injection') ?? 0;
    say(`  injection: ${figure(Math.min(injected, pairs))} of the ${figure(pairs)} (root field × hostile string) pairs, every string argument of the field set`);

    let healthy = false;
    try {
      healthy = service.alive() && (await fetch(`${service.baseUrl}/health`)).status === 200;
    } catch {
      healthy = false;
    }
    const after = await graphFingerprint(database);
    const unchanged = after.digest === before.digest && after.nodes === before.nodes && after.relationships === before.relationships;

    // Then the curators' writes: mutations with a valid token, valid or carrying hostile
    // strings, which may change the graph but never break it.
    let curatorMs = 0;
    let weights = { roles: 0, stale: [] as string[] };
    let duplicateIds = 0;
    if (curatorRequests > 0) {
      say(`curator writes: ${figure(curatorRequests)} mutations with a curator's valid token (seed ${seed}), ${concurrency} at a time...`);
      const curatorStart = Date.now();
      const cases = hostileCases({ schema, ids }, { seed: seed + 1, count: curatorRequests, curatorToken, kinds: ['curator-write'] });
      await fire(service.baseUrl, cases, concurrency, tally);
      curatorMs = Date.now() - curatorStart;
      const read = async (cypher: string, params: Record<string, unknown>) =>
        (await (database as Database).driver.executeQuery(cypher, params, { database: config.neo4j.database })).records.map((record) => record.toObject());
      const rows = await recomputedRoleWeights(read);
      weights = { roles: rows.length, stale: staleRoleWeights(rows) };
      const [duplicates] = await read('MATCH (n:Node) WITH n.id AS id, count(*) AS copies WHERE copies > 1 RETURN count(*) AS ids', {});
      duplicateIds = Number(duplicates?.ids ?? 0);
      say(`  ${figure(curatorRequests)} requests in ${seconds(curatorMs)}`);
      try {
        healthy = healthy && service.alive() && (await fetch(`${service.baseUrl}/health`)).status === 200;
      } catch {
        healthy = false;
      }
    }
    const fuzzMs = schemathesisMs + oursMs + curatorMs;

    say();
    say('== figures');
    say(`requests     ${figure(tally.requests)} in all (Schemathesis ${figure(tally.bySource.get('schemathesis') ?? 0)}, ours ${figure(tally.requests - (tally.bySource.get('schemathesis') ?? 0))})`);
    say(`duration     ${seconds(fuzzMs)} of requests (${seconds(Date.now() - started)} with start-up), ${(tally.requests / (fuzzMs / 1000)).toFixed(0)} requests/s`);
    say(`by status    ${counts(tally.byStatus)}`);
    say(`by code      ${counts(tally.byCode)}`);
    say(`429s         ${figure(tally.byStatus.get('429') ?? 0)} (RATE_LIMITED; budget ${BUDGET} per client and minute)`);
    say(`5xx          ${figure([...tally.byStatus].filter(([status]) => status.startsWith('5')).reduce((sum, [, value]) => sum + value, 0))}`);
    say(`service      ${healthy ? 'alive, GET /health 200' : 'NOT ALIVE or unhealthy'}; it logged ${service.errorLines().length} errors`);
    say(`fingerprint  after the anonymous requests: ${describe(after)} (${unchanged ? 'unchanged' : 'CHANGED'})`);
    if (curatorRequests > 0) {
      say(`curators     ${figure(curatorRequests)} writes: duplicate ids ${duplicateIds}; derived weights of ${figure(weights.roles)} roles, ${weights.stale.length} differing from a recomputation`);
      if (duplicateIds > 0) runViolation(tally, `${duplicateIds} node id(s) held by more than one node after the curators' writes`);
      if (weights.stale.length > 0) runViolation(tally, `derived weights differ from a recomputation after the curators' writes: ${weights.stale.slice(0, 5).join(', ')}`);
    }
    if (!healthy) runViolation(tally, 'the service is down after the run');
    if (!unchanged) runViolation(tally, 'the graph changed');
    if (tally.requests < requests) runViolation(tally, `only ${tally.requests} requests were sent`);
    say(`violations   ${figure(tally.violations.length)}`);

    if (tally.violations.length > 0) {
      for (const [rule, items] of tally.violationsByRule()) {
        const sources = [...new Set(items.map((item) => item.source))].join(', ');
        say(`  ${figure(items.length)} × ${rule} (${sources})`);
        // A few examples of different origins (the note's first words name the field or the case).
        const examples = new Map<string, (typeof items)[number]>();
        for (const item of items) {
          const origin = `${item.source} ${item.note.split(/[ (:]/)[0]}`;
          if (!examples.has(origin) && examples.size < 4) examples.set(origin, item);
        }
        for (const example of examples.values()) {
          say(`      e.g. ${example.note}: ${example.request.method} ${clip(example.request.path, 120)} ${clip(example.request.body, 240)}`);
          say(`        -> ${example.response.status} ${clip(example.response.body.replace(/\s+/g, ' '), 240)}`);
        }
      }
      const file = path.join(workDir, 'violations.ndjson');
      fs.writeFileSync(file, tally.violations.map((item) => JSON.stringify(item)).join('\n'));
      fs.writeFileSync(path.join(workDir, 'service-errors.log'), service.errorLines().join('\n'));
      say(`every violation: ${file}; service log: ${path.join(workDir, 'service.log')}`);
    } else if (!flags.keep) {
      fs.rmSync(workDir, { recursive: true, force: true });
    } else {
      say(`work folder kept: ${workDir}`);
    }
    return tally.violations.length === 0 ? 0 : 1;
  } finally {
    say('stopping the service (SIGTERM)...');
    await stopAll();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`fuzz: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);

/**
 * The benchmark: the service against the floor (the same Cypher through the
 * driver behind plain HTTP), on one dataset, in one run on this machine.
 *
 *   npm run bench -- [--quick] [--dataset curated|onet|esco|stress] [--connections 1,8,32]
 *                    [--duration S] [--warmup S] [--seed N] [--out DIR]
 *
 * It starts a local Neo4j of its own (.neo4j/bench-<dataset>, kept between runs
 * so a dataset loads once), loads the curated graph and, for the taxonomy datasets,
 * files written by the generator and loaded by the importer. It then starts the
 * service and the floor as separate processes, and for each query of the mix, each
 * variant and each connection count runs autocannon after a warm-up, with
 * parameters drawn from a seeded pool, the same for every variant. It prints a
 * Markdown table and writes it with the raw figures as JSON to bench/results/.
 * --quick: the curated graph, 1 and 8 connections, 3 s per measurement.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import neo4j, { type Driver } from 'neo4j-driver';
import { repoRoot } from '../../src/config/repo-root';
import { loadCypherCatalog, type CypherCatalog } from '../../src/database/cypher-catalog';
import type { CypherRunner, Row } from '../../src/database/database';
import { startLocalNeo4j } from '../../src/database/local-neo4j/local-neo4j';
import { drawParams, floorStatements, graphqlRequest, MIX, QUERY_KINDS, type Params, type Pool, type QueryKind } from './workload';

interface Options {
  quick: boolean;
  dataset: 'curated' | 'onet' | 'esco' | 'stress';
  connections: number[];
  duration: number;
  warmup: number;
  seed: number;
  out: string;
}

function parseOptions(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const dataset = (value('--dataset') ?? (quick ? 'curated' : 'esco')) as Options['dataset'];
  if (!['curated', 'onet', 'esco', 'stress'].includes(dataset)) throw new Error(`unknown dataset ${dataset}`);
  return {
    quick,
    dataset,
    connections: (value('--connections') ?? (quick ? '1,8' : '1,8,32')).split(',').map(Number),
    duration: Number(value('--duration') ?? (quick ? 3 : 15)),
    warmup: Number(value('--warmup') ?? (quick ? 1 : 5)),
    seed: Number(value('--seed') ?? 1),
    out: value('--out') ?? path.join(repoRoot(), 'bench', 'results'),
  };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Starts a child and waits for the line announcing its URL. */
async function startChild(command: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, command, { cwd: repoRoot(), env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const match = ready.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`${command.join(' ')} exited (${code}) before it was ready`)));
  });
  return { child, url };
}

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return null;
  }
}

interface Measurement {
  variant: 'ours' | 'floor';
  kind: QueryKind;
  connections: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  rps: number;
  requests: number;
  errors: number;
  non2xx: number;
  apiRssMb: number | null;
  /** Heap in use in the Neo4j JVM after the measurement (JMX), in MB. */
  neo4jHeapMb: number | null;
}

/** The Neo4j JVM's heap in use, from its JMX bean (available in Community). */
async function neo4jHeapMb(driver: Driver): Promise<number | null> {
  try {
    const result = await driver.executeQuery("CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN attributes.HeapMemoryUsage AS heap");
    const heap = result.records[0]?.get('heap') as { value?: { properties?: { used?: number } } } | undefined;
    const used = heap?.value?.properties?.used;
    return typeof used === 'number' ? Math.round(used / 2 ** 20) : null;
  } catch {
    return null;
  }
}

/**
 * Database hits of a kind's statements, from PROFILE, averaged over a few of its
 * parameter sets: a runner that profiles each catalog statement the floor runs.
 */
async function profileDbHits(driver: Driver, catalog: CypherCatalog, kind: QueryKind, samples: Params[]): Promise<number> {
  let hits = 0;
  const sum = (plan: { dbHits: number; children: unknown[] }): number =>
    plan.dbHits + plan.children.reduce<number>((total, child) => total + sum(child as { dbHits: number; children: unknown[] }), 0);
  const read = async (name: keyof CypherCatalog, params: Record<string, unknown>): Promise<Row[]> => {
    const result = await driver.executeQuery(`PROFILE ${catalog[name]}`, params);
    if (result.summary.profile) hits += sum(result.summary.profile as unknown as { dbHits: number; children: unknown[] });
    return result.records.map((record) => record.toObject() as Row);
  };
  const runner: CypherRunner = { read, write: read, stats: { roundTrips: 0 }, deadline: Number.POSITIVE_INFINITY };
  for (const params of samples) await floorStatements(runner, kind, params);
  return Math.round(hits / samples.length);
}

async function measure(url: string, bodies: string[], connections: number, seconds: number): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const body = bodies[next % bodies.length] as string;
          next += 1;
          return { ...request, body };
        },
      },
    ],
  });
}

async function prepareDataset(options: Options, uri: string, password: string): Promise<void> {
  const env = { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: password, LOG_LEVEL: 'warn' };
  if (options.dataset === 'curated') return;
  const files = path.join(repoRoot(), '.neo4j', 'bench-files', options.dataset);
  const taxonomy = options.dataset === 'onet' ? 'onet' : 'esco';
  if (!fs.existsSync(files)) {
    log(`generating ${options.dataset} files into ${path.relative(repoRoot(), files)}`);
    const generated = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/taxonomies/generate.ts', options.dataset, files, '--seed', '1'], {
      cwd: repoRoot(),
      stdio: 'inherit',
    });
    if (generated.status !== 0) throw new Error('generating the dataset failed');
  }
  log(`importing ${options.dataset} (resumes, or does nothing when already loaded)`);
  const release = taxonomy === 'onet' ? '30.0' : '1.2.0';
  const imported = spawnSync(process.execPath, ['--import', 'tsx', 'src/import/cli.ts', taxonomy, files, '--release', release, '--batch-size', '2000'], {
    cwd: repoRoot(),
    env,
    stdio: 'inherit',
  });
  if (imported.status !== 0) throw new Error('importing the dataset failed');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const password = 'careers-graph-bench';
  const dataDir = path.join(repoRoot(), '.neo4j', `bench-${options.dataset}`);
  const server = await startLocalNeo4j({
    boltPort: 7740,
    dataDir,
    heap: options.dataset === 'stress' ? '2g' : '1g',
    pageCache: '512m',
    password,
    log,
  });
  const children: ChildProcess[] = [];
  try {
    const env = { ...process.env, NEO4J_URI: server.uri, NEO4J_PASSWORD: password, LOG_LEVEL: 'warn', RATE_LIMIT_BUDGET: '1000000000000' };
    // The service loads the migrations and the curated graph first; the importer needs both.
    const ours = await startChild(['--import', 'tsx', 'src/main.ts'], { ...env, LOG_LEVEL: 'info', PORT: '0' }, /ready at (http:\/\/[\d.:]+\/graphql)/);
    children.push(ours.child);
    await prepareDataset(options, server.uri, password);
    const floor = await startChild(['--import', 'tsx', 'scripts/bench/floor-server.ts'], env, /FLOOR_READY (http:\S+)/);
    children.push(floor.child);

    const pool = await readPool(ours.url);
    log(`pool: ${pool.roles.length} roles, ${pool.skills.length} skills`);
    const driver = neo4j.driver(server.uri, neo4j.auth.basic('neo4j', password), { disableLosslessIntegers: true });
    const catalog = loadCypherCatalog();
    const dbHits: Partial<Record<QueryKind, number>> = {};
    const results: Measurement[] = [];
    for (const kind of QUERY_KINDS) {
      const params = drawParams(kind, pool, 500, options.seed);
      dbHits[kind] = await profileDbHits(driver, catalog, kind, params.slice(0, 5));
      log(`${kind}: ${dbHits[kind]} db hits per request (PROFILE, mean of 5)`);
      const oursBodies = params.map((p) => JSON.stringify(graphqlRequest(kind, p)));
      const floorBodies = params.map((p) => JSON.stringify({ kind, params: p }));
      for (const connections of options.connections) {
        for (const [variant, url, bodies] of [
          ['floor', floor.url, floorBodies],
          ['ours', ours.url, oursBodies],
        ] as const) {
          await measure(url, bodies, connections, options.warmup);
          const result = await measure(url, bodies, connections, options.duration);
          const row: Measurement = {
            variant,
            kind,
            connections,
            p50: result.latency.p50,
            p90: result.latency.p90,
            p99: result.latency.p99,
            max: result.latency.max,
            rps: Math.round(result.requests.average),
            requests: result.requests.total,
            errors: result.errors + result.timeouts,
            non2xx: result.non2xx,
            apiRssMb: rssMb(ours.child.pid),
            neo4jHeapMb: await neo4jHeapMb(driver),
          };
          results.push(row);
          log(`${kind} ${variant} c=${connections}: p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.rps} req/s, errors ${row.errors}, non-2xx ${row.non2xx}`);
        }
      }
    }
    await driver.close();
    report(options, results, dbHits);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)))));
    await server.stop();
  }
}

/** Role and skill ids, read through the service itself. */
async function readPool(url: string): Promise<Pool> {
  const pool: Pool = { roles: [], skills: [] };
  for (const [field, list] of [
    ['roles', pool.roles],
    ['skills', pool.skills],
  ] as const) {
    let after: string | null = null;
    for (;;) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `query Page($after: String) { ${field}(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, variables: { after } }),
      });
      type Page = { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      const body = (await response.json()) as { data?: Record<string, Page>; errors?: unknown[] };
      const page = body.data?.[field];
      if (!page) throw new Error(`cannot read ${field} from the service: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
      list.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
  }
  return pool;
}

function report(options: Options, results: Measurement[], dbHits: Partial<Record<QueryKind, number>>): void {
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const lines = [
    `# Benchmark: ${options.dataset}${options.quick ? ' (quick)' : ''}`,
    '',
    `${new Date().toISOString().slice(0, 10)}, ${machine}; ${options.duration} s per measurement after ${options.warmup} s of warm-up; seed ${options.seed}.`,
    `Mix: ${Object.entries(MIX).map(([kind, share]) => `${kind} ${share * 100}%`).join(', ')}.`,
    '',
    '| Query | Connections | Variant | p50 ms | p90 ms | p99 ms | max ms | req/s | errors | non-2xx | ours ÷ floor (p50) | API RSS MB | Neo4j heap MB | db hits |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of results) {
    const floor = results.find((other) => other.variant === 'floor' && other.kind === row.kind && other.connections === row.connections);
    const ratio = row.variant === 'ours' && floor && floor.p50 > 0 ? (row.p50 / floor.p50).toFixed(2) : '';
    lines.push(
      `| ${row.kind} | ${row.connections} | ${row.variant} | ${row.p50} | ${row.p90} | ${row.p99} | ${row.max} | ${row.rps} | ${row.errors} | ${row.non2xx} | ${ratio} | ${row.variant === 'ours' ? (row.apiRssMb ?? '') : ''} | ${row.neo4jHeapMb ?? ''} | ${dbHits[row.kind] ?? ''} |`,
    );
  }
  const markdown = `${lines.join('\n')}\n`;
  fs.mkdirSync(options.out, { recursive: true });
  const name = `${options.dataset}${options.quick ? '-quick' : ''}`;
  fs.writeFileSync(path.join(options.out, `${name}.md`), markdown);
  fs.writeFileSync(path.join(options.out, `${name}.json`), `${JSON.stringify({ options, machine, dbHits, results }, null, 2)}\n`);
  process.stdout.write(markdown);
  log(`written to ${path.relative(repoRoot(), path.join(options.out, name))}.{md,json}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

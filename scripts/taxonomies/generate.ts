/**
 * Writes an O*NET-like or ESCO-like taxonomy at full scale, in the published
 * bulk formats (see docs/taxonomy-formats.md), for loading and stress tests of
 * the importers.
 *
 *   npm run generate:taxonomies -- onet|esco|stress OUT_DIR [--seed N] [--scale F]
 *
 * onet:   ~900 occupations, 35 skills + 33 knowledge areas on IM and LV each,
 *         ~19,000 tasks, 18,000 related-occupation links, technology skills,
 *         job zones, education (the tab-delimited text release, 30.x).
 * esco:   ~3,000 occupations, 14,000 skills, 129,000 occupation-skill relations
 *         (about half essential, long-tailed skill popularity), 6,000 skill-skill
 *         relations (the CSV download, v1.2, English).
 * stress: esco at 10 times the size (1.29 million occupation-skill relations).
 *
 * The same seed and scale give byte-identical files. Files are streamed, never
 * held whole in memory. Progress goes to stderr; the summary (rows, bytes, time)
 * to stdout. Write the large outputs outside the repository, or under .neo4j/
 * (git-ignored).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DatasetReport, ProgressEvent } from './common';
import { generateEsco } from './esco';
import { generateOnet } from './onet';
import { FileSink } from './sink';

const USAGE = 'usage: npm run generate:taxonomies -- onet|esco|stress OUT_DIR [--seed N] [--scale F]';

interface Args {
  kind: 'onet' | 'esco' | 'stress';
  out: string;
  seed: number;
  scale: number;
}

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  let seed = 1;
  let scale = 1;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    if (flag === '--seed' || flag === '--scale') {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`${flag} needs a value`);
      const number = Number(value);
      if (flag === '--seed') {
        if (!Number.isSafeInteger(number)) throw new Error(`--seed must be an integer, got ${value}`);
        seed = number;
      } else {
        if (!Number.isFinite(number) || number <= 0 || number > 100) throw new Error(`--scale must be a number above 0 and at most 100, got ${value}`);
        scale = number;
      }
    } else if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else positional.push(arg);
  }
  const [kind, out, ...rest] = positional;
  if (kind !== 'onet' && kind !== 'esco' && kind !== 'stress') throw new Error(`the first argument must be onet, esco or stress, got ${kind ?? 'nothing'}`);
  if (!out) throw new Error('OUT_DIR is missing');
  if (rest.length > 0) throw new Error(`unexpected arguments: ${rest.join(' ')}`);
  return { kind, out, seed, scale };
}

const thousands = (n: number) => n.toLocaleString('en-US');
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function progressPrinter(): (event: ProgressEvent) => void {
  let last = 0;
  return (event) => {
    const now = Date.now();
    if (!event.done && now - last < 1000) return;
    last = now;
    const percent = event.expected > 0 ? ` (${Math.floor((event.rows / event.expected) * 100)}%)` : '';
    process.stderr.write(`${event.dataset}: ${event.file} ${thousands(event.rows)}/${thousands(event.expected)} rows${percent}${event.done ? ' done' : ''}\n`);
  };
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const out = path.resolve(args.out);
  fs.mkdirSync(out, { recursive: true });
  const open = (file: string) => new FileSink(path.join(out, file));
  const progress = progressPrinter();
  const started = process.hrtime.bigint();
  let report: DatasetReport;
  if (args.kind === 'onet') report = await generateOnet(open, { seed: args.seed, scale: args.scale, progress });
  else report = await generateEsco(open, { seed: args.seed, scale: args.kind === 'stress' ? args.scale * 10 : args.scale, progress, dataset: args.kind });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const width = Math.max(...report.files.map((f) => f.file.length));
  console.log(`${args.kind} (seed ${args.seed}, scale ${args.scale}) -> ${out}`);
  for (const f of report.files) console.log(`  ${f.file.padEnd(width)}  ${thousands(f.rows).padStart(11)} rows  ${mib(f.bytes).padStart(10)}`);
  const rows = report.files.reduce((sum, f) => sum + f.rows, 0);
  const bytes = report.files.reduce((sum, f) => sum + f.bytes, 0);
  console.log(`  ${'total'.padEnd(width)}  ${thousands(rows).padStart(11)} rows  ${mib(bytes).padStart(10)}  in ${seconds.toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

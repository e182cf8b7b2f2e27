import path from 'node:path';
import { ConfigError, loadConfig } from '../config/config';
import { migrate } from '../database/migrate';
import { openDatabase } from '../database/open-database';
import { createLogger } from '../logging/logger';
import { importOews, oewsReleaseFromFile } from './bls/oews-import';
import { importProjections } from './bls/projections-import';
import { importEsco } from './esco/esco-import';
import type { ImportReport } from './import-report';
import { importOnet, releaseFromFolder } from './onet/onet-import';

const USAGE = `usage: npm run import -- onet DIR [--release 30.0] [--min-importance 3] [--batch-size 1000] [--restart]
       npm run import -- esco DIR [--release 1.2.0] [--batch-size 1000] [--restart]
       npm run import -- bls-oews FILE [--release M2024] [--restart]      (national_M2024_dl.xlsx, or it as .tsv/.csv)
       npm run import -- bls-projections FILE [--release 2024-34] [--restart]   (Employment Projections table 1.2)

Imports a taxonomy's bulk files into the graph, with the service's connection
settings (NEO4J_URI, NEO4J_PASSWORD...; unset: the local Neo4j, reused when the
service is running). The BLS figures attach to the roles that carry an O*NET-SOC
code, so import O*NET first. Interrupted imports resume where they stopped; --restart
reads every file again. Bad rows are listed with file and line; the exit code is
1 when there were any, 2 when the import could not run.`;

const TAXONOMIES = ['onet', 'esco', 'bls-oews', 'bls-projections'] as const;

interface Arguments {
  taxonomy: (typeof TAXONOMIES)[number];
  dir: string;
  release: string | null;
  minImportance: number;
  batchSize: number;
  restart: boolean;
}

function parseArguments(argv: string[]): Arguments {
  const [taxonomy, dir, ...rest] = argv;
  if (!TAXONOMIES.includes(taxonomy as Arguments['taxonomy']) || !dir) throw new ConfigError(USAGE);
  const options: Arguments = { taxonomy: taxonomy as Arguments['taxonomy'], dir, release: null, minImportance: 3, batchSize: 1000, restart: false };
  for (let index = 0; index < rest.length; index += 1) {
    const flag = rest[index];
    const value = rest[index + 1];
    const numberValue = (low: number, high: number) => {
      const parsed = Number(value);
      if (!Number.isFinite(parsed) || parsed < low || parsed > high) throw new ConfigError(`${flag} takes a number from ${low} to ${high}`);
      index += 1;
      return parsed;
    };
    if (flag === '--release' && value) {
      options.release = value;
      index += 1;
    } else if (flag === '--min-importance') options.minImportance = numberValue(1, 5);
    else if (flag === '--batch-size') options.batchSize = Math.floor(numberValue(1, 50_000));
    else if (flag === '--restart') options.restart = true;
    else throw new ConfigError(`unknown option ${flag}\n${USAGE}`);
  }
  return options;
}

/** The version in a download folder's name, such as "ESCO dataset - v1.2.0 - classification - en - csv". */
function escoVersionFromFolder(dir: string): string | null {
  return /v(\d+\.\d+(?:\.\d+)?)/.exec(path.basename(path.resolve(dir)))?.[1] ?? null;
}

function printReport(report: ImportReport): number {
  let bad = 0;
  for (const step of report.steps) {
    const rate = step.seconds > 0 ? `, ${Math.round((step.items - step.resumedAfter) / step.seconds)} items/s` : '';
    process.stdout.write(
      `${step.file}: ${step.alreadyDone ? 'already loaded, ' : ''}${step.items} items${step.resumedAfter ? ` (resumed after ${step.resumedAfter})` : ''}, ${step.badRows.length} bad rows, ${step.seconds.toFixed(1)} s${rate}\n`,
    );
    for (const row of step.badRows.slice(0, 50)) process.stdout.write(`  ${row.file}:${row.line}: ${row.problem}\n`);
    if (step.badRows.length > 50) process.stdout.write(`  ... and ${step.badRows.length - 50} more\n`);
    bad += step.badRows.length;
  }
  process.stdout.write(`source ${report.source}: ${bad} bad rows in all\n`);
  return bad > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  const args = parseArguments(process.argv.slice(2));
  const release =
    args.release ??
    { onet: releaseFromFolder, esco: escoVersionFromFolder, 'bls-oews': oewsReleaseFromFile, 'bls-projections': () => 'table 1.2' }[args.taxonomy](args.dir);
  if (!release) {
    const example = { onet: '30.0', esco: '1.2.0', 'bls-oews': 'M2024', 'bls-projections': '2024-34' }[args.taxonomy];
    throw new ConfigError(`cannot tell the release from the folder name ${args.dir}; pass --release, e.g. --release ${example}`);
  }
  const config = loadConfig(process.env);
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const opened = await openDatabase(config, logger, { reuseRunningLocal: true });
  try {
    const progress = (line: string) => process.stderr.write(`${line}\n`);
    await migrate(opened.database.driver, config.neo4j.database, {
      onApply: (migration) => progress(`applying migration ${migration.version}_${migration.name}`),
    });
    progress(`importing ${args.taxonomy} ${release} from ${args.dir} into ${opened.uri}`);
    const run = {
      onet: () => importOnet(opened.database, { ...args, release, progress }),
      esco: () => importEsco(opened.database, { ...args, release, progress }),
      'bls-oews': () => importOews(opened.database, { ...args, file: args.dir, release, progress }),
      'bls-projections': () => importProjections(opened.database, { ...args, file: args.dir, release: args.release, progress }),
    }[args.taxonomy];
    const report = await run();
    return printReport(report);
  } finally {
    await opened.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`import: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);

import { ConfigError, loadConfig } from '../config/config';
import { migrate } from '../database/migrate';
import { openDatabase } from '../database/open-database';
import { createLogger } from '../logging/logger';
import { importOews, oewsReleaseFromFile } from './bls/oews-import';
import { importProjections } from './bls/projections-import';
import { importEscoOnetCrosswalk } from './crosswalk/esco-onet-import';
import { importIscoSocCrosswalk } from './crosswalk/isco-soc-import';
import { importEsco } from './esco/esco-import';
import { importEscoLabels, labelReleaseFromFolder } from './esco/esco-labels-import';
import { ImportRefusedError, type ImportReport } from './import-report';
import { DEFAULT_BATCH_SIZE } from './import-run';
import { locateEscoFiles } from './esco/locate-esco-files';
import { fetchSettings } from './fetch/fetch-settings';
import { resolveImportInput } from './fetch/resolve-import-input';
import { importOnet, releaseFromFolder } from './onet/onet-import';
import { accountLines } from './account-lines';
import { importStatus, statusLines } from './import-status';

const USAGE = `usage: npm run import -- status [SOURCE]   (each imported release and every file's account; SOURCE: onet-29.0, or onet for every O*NET release)
       npm run import -- onet DIR [--release 30.0] [--min-importance 3] [--batch-size 5000] [--restart] [--strict]
       npm run import -- esco DIR [DIR2] [--release 1.1.1] [--batch-size 5000] [--restart] [--strict]
       npm run import -- esco-labels DIR [--lang fr] [--release 1.1.1] [--restart] [--strict]   (occupations_fr.csv, ISCOGroups_fr.csv...)
       npm run import -- bls-oews FILE [--release M2024] [--restart]      (national_M2024_dl.xlsx, or it as .tsv/.csv)
       npm run import -- bls-projections FILE [--release 2024-34] [--restart]   (Employment Projections table 1.2)
       npm run import -- crosswalk-esco-onet FILE [--restart]   (O*NET's ESCO_to_ONET-SOC.xlsx, or it as .tsv)
       npm run import -- crosswalk-isco-soc FILE FILE [--restart]   (the BLS isco_soc_crosswalk.xls, or its
                         "2010 SOC to ISCO-08" sheet as .tsv/.csv, and O*NET's 2010_to_2019_Crosswalk.csv)

Imports a taxonomy's bulk files into the graph, with the service's connection
settings (NEO4J_URI, NEO4J_PASSWORD...; unset: the local Neo4j, reused when the
service is running). ESCO: the English folder of a v1.2.x download; for v1.1.x
the English folder and the language-independent one ("... classification -  - csv"),
or the folder holding both. Every O*NET and ESCO file is read once before anything
is written (the pre-flight pass): a missing file, a wrong header or bytes that are
not UTF-8 refuse the import. ESCO labels: one language's label files (occupations,
ISCOGroups, skillGroups, skills; the language from their suffix or --lang, one of
those the graph indexes) add names in that language to the concepts the graph holds,
by URI; import the ESCO release first. The BLS figures attach to the roles that carry
an O*NET-SOC code, so import O*NET first; the crosswalk links the O*NET and ESCO
occupations the graph holds, so import both first (and again with --restart after
importing another release of either); so does the ISCO-SOC crosswalk, which links
O*NET occupations to ESCO's ISCO-08 groups. Interrupted imports resume where they stopped;
a file loaded earlier and unchanged since (same size and SHA-256) is not read again;
--restart reads every file again. Each file's rows read, created, updated,
unchanged, skipped (by design, or with a warning: a relation naming a concept the
release lacks) and rejected (with the reason) are listed; a finished file's account
is kept, so a repeated run reports it again, and status prints them. The exit code
is 1 when rows were rejected, or with --strict when the pre-flight pass found any
row to skip with a warning or reject (then nothing is written); 2 when the import
could not run (a missing file, a wrong header, no database, a failed download).
Each DIR or FILE may also be a zip archive as the publisher ships it, an https://
address, or a release name fetched from its publisher into .cache/releases (onet
29.0, bls-oews M2024, bls-projections 2024-34, crosswalk-esco-onet current,
crosswalk-isco-soc current): see docs/importing.md.`;

const TAXONOMIES = ['onet', 'esco', 'esco-labels', 'bls-oews', 'bls-projections', 'crosswalk-esco-onet', 'crosswalk-isco-soc'] as const;

interface Arguments {
  taxonomy: (typeof TAXONOMIES)[number];
  dirs: string[];
  release: string | null;
  minImportance: number;
  batchSize: number;
  restart: boolean;
  strict: boolean;
  lang: string | null;
}

function parseArguments(argv: string[]): Arguments {
  const [taxonomy, dir, ...rest] = argv;
  if (!TAXONOMIES.includes(taxonomy as Arguments['taxonomy']) || !dir) throw new ConfigError(USAGE);
  const options: Arguments = {
    taxonomy: taxonomy as Arguments['taxonomy'],
    dirs: [dir],
    release: null,
    minImportance: 3,
    batchSize: DEFAULT_BATCH_SIZE,
    restart: false,
    strict: false,
    lang: null,
  };
  // ESCO v1.1.x comes as two folders; the ISCO-SOC crosswalk needs its bridge.
  if (taxonomy === 'esco' && rest[0] && !rest[0].startsWith('--')) options.dirs.push(rest.shift() as string);
  while (taxonomy === 'crosswalk-isco-soc' && rest[0] && !rest[0].startsWith('--')) options.dirs.push(rest.shift() as string);
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
    else if (flag === '--strict' && (taxonomy === 'esco' || taxonomy === 'esco-labels' || taxonomy === 'onet')) options.strict = true;
    else if (flag === '--lang' && taxonomy === 'esco-labels' && value) {
      options.lang = value;
      index += 1;
    }
    else throw new ConfigError(`unknown option ${flag}\n${USAGE}`);
  }
  return options;
}

function printReport(report: ImportReport): number {
  let rejected = 0;
  let warned = 0;
  for (const step of report.steps) {
    const note = step.alreadyDone ? 'already loaded and unchanged since, ' : step.changedSinceLoaded ? 'changed since it was loaded, read again, ' : '';
    const rate = step.seconds > 0 && !step.alreadyDone ? `, ${Math.round((step.items - step.resumedAfter) / step.seconds)} items/s` : '';
    const resumed = step.resumedAfter ? ` (resumed after ${step.resumedAfter} items)` : '';
    const [first, ...rest] = accountLines(step.file, step, note);
    process.stdout.write(`${first}${resumed}, ${step.seconds.toFixed(1)} s${rate}\n`);
    for (const line of rest) process.stdout.write(`${line}\n`);
    rejected += step.rejected;
    warned += step.warned;
  }
  process.stdout.write(`source ${report.source}: ${rejected} rejected, ${warned} skipped with a warning\n`);
  return rejected > 0 ? 1 : 0;
}

/** `status [SOURCE]`: what each import stored, read without importing anything. */
async function status(source: string | null): Promise<number> {
  const config = loadConfig(process.env);
  const opened = await openDatabase(config, createLogger(process.env.LOG_LEVEL ?? 'warn'), { reuseRunningLocal: true });
  try {
    await migrate(opened.database.driver, config.neo4j.database, {});
    for (const line of statusLines(await importStatus(opened.database, source))) process.stdout.write(`${line}\n`);
    return 0;
  } finally {
    await opened.close();
  }
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv[0] === 'status') {
    if (argv.length > 2 || argv[1]?.startsWith('-')) throw new ConfigError(USAGE);
    return status(argv[1] ?? null);
  }
  const args = parseArguments(argv);
  // A release name, an address or a zip archive becomes the local folder or file the importer reads.
  const input = await resolveImportInput(args.taxonomy, args.dirs, { ...fetchSettings(process.env), progress: (line) => process.stderr.write(`${line}\n`) });
  Object.assign(args, { dirs: input.paths, release: args.release ?? input.release });
  // Finding the ESCO files first refuses a download that lacks one before the database is opened.
  const first = args.dirs[0] as string;
  const release =
    args.release ??
    {
      onet: () => releaseFromFolder(first),
      esco: () => locateEscoFiles(args.dirs).release,
      'esco-labels': () => labelReleaseFromFolder(first),
      'bls-oews': () => oewsReleaseFromFile(first),
      'bls-projections': () => 'table 1.2',
      'crosswalk-esco-onet': () => 'ESCO to O*NET-SOC 2019',
      'crosswalk-isco-soc': () => 'ISCO-08 to SOC 2010',
    }[args.taxonomy]();
  if (!release) {
    const example = { onet: '30.0', esco: '1.1.1', 'esco-labels': '1.1.1', 'bls-oews': 'M2024', 'bls-projections': '2024-34', 'crosswalk-esco-onet': '', 'crosswalk-isco-soc': '' }[args.taxonomy];
    throw new ConfigError(`cannot tell the release from the name ${args.dirs.join(', ')}; pass --release, e.g. --release ${example}`);
  }
  const config = loadConfig(process.env);
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const opened = await openDatabase(config, logger, { reuseRunningLocal: true });
  try {
    const progress = (line: string) => process.stderr.write(`${line}\n`);
    await migrate(opened.database.driver, config.neo4j.database, {
      onApply: (migration) => progress(`applying migration ${migration.version}_${migration.name}`),
    });
    progress(`importing ${args.taxonomy} ${release} from ${args.dirs.join(' and ')} into ${opened.uri}`);
    const run = {
      onet: () => importOnet(opened.database, { ...args, dir: first, release, progress }),
      esco: () => importEsco(opened.database, { ...args, release, progress }),
      'esco-labels': () => importEscoLabels(opened.database, { ...args, dir: first, release, progress }),
      'bls-oews': () => importOews(opened.database, { ...args, file: first, release, progress }),
      'bls-projections': () => importProjections(opened.database, { ...args, file: first, release: args.release, progress }),
      'crosswalk-esco-onet': () => importEscoOnetCrosswalk(opened.database, { ...args, file: first, progress }),
      'crosswalk-isco-soc': () => importIscoSocCrosswalk(opened.database, { ...args, files: args.dirs, progress }),
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
    process.exit(error instanceof ImportRefusedError ? 1 : 2);
  },
);

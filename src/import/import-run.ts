import type { Database } from '../database/database';
import { markRoleWeightsPending, refreshRoleWeights, settleRoleWeights } from '../database/role-weights';
import { refreshRoleNeighbours } from '../database/role-neighbours';
import { citationProperties } from '../models/graph-rows';
import { linkCuratedEquivalents } from '../repositories/curated-equivalents';
import { writeGraphRows } from '../repositories/graph-writer';
import { BatchLoader, type StepReport } from './batch-loader';

/**
 * Rows a transaction, unless asked otherwise: O*NET 29.0 took 44 s of Neo4j CPU and
 * 12 s of the importer's at 5000, against 64 s and 16 s at 1000.
 */
export const DEFAULT_BATCH_SIZE = 5000;

export interface ImportRunOptions {
  batchSize: number;
  restart: boolean;
  progress(line: string): void;
  /**
   * False for an import that writes no skill requirement and no role (e.g. labels in
   * another language): the roles' derived weights are neither marked pending nor
   * refreshed. Default true.
   */
  changesWeights?: boolean;
}

/** What every step of one import shares: its loader and the citation of its source. */
export interface ImportRun {
  loader: BatchLoader;
  actor: string;
  /** The citation properties of every fact the import writes. */
  cite: Record<string, unknown>;
  /**
   * True when this run must write what follows the files (derived weights, the
   * curated roles' equivalence links, the kept neighbours): a step created or changed
   * a fact, or the previous run did not finish (it may have stopped after its last
   * batch). False when that run finished and this one changed nothing: every file was
   * loaded earlier and is unchanged since, or was read again (a restart) and found
   * every fact already there as it is. Then nothing follows to bring up to date.
   */
  changes(steps: readonly StepReport[]): boolean;
  /**
   * After the last batch, unless nothing changed (see `changes`): links the curated
   * roles to the counterparts their mapping names that are now in the graph, and
   * brings the roles' derived weights up to date; then records the run as finished.
   */
  finish(steps: readonly StepReport[]): Promise<void>;
}

/** The kind of DatasetLoad record an import run keeps (the curated loader keeps another). */
export const IMPORT_RUN_KIND = 'import';

/** What an import run records of the release it loads, for `import status`. */
export interface ImportedRelease {
  /** The taxonomy, as the import command names it: onet, esco, bls-oews... */
  taxonomy: string;
  release: string;
}

/**
 * Starts an import of one dataset release: writes its Source, records the run as
 * begun (unfinished until `finish`), forgets earlier progress when asked to
 * restart, and returns what its steps share.
 */
export async function beginImport(
  database: Database,
  source: { id: string; title: string },
  release: ImportedRelease,
  options: ImportRunOptions,
): Promise<ImportRun> {
  const actor = `importer:${source.id}`;
  const loader = new BatchLoader(database, { dataset: source.id, actor, batchSize: options.batchSize, progress: options.progress, batchTimeoutMs: 60_000 });
  if (options.restart) options.progress(`forgot ${await loader.restart()} checkpoint(s) of ${source.id}`);
  const weighs = options.changesWeights !== false;
  if (weighs) await markRoleWeightsPending(database, source.id);
  const previousFinished = await database.writeTransaction(
    'import source',
    async (run) => {
      await writeGraphRows(run, { sources: [source], nodes: [], links: [] }, actor);
      const [row] = await run('import-run-begin', { name: source.id, ...release, kind: IMPORT_RUN_KIND });
      return row?.wasFinished === true;
    },
    { timeoutMs: 60_000 },
  );
  // A step's created and updated count every node, link and name it wrote (step-account.ts);
  // imports remove nothing, so a run in which both are 0 everywhere left the graph as it was.
  const changes = (steps: readonly StepReport[]) => !previousFinished || steps.some((step) => !step.alreadyDone && step.created + step.updated > 0);
  return {
    loader,
    actor,
    cite: citationProperties([{ source: source.id }]),
    changes,
    finish: async (steps) => {
      if (weighs && changes(steps)) {
        const mapped = await database.writeTransaction('import curated equivalents', (run) => linkCuratedEquivalents(run, actor), { timeoutMs: 60_000 });
        options.progress(`curated roles: ${mapped} equivalence link(s) of their mapping to occupations and groups in the graph`);
      }
      const started = Date.now();
      const refresh = weighs && changes(steps);
      const { roles, refreshed } = await database.writeTransaction(
        'refresh-role-weights',
        async (run) => {
          const report = refresh ? await refreshRoleWeights(run) : { roles: 0, refreshed: 0, reprioritised: 0 };
          // The weights are current either way: this run's pending mark goes.
          if (weighs) await settleRoleWeights(run, [source.id]);
          await run('import-run-finish', { name: source.id });
          return report;
        },
        { timeoutMs: 120_000, exclusive: true },
      );
      if (!weighs) return;
      if (!refresh) {
        options.progress('role weights: nothing written since a finished run (every file unchanged, or read again without a change): nothing to refresh');
        return;
      }
      options.progress(`role weights: ${refreshed} of ${roles} role(s) refreshed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      await refreshRoleNeighbours(database, { timeoutMs: 600_000, progress: options.progress });
    },
  };
}

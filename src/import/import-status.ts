import type { Database } from '../database/database';
import { accountLines } from './account-lines';
import { CHECKPOINT_SEPARATOR, restoredAccount } from './batch-loader';
import { IMPORT_RUN_KIND } from './import-run';
import type { StepAccount } from './step-account';

/** One file of an imported dataset as its checkpoint stores it. */
export interface FileStatus {
  file: string;
  /** Items committed. */
  items: number;
  done: boolean;
  /** The file's account: whole for a finished file; for an unfinished one, the outcomes of the rows committed so far. */
  account: StepAccount;
  /** `sha256:<hex>` of the file when it was finished; null before fingerprints were kept. */
  fingerprint: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

/** An imported dataset release: its last run, and each file's stored account. */
export interface DatasetStatus {
  /** The release's source id, e.g. onet-29.0. */
  dataset: string;
  title: string | null;
  taxonomy: string | null;
  release: string | null;
  /** When its last run began, and when a run last finished (ISO); null when not recorded. */
  startedAt: string | null;
  loadedAt: string | null;
  /** Whether the last run finished; null for a dataset imported before runs were recorded. */
  finished: boolean | null;
  files: FileStatus[];
}

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

/** Every imported dataset release, or those of one source id or taxonomy (`onet-29.0`, `onet`). */
export async function importStatus(database: Database, source: string | null): Promise<DatasetStatus[]> {
  const rows = await database.runner(() => 'import status').read('import-status', { source, kind: IMPORT_RUN_KIND, separator: CHECKPOINT_SEPARATOR, dash: '-' });
  return rows.map((row) => ({
    dataset: String(row.dataset),
    title: text(row.title),
    taxonomy: text(row.taxonomy),
    release: text(row.release),
    startedAt: text(row.startedAt),
    loadedAt: text(row.loadedAt),
    finished: row.finished === null || row.finished === undefined ? null : row.finished === true,
    files: (row.files as Record<string, unknown>[]).map((file) => {
      const done = file.done === true;
      const account = restoredAccount(file);
      if (!done) {
        // An unfinished file's checkpoint holds the running outcomes only: what was read past them is not known yet.
        account.read = account.created + account.updated + account.unchanged;
      }
      return {
        file: String(file.file),
        items: Number(file.rows ?? 0),
        done,
        account,
        fingerprint: text(file.fingerprint),
        startedAt: text(file.startedAt),
        finishedAt: text(file.finishedAt),
      };
    }),
  }));
}

/** The status as `import status` prints it: a line per dataset, then each file's account. */
export function statusLines(datasets: readonly DatasetStatus[]): string[] {
  if (datasets.length === 0) return ['no imported dataset'];
  return datasets.flatMap((dataset) => {
    const state =
      dataset.finished === null
        ? 'imported before runs were recorded'
        : dataset.finished
          ? `finished, loaded ${dataset.loadedAt}`
          : `interrupted: the run begun ${dataset.startedAt} has not finished${dataset.loadedAt ? ` (an earlier run finished ${dataset.loadedAt})` : ''}`;
    const head = `${dataset.dataset}${dataset.release ? ` (${dataset.taxonomy} ${dataset.release})` : ''}: ${state}${dataset.title ? `\n  ${dataset.title}` : ''}`;
    const files = dataset.files.flatMap((file) => {
      const finished = file.finishedAt ? `finished ${file.finishedAt}, ` : 'finished, ';
      const note = file.done ? finished : `interrupted after ${file.items} items, so far `;
      return accountLines(file.file, file.account, note).map((line) => `  ${line}`);
    });
    return [head, ...files];
  });
}

import type { Database } from '../database/database';
import type { NodeRow, GraphRows, LinkRow } from '../models/graph-rows';
import { writeGraphRows } from '../repositories/graph-writer';
import type { BadRow } from './delimited';

/**
 * What a file step yields: an item to write; a row it rejects (it breaks the
 * format: the import ends with an error); or a row it skips with a warning (well
 * formed, but the release itself is inconsistent, e.g. a relation naming a concept
 * the release does not define: reported and counted, not an error).
 */
export type StepItem<T> = { item: T } | { bad: BadRow } | { warning: BadRow };

/** How many rejected and skipped rows a report lists (and a checkpoint stores) in full; the counts are always whole. */
export const LISTED_ROWS = 200;

/** The rows one batch of a file becomes: nodes, links and aliases (no sources; the import wrote its own). */
export type BatchRows = Partial<Omit<GraphRows, 'sources'>>;

/** A batch's nodes and links, as a step's `rows` returns them. */
export function batchRows(nodes: NodeRow[], links: LinkRow[]): BatchRows {
  return { nodes, links };
}

/** One file of an import: where its items come from and the rows a batch of them becomes. */
export interface ImportStep<T> {
  /** The file's name, part of the checkpoint key. */
  file: string;
  items: AsyncIterable<StepItem<T>>;
  /** The rows of one batch, for the graph writer; no database access. */
  rows(batch: T[]): BatchRows;
}

/**
 * One file's account: rows read, written (`items`), skipped with a warning and
 * rejected, with the first LISTED_ROWS of each kind and their reasons. When the file
 * is finished the account is stored on its checkpoint, so a run that finds the file
 * already loaded reports what the run that loaded it found.
 */
export interface StepReport {
  file: string;
  /** Rows of the file read: written, skipped and rejected. */
  read: number;
  /** Items written (by this run and earlier, interrupted ones). */
  items: number;
  /** Items an earlier, interrupted run had already committed. */
  resumedAfter: number;
  /** Rows rejected (they break the format), the first LISTED_ROWS of `rejected`. */
  badRows: BadRow[];
  rejected: number;
  /** Rows skipped with a warning (the release's own inconsistencies), the first LISTED_ROWS of `skipped`. */
  warnings: BadRow[];
  skipped: number;
  seconds: number;
  /** True when an earlier run had finished this file, so it was not read again. */
  alreadyDone: boolean;
}

/** The account of a file as a checkpoint stores it (`problems` is JSON: the listed rows of each kind). */
function storedReport(report: StepReport): Record<string, unknown> {
  return {
    read: report.read,
    skipped: report.skipped,
    rejected: report.rejected,
    problems: JSON.stringify({ warnings: report.warnings, badRows: report.badRows }),
  };
}

function restoredReport(report: StepReport, checkpoint: Record<string, unknown>): void {
  report.items = Number(checkpoint.rows);
  // Checkpoints stored before reports were kept hold no account: the counts are then what is known, the rows written.
  report.read = checkpoint.read === null || checkpoint.read === undefined ? report.items : Number(checkpoint.read);
  report.skipped = Number(checkpoint.skipped ?? 0);
  report.rejected = Number(checkpoint.rejected ?? 0);
  const problems = typeof checkpoint.problems === 'string' ? (JSON.parse(checkpoint.problems) as { warnings?: BadRow[]; badRows?: BadRow[] }) : {};
  report.warnings = problems.warnings ?? [];
  report.badRows = problems.badRows ?? [];
}

export interface BatchLoaderOptions {
  /** Names the dataset and release in checkpoint keys, e.g. `onet-30.0`. */
  dataset: string;
  /** Who the graph writer records the changes as (`updatedBy`). */
  actor: string;
  batchSize: number;
  /** Progress lines, e.g. to stderr. */
  progress(line: string): void;
  /** Time limit of one batch's transaction. */
  batchTimeoutMs: number;
}

/**
 * Loads files in batches: each batch is one transaction that writes its items and
 * moves the file's checkpoint past them (the step turns items into rows, the
 * graph writer writes them), so an import stopped at any point (a
 * crash, Ctrl-C, a lost database) resumes after the last committed batch, and no
 * batch is ever half-written. Every statement MERGEs, so even a repeated batch
 * changes nothing. Bad rows are collected with file and line and reported.
 * Written here rather than with a job library: the unit of work, the checkpoint and
 * the graph writes must share one Neo4j transaction.
 */
export class BatchLoader {
  constructor(
    private readonly database: Database,
    private readonly options: BatchLoaderOptions,
  ) {}

  private key(file: string): string {
    return `${this.options.dataset}|${file}`;
  }

  /** Forgets earlier progress, so every file is read again. */
  async restart(): Promise<number> {
    const [row] = await this.database.writeTransaction(
      'import-restart',
      (run) => run('import-checkpoint-clear', { prefix: `${this.options.dataset}|` }),
      { timeoutMs: this.options.batchTimeoutMs },
    );
    return Number(row?.removed ?? 0);
  }

  async load<T>(step: ImportStep<T>): Promise<StepReport> {
    const started = performance.now();
    const key = this.key(step.file);
    const [checkpoint] = await this.database.runner(() => 'import').read('import-checkpoint-get', { keys: [key] });
    const report: StepReport = {
      file: step.file,
      read: 0,
      items: 0,
      resumedAfter: 0,
      badRows: [],
      rejected: 0,
      warnings: [],
      skipped: 0,
      seconds: 0,
      alreadyDone: false,
    };
    if (checkpoint?.done === true) {
      report.alreadyDone = true;
      restoredReport(report, checkpoint);
      this.options.progress(`${step.file}: already loaded (${report.items} items); --restart reads it again`);
      return report;
    }
    const skip = Number(checkpoint?.rows ?? 0);
    report.resumedAfter = skip;
    if (skip > 0) this.options.progress(`${step.file}: resuming after ${skip} items committed earlier`);

    let seen = 0;
    let batch: T[] = [];
    let lastReport = performance.now();
    const flush = async (done: boolean) => {
      const items = batch;
      batch = [];
      await this.database.writeTransaction(
        `import ${step.file}`,
        async (run) => {
          if (items.length > 0) {
            const rows = step.rows(items);
            await writeGraphRows(run, { sources: [], nodes: rows.nodes ?? [], links: rows.links ?? [], aliases: rows.aliases }, this.options.actor);
          }
          await run('import-checkpoint-set', { key, rows: seen, done });
          if (done) await run('import-checkpoint-report', { key, ...storedReport(report) });
        },
        { timeoutMs: this.options.batchTimeoutMs },
      );
      report.items = seen;
      const now = performance.now();
      if (done || now - lastReport > 2_000) {
        lastReport = now;
        const rate = (seen - skip) / Math.max((now - started) / 1000, 0.001);
        const problems = [report.rejected ? `${report.rejected} rejected` : '', report.skipped ? `${report.skipped} skipped` : ''].filter(Boolean);
        this.options.progress(`${step.file}: ${seen} items, ${Math.round(rate)}/s${problems.length ? `, ${problems.join(', ')}` : ''}`);
      }
    };

    for await (const entry of step.items) {
      report.read += 1;
      if ('bad' in entry) {
        report.rejected += 1;
        if (report.badRows.length < LISTED_ROWS) report.badRows.push(entry.bad);
        continue;
      }
      if ('warning' in entry) {
        report.skipped += 1;
        if (report.warnings.length < LISTED_ROWS) report.warnings.push(entry.warning);
        continue;
      }
      seen += 1;
      if (seen <= skip) continue;
      batch.push(entry.item);
      if (batch.length >= this.options.batchSize) await flush(false);
    }
    await flush(true);
    report.seconds = (performance.now() - started) / 1000;
    return report;
  }
}

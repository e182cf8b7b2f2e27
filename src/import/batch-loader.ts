import type { Database } from '../database/database';
import type { NodeRow, GraphRows, LinkRow } from '../models/graph-rows';
import { writeGraphRows } from '../repositories/graph-writer';
import type { BadRow } from './delimited';

/** What a file step yields: an item to write, or a row it could not use. */
export type StepItem<T> = { item: T } | { bad: BadRow };

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

export interface StepReport {
  file: string;
  items: number;
  /** Items an earlier, interrupted run had already committed. */
  resumedAfter: number;
  badRows: BadRow[];
  seconds: number;
  /** True when an earlier run had finished this file, so it was not read again. */
  alreadyDone: boolean;
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
    const report: StepReport = { file: step.file, items: 0, resumedAfter: 0, badRows: [], seconds: 0, alreadyDone: false };
    if (checkpoint?.done === true) {
      report.alreadyDone = true;
      report.items = Number(checkpoint.rows);
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
        },
        { timeoutMs: this.options.batchTimeoutMs },
      );
      report.items = seen;
      const now = performance.now();
      if (done || now - lastReport > 2_000) {
        lastReport = now;
        const rate = (seen - skip) / Math.max((now - started) / 1000, 0.001);
        this.options.progress(`${step.file}: ${seen} items, ${Math.round(rate)}/s${report.badRows.length ? `, ${report.badRows.length} bad rows` : ''}`);
      }
    };

    for await (const entry of step.items) {
      if ('bad' in entry) {
        report.badRows.push(entry.bad);
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

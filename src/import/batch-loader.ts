import type { Database } from '../database/database';
import type { AliasRow, GraphRows, LinkRow, NodeRow } from '../models/graph-rows';
import { writeGraphRows } from '../repositories/graph-writer';
import type { BadRow } from './delimited';
import type { FileFingerprint } from './file-fingerprint';
import { emptyAccount, outcomeOf, type Outcome, type StepAccount } from './step-account';

/**
 * What a file step yields for its rows:
 * - `item`: a row (or, with `lines`, several rows read as one item, e.g. an O*NET
 *   rating's IM and LV rows) to write;
 * - `skip`: a row read and, by design, not written (`reason` says why, e.g. a scale
 *   the import does not use); counted as skipped, no warning;
 * - `warning`: a well-formed row skipped because the release itself is inconsistent
 *   (a relation naming a concept the release does not define); counted as skipped,
 *   listed, and refused by --strict;
 * - `bad`: a row that breaks the format: rejected, listed, and the import ends with an error.
 */
export type StepItem<T> = { item: T; lines?: number } | { skip: string; lines?: number } | { warning: BadRow } | { bad: BadRow };

/** Between the dataset and the file in a checkpoint's key: `onet-29.0|Skills.txt`. */
export const CHECKPOINT_SEPARATOR = '|';

/** How many rejected and skipped rows a report lists (and a checkpoint stores) in full; the counts are always whole. */
export const LISTED_ROWS = 200;

/** The facts one item writes: nodes, links and names added to nodes (no sources; the import wrote its own). */
export type ItemFacts = Partial<Omit<GraphRows, 'sources'>>;

/** An item's facts from its nodes and links. */
export function itemFacts(nodes: NodeRow[], links: LinkRow[] = []): ItemFacts {
  return { nodes, links };
}

/** One file of an import: where its items come from and the facts each becomes. */
export interface ImportStep<T> {
  /** The file's name, part of the checkpoint key. */
  file: string;
  items: AsyncIterable<StepItem<T>>;
  /**
   * The facts one item writes, for the graph writer; no database access. An item
   * that writes no fact (e.g. a figure for a code no role carries) is counted as
   * skipped, by design.
   */
  facts(item: T): ItemFacts;
  /** The file's size and digest: stored with a finished file, so a later run can tell whether it changed. */
  fingerprint?: FileFingerprint;
}

/**
 * One file's account, whole: every row read is created, updated, unchanged,
 * skipped or rejected (`read` is their sum), with the first LISTED_ROWS warnings and
 * rejections and their reasons. A row's outcome is that of the facts it writes:
 * created when any of them was created, else updated when any changed, else
 * unchanged (see outcomeOf). Stored with the file's checkpoint, batch by batch, so
 * a resumed or repeated run still reports the whole file.
 */
export interface StepReport extends StepAccount {
  file: string;
  /** Items written (by this run and earlier, interrupted ones). */
  items: number;
  /** Items an earlier, interrupted run had already committed. */
  resumedAfter: number;
  seconds: number;
  /** True when an earlier run had finished this file and its content is the same, so it was not read again. */
  alreadyDone: boolean;
  /** True when an earlier run had finished this file but its content has changed since: it was read again. */
  changedSinceLoaded: boolean;
}

/** The account of a file as a checkpoint stores it: counts, and JSON of the listed rows and the reasons for skipping. */
function storedAccount(account: StepAccount): Record<string, unknown> {
  return {
    read: account.read,
    created: account.created,
    updated: account.updated,
    unchanged: account.unchanged,
    skipped: account.skipped,
    warned: account.warned,
    rejected: account.rejected,
    problems: JSON.stringify({ warnings: account.warnings, badRows: account.badRows, skipReasons: account.skipReasons }),
  };
}

/** A checkpoint's account; checkpoints stored before outcomes were kept count their written rows as unchanged. */
export function restoredAccount(checkpoint: Record<string, unknown>): StepAccount {
  const count = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  const items = Number(checkpoint.rows ?? 0);
  const problems =
    typeof checkpoint.problems === 'string'
      ? (JSON.parse(checkpoint.problems) as { warnings?: BadRow[]; badRows?: BadRow[]; skipReasons?: Record<string, number> })
      : {};
  const skipped = count(checkpoint.skipped) ?? 0;
  const account: StepAccount = {
    read: count(checkpoint.read) ?? items,
    created: count(checkpoint.created) ?? 0,
    updated: count(checkpoint.updated) ?? 0,
    unchanged: count(checkpoint.unchanged) ?? 0,
    skipped,
    warned: count(checkpoint.warned) ?? skipped,
    rejected: count(checkpoint.rejected) ?? 0,
    warnings: problems.warnings ?? [],
    badRows: problems.badRows ?? [],
    skipReasons: problems.skipReasons ?? {},
  };
  if (checkpoint.created === null || checkpoint.created === undefined) {
    account.unchanged = account.read - account.skipped - account.rejected;
  }
  return account;
}

/**
 * The files of a dataset an earlier run finished, each with the fingerprint stored
 * when it was (null on checkpoints stored before fingerprints were kept).
 */
export async function finishedFiles(database: Database, dataset: string, files: readonly string[]): Promise<Map<string, string | null>> {
  const rows = await database.runner(() => 'import').read('import-checkpoint-get', { keys: files.map((file) => `${dataset}${CHECKPOINT_SEPARATOR}${file}`) });
  return new Map(
    rows
      .filter((row) => row.done === true)
      .map((row) => [String(row.key).slice(dataset.length + CHECKPOINT_SEPARATOR.length), row.fingerprint === null || row.fingerprint === undefined ? null : String(row.fingerprint)]),
  );
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

/** The items of one batch with the facts each writes, merged so that a fact several items write is written once. */
class Batch {
  readonly nodes = new Map<string, NodeRow>();
  readonly links = new Map<string, LinkRow>();
  readonly aliases = new Map<string, AliasRow>();
  /** Per item: its rows (lines) and the keys of its facts. */
  readonly items: { lines: number; nodes: string[]; links: string[]; aliases: string[] }[] = [];

  add(facts: ItemFacts, lines: number): void {
    const entry = { lines, nodes: [] as string[], links: [] as string[], aliases: [] as string[] };
    // A later item's properties replace an earlier one's for the same fact, as writing them in turn would.
    for (const node of facts.nodes ?? []) {
      this.nodes.set(node.id, node);
      entry.nodes.push(node.id);
    }
    for (const link of facts.links ?? []) {
      const key = linkKey(link);
      this.links.set(key, link);
      entry.links.push(key);
    }
    for (const alias of facts.aliases ?? []) {
      const key = `${alias.id}\u0000${alias.alias}`;
      this.aliases.set(key, alias);
      entry.aliases.push(key);
    }
    this.items.push(entry);
  }

  get size(): number {
    return this.items.length;
  }
}

function linkKey(link: { from: unknown; type: unknown; to: unknown } | Record<string, unknown>): string {
  return `${String(link.from)}\u0000${String(link.type)}\u0000${String(link.to)}`;
}

/** True when an item writes at least one fact. */
function writesAnything(facts: ItemFacts): boolean {
  return (facts.nodes?.length ?? 0) + (facts.links?.length ?? 0) + (facts.aliases?.length ?? 0) > 0;
}

/**
 * Loads files in batches: each batch is one transaction that writes its items and
 * moves the file's checkpoint past them, with the running account (the step turns
 * items into facts, the graph writer writes them), so an import stopped at any point
 * (a crash, Ctrl-C, a lost database) resumes after the last committed batch, and no
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
    return `${this.options.dataset}${CHECKPOINT_SEPARATOR}${file}`;
  }

  /** Forgets earlier progress, so every file is read again. */
  async restart(): Promise<number> {
    const [row] = await this.database.writeTransaction(
      'import-restart',
      (run) => run('import-checkpoint-clear', { prefix: `${this.options.dataset}${CHECKPOINT_SEPARATOR}` }),
      { timeoutMs: this.options.batchTimeoutMs },
    );
    return Number(row?.removed ?? 0);
  }

  async load<T>(step: ImportStep<T>): Promise<StepReport> {
    const started = performance.now();
    const key = this.key(step.file);
    const [checkpoint] = await this.database.runner(() => 'import').read('import-checkpoint-get', { keys: [key] });
    const report: StepReport = { file: step.file, ...emptyAccount(), items: 0, resumedAfter: 0, seconds: 0, alreadyDone: false, changedSinceLoaded: false };
    if (checkpoint?.done === true) {
      const stored = checkpoint.fingerprint === null || checkpoint.fingerprint === undefined ? null : String(checkpoint.fingerprint);
      if (!step.fingerprint || stored === null || stored === step.fingerprint.digest) {
        Object.assign(report, restoredAccount(checkpoint), { items: Number(checkpoint.rows), alreadyDone: true });
        this.options.progress(`${step.file}: already loaded (${report.read} rows), unchanged since; --restart reads it again`);
        return report;
      }
      report.changedSinceLoaded = true;
      this.options.progress(`${step.file}: changed since it was loaded (${step.fingerprint.size} bytes now); reading it again`);
    }
    // A resumed file: the items an earlier run committed, and their outcomes, which that run stored batch by batch.
    const skip = checkpoint?.done === false ? Number(checkpoint.rows ?? 0) : 0;
    if (skip > 0) {
      const earlier = restoredAccount(checkpoint as Record<string, unknown>);
      report.created = earlier.created;
      report.updated = earlier.updated;
      report.unchanged = earlier.unchanged;
      this.options.progress(`${step.file}: resuming after ${skip} items committed earlier`);
    }
    report.resumedAfter = skip;

    let seen = 0;
    let batch = new Batch();
    let lastReport = performance.now();
    const flush = async (done: boolean) => {
      const current = batch;
      batch = new Batch();
      const outcomes = await this.database.writeTransaction(
        `import ${step.file}`,
        async (run) => {
          const counts = { created: report.created, updated: report.updated, unchanged: report.unchanged };
          if (current.size > 0) {
            const written = await writeGraphRows(
              run,
              { sources: [], nodes: [...current.nodes.values()], links: [...current.links.values()], aliases: [...current.aliases.values()] },
              this.options.actor,
            );
            const nodeOutcome = new Map(written.rows.nodes.map((row) => [String(row.id), outcomeOf(row)]));
            const linkOutcome = new Map(written.rows.links.map((row) => [linkKey(row), outcomeOf(row)]));
            const aliasOutcome = new Map(written.rows.aliases.map((row) => [`${String(row.id)}\u0000${String(row.alias)}`, outcomeOf(row)]));
            for (const item of current.items) {
              const facts: Outcome[] = [
                ...item.nodes.map((id) => nodeOutcome.get(id) ?? 'unchanged'),
                ...item.links.map((link) => linkOutcome.get(link) ?? 'unchanged'),
                ...item.aliases.map((alias) => aliasOutcome.get(alias) ?? 'unchanged'),
              ];
              const outcome: Outcome = facts.includes('created') ? 'created' : facts.includes('updated') ? 'updated' : 'unchanged';
              counts[outcome] += item.lines;
            }
          }
          await run('import-checkpoint-set', { key, rows: seen, done, ...counts });
          if (done) await run('import-checkpoint-report', { key, ...storedAccount({ ...report, ...counts }), fingerprint: step.fingerprint?.digest ?? null, size: step.fingerprint?.size ?? null });
          return counts;
        },
        { timeoutMs: this.options.batchTimeoutMs },
      );
      Object.assign(report, outcomes);
      report.items = seen;
      const now = performance.now();
      if (done || now - lastReport > 2_000) {
        lastReport = now;
        const rate = (seen - skip) / Math.max((now - started) / 1000, 0.001);
        const problems = [report.rejected ? `${report.rejected} rejected` : '', report.skipped ? `${report.skipped} skipped` : ''].filter(Boolean);
        this.options.progress(`${step.file}: ${seen} items, ${Math.round(rate)}/s${problems.length ? `, ${problems.join(', ')}` : ''}`);
      }
    };

    const skipped = (lines: number, reason: string) => {
      report.skipped += lines;
      report.skipReasons[reason] = (report.skipReasons[reason] ?? 0) + lines;
    };
    for await (const entry of step.items) {
      if ('bad' in entry) {
        report.read += 1;
        report.rejected += 1;
        if (report.badRows.length < LISTED_ROWS) report.badRows.push(entry.bad);
        continue;
      }
      if ('warning' in entry) {
        report.read += 1;
        report.skipped += 1;
        report.warned += 1;
        if (report.warnings.length < LISTED_ROWS) report.warnings.push(entry.warning);
        continue;
      }
      const lines = entry.lines ?? 1;
      report.read += lines;
      if ('skip' in entry) {
        skipped(lines, entry.skip);
        continue;
      }
      const facts = step.facts(entry.item);
      if (!writesAnything(facts)) {
        skipped(lines, 'writes no fact');
        continue;
      }
      seen += 1;
      if (seen <= skip) continue;
      batch.add(facts, lines);
      if (batch.size >= this.options.batchSize) await flush(false);
    }
    await flush(true);
    report.seconds = (performance.now() - started) / 1000;
    return report;
  }
}

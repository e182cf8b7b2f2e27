import type { BadRow } from './delimited';

/** What writing one fact did: a row returned by the graph writer, as one word. */
export type Outcome = 'created' | 'updated' | 'unchanged';

/** A fact's outcome from the graph writer's row for it (`created`, `updated` flags; `added` for a name added to a node). */
export function outcomeOf(row: Record<string, unknown>): Outcome {
  if (row.created === true || row.added === true) return 'created';
  return row.updated === true ? 'updated' : 'unchanged';
}

/**
 * What became of every row of one file: `read` = `created` + `updated` +
 * `unchanged` + `skipped` + `rejected`.
 *
 * A row's outcome is that of the facts it writes (a node, a link, a name added to a
 * node; an O*NET rating row writes its skill and, above the threshold, its
 * requirement): created when the write created any of them, else updated when it
 * changed a property of any, else unchanged. A fact that several rows of one batch
 * write is written once, and its outcome counts for each of them. A name added to
 * a node's aliases is a created fact. Skipped rows were read and not written:
 * by design (`skipReasons`, e.g. a scale the import does not use) or, `warned` of
 * them, because the release is inconsistent (listed in `warnings`).
 */
export interface StepAccount {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows read and not written: by design, and with a warning. */
  skipped: number;
  /** Of the skipped rows, those skipped with a warning (the release's own inconsistencies), the first LISTED_ROWS in `warnings`. */
  warned: number;
  /** Rows that break the format, the first LISTED_ROWS in `badRows`. */
  rejected: number;
  warnings: BadRow[];
  badRows: BadRow[];
  /** Rows skipped by design, by reason. */
  skipReasons: Record<string, number>;
}

export function emptyAccount(): StepAccount {
  return { read: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, warned: 0, rejected: 0, warnings: [], badRows: [], skipReasons: {} };
}

/** True when every row read is accounted for. */
export function accountAddsUp(account: StepAccount): boolean {
  return account.read === account.created + account.updated + account.unchanged + account.skipped + account.rejected;
}

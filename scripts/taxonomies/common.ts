/** Pieces shared by the O*NET and ESCO generators. */
import type { FileFormat } from './formats';
import type { SeededRandom } from '../support/seeded-random';
import type { OpenSink, RowSink } from './sink';

export interface GenerateOptions {
  seed: number;
  /** Multiplies every count (1 = the published release's size). */
  scale: number;
  /** Called every few thousand rows of a file, and once when it is complete. */
  progress?: (event: ProgressEvent) => void;
}

export interface ProgressEvent {
  dataset: string;
  file: string;
  rows: number;
  expected: number;
  done: boolean;
}

export interface FileReport {
  file: string;
  /** Data rows (records), not counting the header. */
  rows: number;
  bytes: number;
}

export interface DatasetReport {
  dataset: string;
  seed: number;
  scale: number;
  files: FileReport[];
}

const PROGRESS_EVERY = 20_000;

/**
 * One output file: writes the header, then rows; counts them and reports
 * progress. Rows go to the sink synchronously; `drain()` waits when the sink
 * asked to (call it after each batch of rows, e.g. per occupation).
 */
export class Table {
  rows = 0;
  private waiting: Promise<void> | null = null;

  constructor(
    private readonly sink: RowSink,
    readonly format: FileFormat,
    private readonly line: (fields: readonly (string | number)[]) => string,
    private readonly dataset: string,
    readonly expected: number,
    private readonly progress?: (event: ProgressEvent) => void,
  ) {
    this.push(line(format.header));
  }

  static open(
    open: OpenSink,
    format: FileFormat,
    line: (fields: readonly (string | number)[]) => string,
    dataset: string,
    expected: number,
    progress?: (event: ProgressEvent) => void,
  ): Table {
    return new Table(open(format.file), format, line, dataset, expected, progress);
  }

  private push(text: string): void {
    const wait = this.sink.write(text);
    if (wait) this.waiting = this.waiting ? this.waiting.then(() => wait) : wait;
  }

  row(fields: readonly (string | number)[]): void {
    if (fields.length !== this.format.header.length) {
      throw new Error(`${this.format.file}: a row of ${fields.length} fields for a header of ${this.format.header.length}`);
    }
    this.push(this.line(fields));
    this.rows++;
    if (this.progress && this.rows % PROGRESS_EVERY === 0) {
      this.progress({ dataset: this.dataset, file: this.format.file, rows: this.rows, expected: this.expected, done: false });
    }
  }

  async drain(): Promise<void> {
    while (this.waiting) {
      const waiting = this.waiting;
      this.waiting = null;
      await waiting;
    }
  }

  async close(): Promise<FileReport> {
    await this.drain();
    await this.sink.close();
    if (this.rows !== this.expected) throw new Error(`${this.format.file}: wrote ${this.rows} rows, expected ${this.expected}`);
    this.progress?.({ dataset: this.dataset, file: this.format.file, rows: this.rows, expected: this.expected, done: true });
    return { file: this.format.file, rows: this.rows, bytes: this.sink.bytes };
  }
}

/**
 * n counts in [min, max] that add up to exactly `total`, each drawn around
 * total / n (bell-shaped, +-spread), then nudged one at a time until the sum is right.
 */
export function spreadCounts(rng: SeededRandom, n: number, total: number, min: number, max: number, spread: number): Int32Array {
  if (total < n * min || total > n * max) throw new RangeError(`cannot spread ${total} over ${n} counts in [${min}, ${max}]`);
  const counts = new Int32Array(n);
  const mean = total / n;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    counts[i] = Math.round(rng.around(mean, spread, min, max));
    sum += counts[i] as number;
  }
  while (sum !== total) {
    const i = rng.int(n);
    const c = counts[i] as number;
    if (sum < total && c < max) {
      counts[i] = c + 1;
      sum++;
    } else if (sum > total && c > min) {
      counts[i] = c - 1;
      sum--;
    }
  }
  return counts;
}

/** The digits of `index` in a mixed radix (least significant first). */
export function mixedRadix(index: number, radices: readonly number[]): number[] {
  const digits: number[] = [];
  let rest = index;
  for (const radix of radices) {
    digits.push(rest % radix);
    rest = Math.floor(rest / radix);
  }
  digits.push(rest); // overflow past the product of the radices
  return digits;
}

/** A random permutation of 0..n-1. */
export function permutation(rng: SeededRandom, n: number): Uint32Array {
  const items = new Uint32Array(n);
  for (let i = 0; i < n; i++) items[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = items[i] as number;
    items[i] = items[j] as number;
    items[j] = tmp;
  }
  return items;
}

export function titleCase(text: string): string {
  return text.replace(/(^|[\s-])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase());
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** English plural of a role noun ("technician" -> "technicians", "agent" -> "agents"). */
export function plural(noun: string): string {
  if (/(s|sh|ch|x)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

/** A month as O*NET writes it: MM/YYYY. */
export function onetDate(rng: SeededRandom): string {
  return rng.pick(['08/2023', '11/2023', '08/2024', '11/2024', '08/2025']);
}

/** An instant as ESCO writes modifiedDate: ISO 8601 UTC, fraction of a second without trailing zeros. */
export function escoInstant(rng: SeededRandom): string {
  const start = Date.UTC(2016, 6, 1);
  const end = Date.UTC(2024, 4, 1);
  const ms = start + Math.floor(rng.float() * (end - start));
  const iso = new Date(ms).toISOString(); // 2023-11-22T12:21:05.480Z
  return iso.replace(/\.?0+Z$/, 'Z').replace(/\.Z$/, 'Z');
}

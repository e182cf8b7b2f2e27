import type { z } from 'zod';
import type { StepItem } from './batch-loader';
import type { FileRow } from './delimited';

/** Validates one row's values, turning a failure into a bad row that names its file, line, column and value. */
export function rowOf<S extends z.ZodType>(schema: S, row: FileRow): StepItem<z.infer<S>> {
  if (row.problem) return { bad: { file: row.file, line: row.line, problem: row.problem } };
  const parsed = schema.safeParse(row.values);
  if (parsed.success) return { item: parsed.data };
  const issue = parsed.error.issues[0];
  const column = issue?.path.join('.') ?? '';
  const value = column ? row.values[column] : undefined;
  const problem =
    value === undefined && column ? `"${column}" is missing` : `${column ? `"${column}" ` : ''}${JSON.stringify(value)?.slice(0, 80)}: ${issue?.message}`;
  return { bad: { file: row.file, line: row.line, problem } };
}

/**
 * Keeps a valid row only when every code it names is one the release defines:
 * `[column, known codes, the file that defines them]`; else a bad row naming the
 * first unknown one, or, with `unknownIs: 'warning'`, the row skipped with that
 * warning (for a release known to name concepts it does not define). Default: a bad row.
 */
export function requireKnown<T extends Record<string, unknown>>(
  parsed: StepItem<T>,
  row: FileRow,
  checks: readonly (readonly [column: keyof T & string, known: ReadonlySet<string>, definedIn: string])[],
  unknownIs: 'bad' | 'warning' = 'bad',
): StepItem<T> {
  if (!('item' in parsed)) return parsed;
  for (const [column, known, definedIn] of checks) {
    const value = String(parsed.item[column]);
    if (!known.has(value)) {
      const problem = { file: row.file, line: row.line, problem: `"${column}" ${value} is not in ${definedIn}` };
      return unknownIs === 'warning' ? { warning: problem } : { bad: problem };
    }
  }
  return parsed;
}

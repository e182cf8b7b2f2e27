import type { StepReport } from './batch-loader';

/** What one import of a dataset release did: its source, and each file's step. */
export interface ImportReport {
  source: string;
  steps: StepReport[];
}

/**
 * An import that would not start: its pre-flight pass, which reads every file before
 * anything is written, found what the options forbid (with `--strict`, any skipped
 * or rejected row). Nothing was written.
 */
export class ImportRefusedError extends Error {
  override name = 'ImportRefusedError';
}

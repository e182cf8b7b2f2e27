import type { StepReport } from './batch-loader';

/** What one import of a dataset release did: its source, and each file's step. */
export interface ImportReport {
  source: string;
  steps: StepReport[];
}

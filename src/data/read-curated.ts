import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config/repo-root';
import type { CuratedDataset } from './curated-schema';
import { CuratedDataError, validateCurated } from './validate-curated';

/** The curated graph shipped with the service. */
export function curatedDataFile(): string {
  return path.join(repoRoot(), 'data', 'curated', 'careers.json');
}

/** Reads and validates a dataset document; throws CuratedDataError naming the file. */
export function readCurated(file = curatedDataFile()): CuratedDataset {
  let input: unknown;
  try {
    input = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CuratedDataError(file, [error instanceof Error ? error.message : String(error)]);
  }
  return validateCurated(input, file);
}

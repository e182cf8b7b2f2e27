import { createHash } from 'node:crypto';
import path from 'node:path';
import type { BatchLoader, ItemFacts, StepItem, StepReport } from './batch-loader';
import { ImportFileError, type BadRow } from './delimited';
import { inspectFile, type FileFingerprint } from './file-fingerprint';
import { ImportRefusedError } from './import-report';

/** One file's pass: how its rows are read (the same in the pre-flight pass and the load) and what an item becomes. */
export interface PlannedStep {
  /** The checkpoint's name for the step (the file's name, or the name and what the pass reads). */
  file: string;
  /** The file it reads (`path`), and any other file its rows depend on (e.g. a file naming the categories its rows use). */
  path: string;
  dependsOn: readonly string[];
  /** True when its scan learns what later steps check their rows against (the concepts a release defines). */
  defines: boolean;
  /**
   * How the step turns rows into facts, when that changed since the first version: part
   * of its fingerprint, so that a file loaded by an earlier version is read again (and
   * its facts rewritten) although its bytes did not change.
   */
  revision?: string;
  scan(): AsyncIterable<StepItem<unknown>>;
  load(loader: BatchLoader, fingerprint: FileFingerprint | undefined): Promise<StepReport>;
}

/**
 * A step of an import that reads its items the same way in the pre-flight pass and in
 * the load, from `files`: the file it reads, then any file its rows depend on.
 */
export function plannedStep<T>(
  file: string,
  files: string | readonly [string, ...string[]],
  items: () => AsyncIterable<StepItem<T>>,
  facts: (item: T) => ItemFacts,
  options: { defines?: boolean; revision?: string } = {},
): PlannedStep {
  const [main, ...dependsOn] = typeof files === 'string' ? [files] : files;
  return { file, path: main, dependsOn, defines: options.defines ?? false, ...(options.revision ? { revision: options.revision } : {}), scan: items, load: (loader, fingerprint) => loader.load({ file, items: items(), facts, fingerprint }) };
}

/**
 * A step's fingerprint: its file's, or, when it depends on others, the size and a digest
 * over all of theirs; with the step's revision, if it has one, after the digest.
 */
export function stepFingerprint(step: PlannedStep, fingerprints: ReadonlyMap<string, FileFingerprint>): FileFingerprint | undefined {
  const files = filesFingerprint(step, fingerprints);
  return files && step.revision ? { ...files, digest: `${files.digest}+${step.revision}` } : files;
}

function filesFingerprint(step: PlannedStep, fingerprints: ReadonlyMap<string, FileFingerprint>): FileFingerprint | undefined {
  const own = [step.path, ...step.dependsOn].map((file) => fingerprints.get(file));
  if (own.some((fingerprint) => fingerprint === undefined)) return undefined;
  if (own.length === 1) return own[0];
  const digest = createHash('sha256');
  for (const fingerprint of own) digest.update(`${fingerprint?.digest}\n`);
  return { size: own.reduce((sum, fingerprint) => sum + (fingerprint?.size ?? 0), 0), digest: `sha256:${digest.digest('hex')}` };
}

/** What the pre-flight pass found in one step's file. */
export interface Preflight {
  file: string;
  /** Rows read, as the load will count them. */
  read: number;
  warnings: BadRow[];
  badRows: BadRow[];
}

export interface PreflightOptions {
  /** Refuse (ImportRefusedError) when any row would be skipped with a warning or rejected. */
  strict?: boolean;
  progress(line: string): void;
  /** Problems found before the pass (e.g. a missing file), reported with the ones it finds. */
  missing?: string[];
  /**
   * The steps an earlier run finished, with the fingerprint it stored (null before
   * fingerprints were kept). A finished step whose files are unchanged will not be
   * read by the load, so its rows are not read here either, unless it defines what a
   * step that is read checks. None by default (every step is read).
   */
  finished?: ReadonlyMap<string, string | null>;
}

/**
 * The pre-flight pass: before anything is written, every file the import reads is
 * read whole: fingerprinted (size and SHA-256), checked to be valid UTF-8, its
 * header checked and every row parsed as the load will parse it. A missing or
 * unreadable file, a wrong header or bytes that are not UTF-8 refuse the import
 * (ImportFileError, naming every file at fault: exit 2); with `strict`, so does any
 * row to skip with a warning or reject (ImportRefusedError: exit 1). Steps run in
 * order, so a step may rely on what an earlier one's scan learnt (the concepts a
 * release defines). A step an earlier run finished, whose files are unchanged, is
 * not read (see `finished`). Returns each step's fingerprint, for its checkpoint.
 */
export async function preflight(steps: readonly PlannedStep[], options: PreflightOptions): Promise<Map<PlannedStep, FileFingerprint>> {
  const started = performance.now();
  const faults = [...(options.missing ?? [])];
  const fingerprints = new Map<string, FileFingerprint>();
  for (const filePath of new Set(steps.flatMap((step) => [step.path, ...step.dependsOn]))) {
    try {
      const inspected = await inspectFile(filePath);
      fingerprints.set(filePath, inspected.fingerprint);
      if (inspected.invalidUtf8Line !== null) faults.push(`${path.basename(filePath)}:${inspected.invalidUtf8Line}: not valid UTF-8`);
    } catch (error) {
      faults.push(`${path.basename(filePath)}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
  }
  const unchanged = (step: PlannedStep) => {
    if (!options.finished?.has(step.file)) return false;
    const stored = options.finished.get(step.file);
    return stored === null || stored === stepFingerprint(step, fingerprints)?.digest;
  };
  const read = steps.map((step) => !unchanged(step));
  for (let index = steps.length - 2; index >= 0; index -= 1) {
    if (steps[index]?.defines && read.slice(index + 1).some(Boolean)) read[index] = true;
  }
  const found: Preflight[] = [];
  for (const [index, step] of steps.entries()) {
    if (!read[index] || !stepFingerprint(step, fingerprints)) continue;
    const result: Preflight = { file: step.file, read: 0, warnings: [], badRows: [] };
    try {
      for await (const entry of step.scan()) {
        result.read += 'item' in entry || 'skip' in entry ? (entry.lines ?? 1) : 1;
        if ('warning' in entry) result.warnings.push(entry.warning);
        else if ('bad' in entry) result.badRows.push(entry.bad);
      }
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      faults.push(error.message);
      continue;
    }
    found.push(result);
  }
  if (faults.length > 0) {
    throw new ImportFileError(`the pre-flight pass refused the release; nothing was written:\n${faults.map((fault) => `  ${fault}`).join('\n')}`);
  }
  const problems = found.filter((result) => result.warnings.length + result.badRows.length > 0);
  const passed = read.filter((flag) => !flag).length;
  options.progress(
    `pre-flight: ${fingerprints.size} files fingerprinted, ${found.length} passes read (${found.reduce((sum, result) => sum + result.read, 0)} rows)` +
      `${passed > 0 ? `, ${passed} loaded earlier and unchanged` : ''}, in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      (problems.length === 0
        ? 'no row to skip with a warning or reject'
        : problems.map((result) => `${result.file}: ${result.warnings.length} to skip, ${result.badRows.length} to reject`).join('; ')),
  );
  if (options.strict && problems.length > 0) {
    const lines = problems.flatMap((result) => [
      `${result.file}: ${result.warnings.length} row(s) to skip, ${result.badRows.length} to reject`,
      ...[...result.badRows, ...result.warnings].slice(0, 5).map((row) => `  ${row.file}:${row.line}: ${row.problem}`),
    ]);
    throw new ImportRefusedError(`--strict: the pre-flight pass found rows it would skip or reject; nothing was written\n${lines.join('\n')}`);
  }
  return new Map(steps.map((step) => [step, stepFingerprint(step, fingerprints) as FileFingerprint]));
}

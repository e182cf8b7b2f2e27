import type { StepAccount } from './step-account';

/** How many rejected and skipped rows a printed account lists; the counts are always whole. */
const PRINTED_REJECTED = 50;
const PRINTED_WARNINGS = 5;

/**
 * One file's account as the import command prints it: the counts on one line
 * (`read` = created + updated + unchanged + skipped + rejected), then the reasons
 * rows were skipped by design, the first rows skipped with a warning and the first
 * rows rejected, each with file, line and reason.
 */
export function accountLines(file: string, account: StepAccount, note = ''): string[] {
  const skipped = account.warned > 0 ? `${account.skipped} skipped (${account.warned} with a warning)` : `${account.skipped} skipped`;
  const lines = [
    `${file}: ${note}${account.read} rows read: ${account.created} created, ${account.updated} updated, ${account.unchanged} unchanged, ${skipped}, ${account.rejected} rejected`,
  ];
  for (const [reason, count] of Object.entries(account.skipReasons)) lines.push(`  skipped ${count}: ${reason}`);
  for (const row of account.warnings.slice(0, PRINTED_WARNINGS)) lines.push(`  skipped ${row.file}:${row.line}: ${row.problem}`);
  if (account.warned > PRINTED_WARNINGS) lines.push(`  ... and ${account.warned - PRINTED_WARNINGS} more skipped with a warning`);
  for (const row of account.badRows.slice(0, PRINTED_REJECTED)) lines.push(`  rejected ${row.file}:${row.line}: ${row.problem}`);
  if (account.rejected > PRINTED_REJECTED) lines.push(`  ... and ${account.rejected - PRINTED_REJECTED} more rejected`);
  return lines;
}

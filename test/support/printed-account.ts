/** One file's account as the import command prints it (src/import/account-lines.ts), read back from its output. */
export interface PrintedAccount {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  /** Rows skipped by design, by the reason printed under the counts. */
  skipReasons: Record<string, number>;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The account of `file` in the command's standard output; throws, naming the file
 * and quoting the output, when it printed none.
 */
export function printedAccount(stdout: string, file: string): PrintedAccount {
  const lines = stdout.split('\n');
  const pattern = new RegExp(
    `^${escape(file)}: (?:[^:]*, )?(\\d+) rows read: (\\d+) created, (\\d+) updated, (\\d+) unchanged, (\\d+) skipped(?: \\(\\d+ with a warning\\))?, (\\d+) rejected`,
  );
  const index = lines.findIndex((line) => pattern.test(line));
  if (index < 0) throw new Error(`no account of ${file} in the output:\n${stdout}`);
  const [, read, created, updated, unchanged, skipped, rejected] = (pattern.exec(lines[index] as string) as RegExpExecArray).map(Number);
  const skipReasons: Record<string, number> = {};
  for (const line of lines.slice(index + 1)) {
    const reason = /^ {2}skipped (\d+): (.*)$/.exec(line);
    if (!reason) break;
    skipReasons[reason[2] as string] = Number(reason[1]);
  }
  return { read, created, updated, unchanged, skipped, rejected, skipReasons } as PrintedAccount;
}

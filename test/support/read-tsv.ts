import fs from 'node:fs';

/**
 * The rows of a tab-separated file (no quoting, a header row, LF or CRLF line ends)
 * as column -> value: how the tests read a published file themselves, independently
 * of the importers they check.
 */
export function readTsv(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trimEnd().split(/\r?\n/);
  const columns = (header as string).split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((value, index) => [columns[index], value])));
}

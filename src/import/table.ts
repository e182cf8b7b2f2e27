import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { readSheet as ReadSheet, SheetNotFoundError as SheetNotFound } from 'read-excel-file/node' with { 'resolution-mode': 'import' };
import { ImportFileError, readDelimited, type FileRow } from './delimited';

// read-excel-file ships its Node build as CommonJS too, but declares its types as
// ECMAScript modules only; this CommonJS service loads that build by require.
const { readSheet, SheetNotFoundError } = createRequire(__filename)('read-excel-file/node') as { readSheet: typeof ReadSheet; SheetNotFoundError: typeof SheetNotFound };

/**
 * Streams the rows of a published table as column name -> value, whatever form the
 * publisher ships it in: an Excel workbook (`.xlsx`, its first sheet, read by
 * read-excel-file: the first sheet holding the header, so BLS's occupation.xlsx
 * gives table 1.2, its third sheet, after its index and table 1.1), tab-separated (`.tsv`, `.txt`) or comma-separated (`.csv`)
 * text. The header is the first row naming every required column, so a
 * workbook's title rows above it are passed over; rows are numbered as in the
 * file (1 is the first row). Values are strings, as a text file gives them.
 */
export async function* readTable(file: string, required: readonly string[]): AsyncGenerator<FileRow> {
  if (!fs.existsSync(file)) throw new ImportFileError(`${file}: no such file`);
  const extension = path.extname(file).toLowerCase();
  if (extension === '.tsv' || extension === '.txt') {
    yield* readDelimited(file, { delimiter: '\t', quoted: false, required });
    return;
  }
  if (extension === '.csv') {
    yield* readDelimited(file, { delimiter: ',', quoted: true, required });
    return;
  }
  if (extension !== '.xlsx') throw new ImportFileError(`${path.basename(file)}: not a table this importer reads (.xlsx, .tsv or .csv)`);
  yield* readWorkbook(file, required);
}

async function* readWorkbook(file: string, required: readonly string[]): AsyncGenerator<FileRow> {
  const name = path.basename(file);
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());
  let rows: unknown[][] = [];
  let headerIndex = -1;
  for (let sheet = 1; headerIndex < 0; sheet += 1) {
    try {
      rows = (await readSheet(file, sheet)) as unknown[][];
    } catch (error) {
      if (error instanceof SheetNotFoundError) {
        throw new ImportFileError(`${name}: no row of its sheets names ${required.map((column) => `"${column}"`).join(', ')}; is this the right file and release?`);
      }
      throw new ImportFileError(`${name}: cannot be read as an Excel workbook (${error instanceof Error ? error.message : String(error)})`);
    }
    headerIndex = rows.findIndex((row) => required.every((column) => row.some((cell) => text(cell) === column)));
  }
  const header = (rows[headerIndex] as unknown[]).map(text);
  for (let index = headerIndex + 1; index < rows.length; index += 1) {
    const cells = rows[index] as unknown[];
    if (cells.every((cell) => text(cell) === '')) continue;
    const values: Record<string, string | undefined> = {};
    header.forEach((column, position) => {
      if (column) values[column] = text(cells[position]);
    });
    yield { file: name, line: index + 1, values };
  }
}

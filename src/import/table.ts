import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { readSheet as ReadSheet, SheetNotFoundError as SheetNotFound } from 'read-excel-file/node' with { 'resolution-mode': 'import' };
import { readFile as readLegacyWorkbookFile, utils as sheetUtils } from '@e965/xlsx';
import { ImportFileError, readDelimited, type FileRow } from './delimited';

// read-excel-file ships its Node build as CommonJS too, but declares its types as
// ECMAScript modules only; this CommonJS service loads that build by require.
const { readSheet, SheetNotFoundError } = createRequire(__filename)('read-excel-file/node') as { readSheet: typeof ReadSheet; SheetNotFoundError: typeof SheetNotFound };

/**
 * Streams the rows of a published table as column name -> value, whatever form the
 * publisher ships it in: an Excel workbook (`.xlsx`, read by read-excel-file: the
 * first sheet holding the header, so BLS's occupation.xlsx gives table 1.2, its
 * third sheet, after its index and table 1.1), an Excel 97 workbook (`.xls`, the sheet named by `sheet`, else
 * its first; see readLegacyWorkbook), tab-separated (`.tsv`, `.txt`) or
 * comma-separated (`.csv`) text. The header is the first row naming every required
 * column, so a workbook's title rows above it are passed over; rows are numbered as
 * in the file (1 is the first row). Values are strings, as a text file gives them.
 */
export async function* readTable(file: string, required: readonly string[], options: { sheet?: string } = {}): AsyncGenerator<FileRow> {
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
  if (extension === '.xls') {
    yield* rowsUnderHeader(path.basename(file), readLegacyWorkbook(file, options.sheet), required, options.sheet ?? 'its first sheet');
    return;
  }
  if (extension !== '.xlsx') throw new ImportFileError(`${path.basename(file)}: not a table this importer reads (.xlsx, .xls, .tsv or .csv)`);
  yield* readWorkbook(file, required);
}

/**
 * The cells of one sheet of an Excel 97-2003 workbook (BIFF8, as the BLS still
 * publishes some tables), as text. read-excel-file reads only .xlsx; the reader here
 * is SheetJS Community Edition 0.20.3 as republished on the npm registry by
 * `@e965/xlsx`, because SheetJS no longer publishes there: the registry's own `xlsx`
 * package is stuck at 0.18.5, which has known flaws in reading crafted files
 * (CVE-2023-30533, CVE-2024-22363) that 0.20.x fixes.
 */
function readLegacyWorkbook(file: string, sheet: string | undefined): unknown[][] {
  const name = path.basename(file);
  let workbook: ReturnType<typeof readLegacyWorkbookFile>;
  try {
    workbook = readLegacyWorkbookFile(file, { dense: true, cellFormula: false, cellHTML: false });
  } catch (error) {
    throw new ImportFileError(`${name}: cannot be read as an Excel 97 workbook (${error instanceof Error ? error.message : String(error)}); save the sheet as .tsv or .csv and pass that instead`);
  }
  const chosen = sheet ?? workbook.SheetNames[0];
  const cells = chosen === undefined ? undefined : workbook.Sheets[chosen];
  if (!cells) throw new ImportFileError(`${name}: has no sheet named "${chosen ?? ''}" (its sheets: ${workbook.SheetNames.join(', ')})`);
  return sheetUtils.sheet_to_json<unknown[]>(cells, { header: 1, raw: false, defval: '', blankrows: true });
}

async function* readWorkbook(file: string, required: readonly string[]): AsyncGenerator<FileRow> {
  const name = path.basename(file);
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());
  // The first sheet whose rows name every required column.
  for (let sheet = 1; ; sheet += 1) {
    let rows: unknown[][];
    try {
      rows = (await readSheet(file, sheet)) as unknown[][];
    } catch (error) {
      if (error instanceof SheetNotFoundError) {
        throw new ImportFileError(`${name}: no row of its sheets names ${required.map((column) => `"${column}"`).join(', ')}; is this the right file and release?`);
      }
      throw new ImportFileError(`${name}: cannot be read as an Excel workbook (${error instanceof Error ? error.message : String(error)})`);
    }
    if (rows.some((row) => required.every((column) => row.some((cell) => text(cell) === column)))) {
      yield* rowsUnderHeader(name, rows, required, `sheet ${sheet}`);
      return;
    }
  }
}

/** A sheet's rows below its header (the first row naming every required column), empty rows passed over. */
function* rowsUnderHeader(name: string, rows: unknown[][], required: readonly string[], sheet: string): Generator<FileRow> {
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());
  const headerIndex = rows.findIndex((row) => required.every((column) => row.some((cell) => text(cell) === column)));
  if (headerIndex < 0) {
    throw new ImportFileError(`${name}: no row of ${sheet} names ${required.map((column) => `"${column}"`).join(', ')}; is this the right file and release?`);
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

import path from 'node:path';
import { z } from 'zod';
import type { Database } from '../../database/database';
import { ROLE_FACT } from '../../models/relations';
import { ImportFileError } from '../delimited';
import type { ImportReport } from '../import-report';
import { beginImport } from '../import-run';
import { rowOf } from '../row';
import { readTable } from '../table';
import { blsNumber, figureRowsForRoles, rolesBySoc } from './roles-by-soc';

export interface ProjectionsImportOptions {
  /** Table 1.2 of the Employment Projections (occupation.xlsx's sheet, or it as TSV or CSV). */
  file: string;
  /** The projection period, e.g. `2024-34`; read from the table's headers when not given. */
  release: string | null;
  batchSize: number;
  restart: boolean;
  progress(line: string): void;
}

const CODE = '2024 National Employment Matrix code';
const TITLE = '2024 National Employment Matrix title';
const TYPE = 'Occupation type';

/**
 * The columns of table 1.2 whose names carry the period ("Employment, 2024",
 * "Employment change, percent, 2024–34"), found by their stem; BLS writes the period
 * with an en dash.
 */
function periodColumns(header: readonly string[]) {
  const find = (pattern: RegExp) => header.find((column) => pattern.test(column));
  const change = find(/^Employment change, percent, \d{4}[–-]\d{2}$/);
  const base = find(/^Employment, \d{4}$/);
  const projected = header.filter((column) => /^Employment, \d{4}$/.test(column))[1];
  if (!change || !base || !projected) {
    throw new ImportFileError('table 1.2 lacks "Employment, <year>" twice and "Employment change, percent, <period>"; is this the right table?');
  }
  return { change, base, projected, period: (/\d{4}[–-]\d{2}$/.exec(change)?.[0] ?? '').replace('–', '-') };
}

/**
 * Employment Projections, table 1.2: each detailed occupation ("Line item") becomes
 * one growth figure per role of that SOC code, with the projected percent change
 * over the period and the employment at both ends (the table counts thousands,
 * self-employed included; stored as people). Summary rows are read and skipped.
 */
export async function importProjections(database: Database, options: ProjectionsImportOptions): Promise<ImportReport> {
  const name = path.basename(options.file);
  const bySoc = await rolesBySoc(database);
  // The first row tells the columns, and so the period.
  let columns: ReturnType<typeof periodColumns> | null = null;
  for await (const row of readTable(options.file, [CODE, TITLE, TYPE])) {
    columns = periodColumns(Object.keys(row.values));
    break;
  }
  if (!columns) throw new ImportFileError(`${name}: no occupation rows`);
  const { change, base, projected } = columns;
  const period = options.release ?? columns.period;
  const sourceId = `bls-ep-${period}`;
  const source = { id: sourceId, title: `U.S. Bureau of Labor Statistics, Employment Projections ${period}, table 1.2` };
  const { loader, cite, finish } = await beginImport(database, source, { taxonomy: 'bls-projections', release: period }, options);
  const projectionRow = z.object({
    [CODE]: z.string().regex(/^\d{2}-\d{4}$/, 'a SOC code such as 27-4014'),
    [TITLE]: z.string().trim().min(1, 'a non-empty title'),
    [change]: z.string().refine((value) => blsNumber(value) !== null, 'a number'),
    [base]: z.string().optional(),
    [projected]: z.string().optional(),
  });
  let unmatched = 0;

  const step = await loader.load<Record<string, string>>({
    file: name,
    items: (async function* () {
      for await (const row of readTable(options.file, [CODE, TITLE, TYPE, change, base])) {
        if (row.values[TYPE] !== 'Line item') {
          yield { skip: 'a summary row: not a detailed occupation' };
          continue;
        }
        const parsed = rowOf(projectionRow, row) as { item: Record<string, string> } | { bad: { file: string; line: number; problem: string } };
        if ('item' in parsed && !bySoc.has(parsed.item[CODE] as string)) {
          unmatched += 1;
          yield { skip: "no role carries the row's SOC code" };
          continue;
        }
        yield parsed;
      }
    })(),
    facts: (row) => {
      const people = (value: string | undefined) => {
        const thousands = blsNumber(value);
        return thousands === null ? null : Math.round(thousands * 1000);
      };
      const code = row[CODE] as string;
        const rows = figureRowsForRoles(bySoc.get(code) ?? [], {
          sourceId,
          label: 'GrowthFigure',
          type: ROLE_FACT.growth,
          cite,
          properties: {
            percent: blsNumber(row[change]),
            period,
            provider: 'U.S. Bureau of Labor Statistics (Employment Projections)',
            population: `${row[TITLE]} (SOC ${code}), national, self-employed included`,
            socCode: code,
            baseEmployment: people(row[base]),
            projectedEmployment: people(row[projected]),
          },
        });
        return rows;
    },
  });
  options.progress(`${name}: ${unmatched} detailed occupation(s) of the table match no role's O*NET-SOC code`);
  await finish([step]);
  return { source: sourceId, steps: [step] };
}

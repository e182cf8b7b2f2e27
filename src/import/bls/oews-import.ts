import path from 'node:path';
import { z } from 'zod';
import type { Database } from '../../database/database';
import { ROLE_FACT } from '../../models/relations';
import type { ImportReport } from '../import-report';
import { beginImport } from '../import-run';
import { rowOf } from '../row';
import { readTable } from '../table';
import { blsNumber, figureRowsForRoles, rolesBySoc } from './roles-by-soc';

export interface OewsImportOptions {
  /** The national table: BLS's workbook (`national_M2024_dl.xlsx`) or the same table as TSV or CSV. */
  file: string;
  /** The reference month, e.g. `M2024` (May 2024); read from the file name when it holds one. */
  release: string;
  batchSize: number;
  restart: boolean;
  progress(line: string): void;
}

/** The release (`M2024`) a file name such as national_M2024_dl.xlsx names, or null. */
export function oewsReleaseFromFile(file: string): string | null {
  return /M(\d{4})/.exec(path.basename(file))?.[0] ?? null;
}

const WAGES = ['A_MEAN', 'A_PCT10', 'A_PCT25', 'A_MEDIAN', 'A_PCT75', 'A_PCT90'] as const;
const REQUIRED = ['OCC_CODE', 'OCC_TITLE', 'O_GROUP', 'TOT_EMP', ...WAGES];

const oewsRow = z.object({
  OCC_CODE: z.string().regex(/^\d{2}-\d{4}$/, 'a SOC code such as 27-4014'),
  OCC_TITLE: z.string().trim().min(1, 'a non-empty title'),
  O_GROUP: z.string(),
  TOT_EMP: z.string().optional(),
  ...Object.fromEntries(WAGES.map((column) => [column, z.string().optional()])),
});
type OewsRow = z.infer<typeof oewsRow> & Partial<Record<(typeof WAGES)[number], string>>;

/** BLS's footnote for a wage at or above the top of its range: "#" in the table. */
const TOP_CODED = '#';

/**
 * OEWS national wages, all industries: each detailed occupation's annual wages
 * (median, mean, 10th to 90th percentiles) and employment become one salary figure
 * per role of that SOC code (imported O*NET occupations and curated roles that carry
 * an O*NET-SOC code), citing the release. Figures of the same role from other
 * sources (the curated 2017 PayScale median) stay beside them. Rows of broad,
 * minor and major groups are read and skipped; codes no role carries are counted.
 */
export async function importOews(database: Database, options: OewsImportOptions): Promise<ImportReport> {
  const release = options.release;
  const year = Number(release.slice(1));
  const sourceId = `bls-oews-${release.toLowerCase()}`;
  const source = { id: sourceId, title: `U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May ${year}, national, all industries` };
  const { loader, cite, finish } = await beginImport(database, source, { taxonomy: 'bls-oews', release }, options);
  const bySoc = await rolesBySoc(database);
  const name = path.basename(options.file);
  let unmatched = 0;

  const step = await loader.load<OewsRow>({
    file: name,
    items: (async function* () {
      for await (const row of readTable(options.file, REQUIRED)) {
        if (row.values.O_GROUP !== 'detailed') {
          yield { skip: `${row.values.O_GROUP || 'a'} group row: not a detailed occupation` };
          continue;
        }
        const parsed = rowOf(oewsRow, row) as { item: OewsRow } | { bad: { file: string; line: number; problem: string } };
        if ('item' in parsed && !bySoc.has(parsed.item.OCC_CODE)) {
          unmatched += 1;
          yield { skip: "no role carries the row's SOC code" };
          continue;
        }
        yield parsed;
      }
    })(),
    facts: (row) => {
      const roles = bySoc.get(row.OCC_CODE) ?? [];
      const wages = Object.fromEntries(WAGES.map((column) => [column, blsNumber(row[column])]));
        const topCoded = WAGES.filter((column) => row[column]?.trim() === TOP_CODED);
        const rows = figureRowsForRoles(roles, {
          sourceId,
          label: 'SalaryFigure',
          type: ROLE_FACT.salaries,
          cite,
          properties: {
            median: wages.A_MEDIAN,
            mean: wages.A_MEAN,
            p10: wages.A_PCT10,
            p25: wages.A_PCT25,
            p75: wages.A_PCT75,
            p90: wages.A_PCT90,
            low: null,
            high: null,
            employment: blsNumber(row.TOT_EMP),
            currency: 'USD',
            year,
            period: 'annual',
            statistic: 'median',
            provider: 'U.S. Bureau of Labor Statistics (OEWS)',
            population: `${row.OCC_TITLE} (SOC ${row.OCC_CODE}), national, all industries, May ${year}`,
            socCode: row.OCC_CODE,
            note: topCoded.length > 0 ? `BLS marks ${topCoded.join(', ')} as at or above its top wage ("#")` : null,
          },
        });
        return rows;
    },
  });
  options.progress(`${name}: ${unmatched} detailed occupation(s) of the table match no role's O*NET-SOC code`);
  await finish([step]);
  return { source: sourceId, steps: [step] };
}

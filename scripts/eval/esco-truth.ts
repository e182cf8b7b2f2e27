import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * What the evaluation takes as ground truth for ESCO, read from the files with a
 * reader of its own: each occupation's ISCO-08 unit group (ESCO's own placement),
 * and its O*NET-SOC occupations by O*NET's ESCO to O*NET-SOC crosswalk (the TSV the
 * releases folder carries beside the workbook).
 */
export interface EscoTruth {
  occupations: { uri: string; code: string; iscoGroup: string }[];
  /** O*NET-SOC codes by ESCO occupation code. */
  onetByEscoCode: Map<string, string[]>;
}

export function readEscoTruth(englishDir: string, crosswalkTsv: string): EscoTruth {
  const records = parse(fs.readFileSync(path.join(englishDir, 'occupations_en.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  const occupations = records.map((row) => ({ uri: row.conceptUri as string, code: (row.code ?? '').trim(), iscoGroup: row.iscoGroup as string }));
  const onetByEscoCode = new Map<string, string[]>();
  const [header, ...lines] = fs.readFileSync(crosswalkTsv, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const columns = (header as string).split('\t');
  const esco = columns.indexOf('ESCO/ISCO Code');
  const onet = columns.indexOf('O*NET-SOC 2019 Code');
  for (const line of lines) {
    const cells = line.split('\t');
    const code = (cells[esco] ?? '').trim();
    if (!code.includes('.')) continue; // a four-digit ISCO group, not an ESCO occupation
    onetByEscoCode.set(code, [...(onetByEscoCode.get(code) ?? []), (cells[onet] ?? '').trim()]);
  }
  return { occupations, onetByEscoCode };
}

import fs from 'node:fs';
import path from 'node:path';

/**
 * What the evaluation takes as ground truth from the O*NET text release, read here
 * from the files with a reader of its own (never through the importer or the graph):
 * each occupation's Related Occupations list, and its skills and knowledge areas by
 * importance. Neither is a feature of the similarity being measured: the first is
 * O*NET's own editorial list, the second is what a person holding the occupation has.
 */
export interface OnetTruth {
  /** Every occupation code of Occupation Data.txt. */
  occupations: string[];
  /** Related occupations by code, in O*NET's order: tier and index. */
  related: Map<string, { code: string; tier: string; index: number }[]>;
  /** Rated skill and knowledge element ids by occupation, most important first (ties: element id). */
  byImportance: Map<string, string[]>;
}

function rows(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const columns = (header as string).split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((value, index) => [columns[index], value])));
}

export function readOnetTruth(dir: string): OnetTruth {
  const occupations = rows(path.join(dir, 'Occupation Data.txt')).map((row) => row['O*NET-SOC Code'] as string);
  const related = new Map<string, { code: string; tier: string; index: number }[]>();
  for (const row of rows(path.join(dir, 'Related Occupations.txt'))) {
    const list = related.get(row['O*NET-SOC Code'] as string) ?? [];
    list.push({ code: row['Related O*NET-SOC Code'] as string, tier: row['Relatedness Tier'] as string, index: Number(row.Index) });
    related.set(row['O*NET-SOC Code'] as string, list);
  }
  for (const list of related.values()) list.sort((a, b) => a.index - b.index);
  const ratings = new Map<string, { element: string; importance: number }[]>();
  for (const file of ['Skills.txt', 'Knowledge.txt']) {
    for (const row of rows(path.join(dir, file))) {
      if (row['Scale ID'] !== 'IM') continue;
      const list = ratings.get(row['O*NET-SOC Code'] as string) ?? [];
      list.push({ element: row['Element ID'] as string, importance: Number(row['Data Value']) });
      ratings.set(row['O*NET-SOC Code'] as string, list);
    }
  }
  const byImportance = new Map(
    [...ratings].map(([code, list]) => [code, list.sort((a, b) => b.importance - a.importance || a.element.localeCompare(b.element)).map((entry) => entry.element)]),
  );
  return { occupations, related, byImportance };
}

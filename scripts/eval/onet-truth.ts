import fs from 'node:fs';
import path from 'node:path';

/**
 * What the evaluation takes as ground truth from the O*NET text release, read here
 * from the files with a reader of its own (never through the importer or the graph):
 * each occupation's Related Occupations list, its skills and knowledge areas by
 * importance, and the names it goes by. None is a feature of what is measured: the
 * first is O*NET's own editorial list, the second what a person holding the
 * occupation has, the third what people call it.
 */
export interface OnetTruth {
  /** Every occupation code of Occupation Data.txt. */
  occupations: string[];
  /** Each occupation's title. */
  titles: Map<string, string>;
  /** Each occupation's first alternate title (Alternate Titles.txt, in its order) that no other occupation lists, if any. */
  ownAlternate: Map<string, string>;
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
  const occupationRows = rows(path.join(dir, 'Occupation Data.txt'));
  const occupations = occupationRows.map((row) => row['O*NET-SOC Code'] as string);
  const titles = new Map(occupationRows.map((row) => [row['O*NET-SOC Code'] as string, row.Title as string]));
  const alternates = rows(path.join(dir, 'Alternate Titles.txt')).map((row) => ({ code: row['O*NET-SOC Code'] as string, title: row['Alternate Title'] as string }));
  const listers = new Map<string, Set<string>>();
  for (const { code, title } of alternates) listers.set(title.toLowerCase(), (listers.get(title.toLowerCase()) ?? new Set()).add(code));
  const ownAlternate = new Map<string, string>();
  for (const { code, title } of alternates) if (!ownAlternate.has(code) && listers.get(title.toLowerCase())?.size === 1) ownAlternate.set(code, title);
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
  return { occupations, titles, ownAlternate, related, byImportance };
}

/**
 * File names and header rows of the published bulk formats that the fixtures
 * and the generator write (see docs/taxonomy-formats.md for where each was
 * confirmed), and the writers of one line of each.
 *
 * O*NET: the tab-delimited text release (db_30_x_text), one header row, no
 * quoting (no field holds a tab or a line break), "n/a" for a value that does
 * not apply. The text release has no Title / Scale Name / Commodity-less
 * convenience columns: those are only in the Excel release.
 *
 * ESCO: the CSV download (v1.2, English), comma-separated, RFC 4180 quoting
 * only where a field needs it (a comma, a double quote or a line break), label
 * lists (altLabels, hiddenLabels) as one label per line inside one quoted field,
 * inScheme as URIs separated by a comma and a line break.
 */

export interface FileFormat {
  readonly file: string;
  readonly header: readonly string[];
}

export const ONET_FORMATS = {
  occupationData: { file: 'Occupation Data.txt', header: ['O*NET-SOC Code', 'Title', 'Description'] },
  alternateTitles: { file: 'Alternate Titles.txt', header: ['O*NET-SOC Code', 'Alternate Title', 'Short Title', 'Source(s)'] },
  skills: {
    file: 'Skills.txt',
    header: [
      'O*NET-SOC Code',
      'Element ID',
      'Element Name',
      'Scale ID',
      'Data Value',
      'N',
      'Standard Error',
      'Lower CI Bound',
      'Upper CI Bound',
      'Recommend Suppress',
      'Not Relevant',
      'Date',
      'Domain Source',
    ],
  },
  knowledge: {
    file: 'Knowledge.txt',
    header: [
      'O*NET-SOC Code',
      'Element ID',
      'Element Name',
      'Scale ID',
      'Data Value',
      'N',
      'Standard Error',
      'Lower CI Bound',
      'Upper CI Bound',
      'Recommend Suppress',
      'Not Relevant',
      'Date',
      'Domain Source',
    ],
  },
  taskStatements: {
    file: 'Task Statements.txt',
    header: ['O*NET-SOC Code', 'Task ID', 'Task', 'Task Type', 'Incumbents Responding', 'Date', 'Domain Source'],
  },
  technologySkills: {
    file: 'Technology Skills.txt',
    header: ['O*NET-SOC Code', 'Example', 'Commodity Code', 'Commodity Title', 'Hot Technology', 'In Demand'],
  },
  relatedOccupations: {
    file: 'Related Occupations.txt',
    header: ['O*NET-SOC Code', 'Related O*NET-SOC Code', 'Relatedness Tier', 'Index'],
  },
  jobZones: { file: 'Job Zones.txt', header: ['O*NET-SOC Code', 'Job Zone', 'Date', 'Domain Source'] },
  education: {
    file: 'Education, Training, and Experience.txt',
    header: [
      'O*NET-SOC Code',
      'Element ID',
      'Element Name',
      'Scale ID',
      'Category',
      'Data Value',
      'N',
      'Standard Error',
      'Lower CI Bound',
      'Upper CI Bound',
      'Recommend Suppress',
      'Date',
      'Domain Source',
    ],
  },
  educationCategories: {
    file: 'Education, Training, and Experience Categories.txt',
    header: ['Element ID', 'Element Name', 'Scale ID', 'Category', 'Category Description'],
  },
} as const satisfies Record<string, FileFormat>;

export const ESCO_FORMATS = {
  occupations: {
    file: 'occupations_en.csv',
    header: [
      'conceptType',
      'conceptUri',
      'iscoGroup',
      'preferredLabel',
      'altLabels',
      'hiddenLabels',
      'status',
      'modifiedDate',
      'regulatedProfessionNote',
      'scopeNote',
      'definition',
      'inScheme',
      'description',
      'code',
    ],
  },
  skills: {
    file: 'skills_en.csv',
    header: [
      'conceptType',
      'conceptUri',
      'skillType',
      'reuseLevel',
      'preferredLabel',
      'altLabels',
      'hiddenLabels',
      'status',
      'modifiedDate',
      'scopeNote',
      'definition',
      'inScheme',
      'description',
    ],
  },
  occupationSkillRelations: {
    file: 'occupationSkillRelations_en.csv',
    header: ['occupationUri', 'relationType', 'skillType', 'skillUri'],
  },
  skillSkillRelations: {
    file: 'skillSkillRelations_en.csv',
    header: ['originalSkillUri', 'originalSkillType', 'relationType', 'relatedSkillType', 'relatedSkillUri'],
  },
} as const satisfies Record<string, FileFormat>;

export const ESCO_URI = {
  occupation: 'http://data.europa.eu/esco/occupation/',
  skill: 'http://data.europa.eu/esco/skill/',
  occupationSchemes: 'http://data.europa.eu/esco/concept-scheme/occupations,\nhttp://data.europa.eu/esco/concept-scheme/member-occupations',
  skillSchemes: 'http://data.europa.eu/esco/concept-scheme/skills,\nhttp://data.europa.eu/esco/concept-scheme/member-skills',
  unregulated: 'http://data.europa.eu/esco/regulated-professions/unregulated',
} as const;

/** One line of an O*NET text file: fields joined by tabs, LF-terminated. */
export function tsvLine(fields: readonly (string | number)[]): string {
  for (const field of fields) {
    if (typeof field === 'string' && /[\t\r\n]/.test(field)) throw new Error(`an O*NET field cannot hold a tab or line break: ${JSON.stringify(field)}`);
  }
  return `${fields.join('\t')}\n`;
}

/** One CSV field, quoted (with doubled quotes) only when it holds a comma, quote or line break. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line (record) of an ESCO CSV file, LF-terminated. */
export function csvLine(fields: readonly (string | number)[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

/**
 * Parses CSV text (RFC 4180: quoted fields may hold commas, doubled quotes and
 * line breaks) into records, each with the 1-based line it starts on. For
 * checking generated and fixture files; the importers have their own reader.
 */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let atRecordStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (atRecordStart) {
      start = line;
      atRecordStart = false;
    }
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: start, fields });
      fields = [];
      field = '';
      line++;
      atRecordStart = true;
    } else field += c;
  }
  if (!atRecordStart) {
    fields.push(field);
    records.push({ line: start, fields });
  }
  return records;
}

/** Parses tab-delimited text (no quoting) into records with their 1-based lines. */
export function parseTsv(text: string): { line: number; fields: string[] }[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((raw, i) => ({ line: i + 1, fields: raw.replace(/\r$/, '').split('\t') }));
}

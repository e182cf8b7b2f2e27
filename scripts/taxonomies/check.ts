/**
 * Checks a set of taxonomy files against the formats: exact headers, the
 * number of fields of each row, value ranges, well-formed codes and URIs, and
 * that every relation names an occupation, skill or element that exists. Used
 * by the tests on the fixtures (the good ones must pass, the bad ones must fail
 * exactly on their listed rows) and on generated files. One problem at most
 * is reported per row: the first found.
 */
import { ESCO_FORMATS, ONET_FORMATS, parseCsv, parseTsv, type FileFormat } from './formats';

export interface Problem {
  file: string;
  line: number;
  message: string;
}

/** Returns a file's text, or null when the file is absent. */
export type ReadFile = (file: string) => string | null;

type Row = { line: number; values: Record<string, string> };

const SOC = /^\d{2}-\d{4}\.\d{2}$/;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const ESCO_OCCUPATION_URI = new RegExp(`^http://data\\.europa\\.eu/esco/occupation/${UUID}$`);
export const ESCO_SKILL_URI = new RegExp(`^http://data\\.europa\\.eu/esco/skill/${UUID}$`);
const NUMBER = /^-?\d+(\.\d+)?$/;

class Checker {
  readonly problems: Problem[] = [];
  constructor(private readonly read: ReadFile) {}

  /**
   * The rows of a file whose header is exactly the format's, with a value for
   * every column; a row with another number of fields is a problem and left out.
   */
  rows(format: FileFormat, parse: (text: string) => { line: number; fields: string[] }[]): Row[] {
    const text = this.read(format.file);
    if (text === null) {
      this.problems.push({ file: format.file, line: 0, message: 'file missing' });
      return [];
    }
    const [header, ...records] = parse(text);
    if (!header || header.fields.join('\u0000') !== format.header.join('\u0000')) {
      this.problems.push({ file: format.file, line: 1, message: `header is ${JSON.stringify(header?.fields)}, expected ${JSON.stringify(format.header)}` });
      return [];
    }
    const rows: Row[] = [];
    for (const record of records) {
      if (record.fields.length !== format.header.length) {
        this.problem(format, record.line, `${record.fields.length} fields for ${format.header.length} columns`);
        continue;
      }
      const values: Record<string, string> = {};
      format.header.forEach((column, i) => (values[column] = record.fields[i] as string));
      rows.push({ line: record.line, values });
    }
    return rows;
  }

  problem(format: FileFormat, line: number, message: string): void {
    this.problems.push({ file: format.file, line, message });
  }

  /** Runs the checks of each row in order, keeping the first failure. */
  each(format: FileFormat, rows: Row[], checks: (v: Record<string, string>) => (string | null | false | undefined)[]): void {
    for (const row of rows) {
      const failure = checks(row.values).find((result) => typeof result === 'string');
      if (failure) this.problem(format, row.line, failure);
    }
  }
}

const inRange = (value: string, low: number, high: number, what: string) =>
  !NUMBER.test(value) ? `${what} ${JSON.stringify(value)} is not a number` : Number(value) < low || Number(value) > high ? `${what} ${value} is out of range ${low}-${high}` : null;

export function checkOnet(read: ReadFile): Problem[] {
  const c = new Checker(read);
  const f = ONET_FORMATS;
  const occupations = c.rows(f.occupationData, parseTsv);
  const codes = new Set<string>();
  c.each(f.occupationData, occupations, (v) => [
    !SOC.test(v['O*NET-SOC Code'] as string) && `malformed O*NET-SOC code ${v['O*NET-SOC Code']}`,
    codes.has(v['O*NET-SOC Code'] as string) && `duplicate occupation ${v['O*NET-SOC Code']}`,
    !v.Title && 'empty Title',
    (SOC.test(v['O*NET-SOC Code'] as string) && codes.add(v['O*NET-SOC Code'] as string), null),
  ]);
  const known = (code: string | undefined) => (!SOC.test(code ?? '') ? `malformed O*NET-SOC code ${code}` : !codes.has(code as string) ? `unknown occupation ${code}` : null);

  c.each(f.alternateTitles, c.rows(f.alternateTitles, parseTsv), (v) => [known(v['O*NET-SOC Code']), !v['Alternate Title'] && 'empty Alternate Title']);
  for (const format of [f.skills, f.knowledge]) {
    const seen = new Set<string>();
    c.each(format, c.rows(format, parseTsv), (v) => {
      const key = `${v['O*NET-SOC Code']}|${v['Element ID']}|${v['Scale ID']}`;
      const duplicate = seen.has(key);
      seen.add(key);
      return [
        known(v['O*NET-SOC Code']),
        !/^2\.[A-C](\.[0-9A-Za-z]+)+$/.test(v['Element ID'] as string) && `malformed Element ID ${v['Element ID']}`,
        v['Scale ID'] === 'IM' ? inRange(v['Data Value'] as string, 1, 5, 'IM Data Value') : v['Scale ID'] === 'LV' ? inRange(v['Data Value'] as string, 0, 7, 'LV Data Value') : `unknown Scale ID ${v['Scale ID']}`,
        !/^(Y|N|n\/a)$/.test(v['Recommend Suppress'] as string) && `Recommend Suppress ${v['Recommend Suppress']}`,
        !/^(Y|N|n\/a)$/.test(v['Not Relevant'] as string) && `Not Relevant ${v['Not Relevant']}`,
        !/^\d{2}\/\d{4}$/.test(v.Date as string) && `Date ${v.Date} is not MM/YYYY`,
        duplicate && `duplicate rating ${key}`,
      ];
    });
  }
  const taskIds = new Set<string>();
  c.each(f.taskStatements, c.rows(f.taskStatements, parseTsv), (v) => [
    known(v['O*NET-SOC Code']),
    !/^\d+$/.test(v['Task ID'] as string) && `Task ID ${v['Task ID']} is not a number`,
    taskIds.has(v['Task ID'] as string) && `duplicate Task ID ${v['Task ID']}`,
    (taskIds.add(v['Task ID'] as string), null),
    !['Core', 'Supplemental', 'n/a'].includes(v['Task Type'] as string) && `Task Type ${v['Task Type']}`,
    !v.Task && 'empty Task',
  ]);
  c.each(f.technologySkills, c.rows(f.technologySkills, parseTsv), (v) => [
    known(v['O*NET-SOC Code']),
    !/^\d{8}$/.test(v['Commodity Code'] as string) && `Commodity Code ${v['Commodity Code']}`,
    !/^[YN]$/.test(v['Hot Technology'] as string) && `Hot Technology ${v['Hot Technology']}`,
    !/^[YN]$/.test(v['In Demand'] as string) && `In Demand ${v['In Demand']}`,
  ]);
  const links = new Set<string>();
  c.each(f.relatedOccupations, c.rows(f.relatedOccupations, parseTsv), (v) => {
    const key = `${v['O*NET-SOC Code']}|${v['Related O*NET-SOC Code']}`;
    const duplicate = links.has(key);
    links.add(key);
    return [
      known(v['O*NET-SOC Code']),
      known(v['Related O*NET-SOC Code']),
      v['O*NET-SOC Code'] === v['Related O*NET-SOC Code'] && 'an occupation related to itself',
      !['Primary-Short', 'Primary-Long', 'Supplemental'].includes(v['Relatedness Tier'] as string) && `Relatedness Tier ${v['Relatedness Tier']}`,
      inRange(v.Index as string, 1, 20, 'Index'),
      duplicate && `duplicate link ${key}`,
    ];
  });
  c.each(f.jobZones, c.rows(f.jobZones, parseTsv), (v) => [known(v['O*NET-SOC Code']), !/^[1-5]$/.test(v['Job Zone'] as string) && `Job Zone ${v['Job Zone']} is out of range 1-5`]);
  const totals = new Map<string, { line: number; sum: number }>();
  const educationFormat = f.education;
  c.each(educationFormat, c.rows(educationFormat, parseTsv), (v) => {
    const key = `${v['O*NET-SOC Code']}|${v['Scale ID']}`;
    const total = totals.get(key) ?? { line: 0, sum: 0 };
    total.sum += Number(v['Data Value']);
    totals.set(key, total);
    return [known(v['O*NET-SOC Code']), !/^\d+$/.test(v.Category as string) && `Category ${v.Category}`, inRange(v['Data Value'] as string, 0, 100, 'Data Value')];
  });
  for (const [key, { sum }] of totals) {
    if (Math.abs(sum - 100) > 0.1) c.problem(educationFormat, 0, `${key}: percentages add up to ${sum.toFixed(2)}`);
  }
  c.each(f.educationCategories, c.rows(f.educationCategories, parseTsv), (v) => [!/^\d+$/.test(v.Category as string) && `Category ${v.Category}`, !v['Category Description'] && 'empty Category Description']);
  return c.problems;
}

export function checkEsco(read: ReadFile): Problem[] {
  const c = new Checker(read);
  const f = ESCO_FORMATS;
  const occupations = new Set<string>();
  c.each(f.occupations, c.rows(f.occupations, parseCsv), (v) => [
    !ESCO_OCCUPATION_URI.test(v.conceptUri as string) && `malformed occupation URI ${v.conceptUri}`,
    occupations.has(v.conceptUri as string) && `duplicate occupation ${v.conceptUri}`,
    v.conceptType !== 'Occupation' && `conceptType ${v.conceptType}`,
    !/^\d{4}$/.test(v.iscoGroup as string) && `iscoGroup ${v.iscoGroup}`,
    !(v.code as string).startsWith(`${v.iscoGroup}.`) && `code ${v.code} is not under ISCO group ${v.iscoGroup}`,
    !v.preferredLabel && 'empty preferredLabel',
    (ESCO_OCCUPATION_URI.test(v.conceptUri as string) && occupations.add(v.conceptUri as string), null),
  ]);
  const skills = new Map<string, string>();
  c.each(f.skills, c.rows(f.skills, parseCsv), (v) => [
    !ESCO_SKILL_URI.test(v.conceptUri as string) && `malformed skill URI ${v.conceptUri}`,
    skills.has(v.conceptUri as string) && `duplicate skill ${v.conceptUri}`,
    v.conceptType !== 'KnowledgeSkillCompetence' && `conceptType ${v.conceptType}`,
    !['knowledge', 'skill/competence'].includes(v.skillType as string) && `skillType ${v.skillType}`,
    !['transversal', 'cross-sector', 'sector-specific', 'occupation-specific'].includes(v.reuseLevel as string) && `reuseLevel ${v.reuseLevel}`,
    !v.preferredLabel && 'empty preferredLabel',
    (ESCO_SKILL_URI.test(v.conceptUri as string) && skills.set(v.conceptUri as string, v.skillType as string), null),
  ]);
  const skill = (uri: string | undefined, type: string | undefined, what: string) =>
    !ESCO_SKILL_URI.test(uri ?? '') ? `malformed ${what} URI ${uri}` : !skills.has(uri as string) ? `unknown ${what} ${uri}` : skills.get(uri as string) !== type ? `${what} type ${type} is not the skill's ${skills.get(uri as string)}` : null;
  const pairs = new Set<string>();
  c.each(f.occupationSkillRelations, c.rows(f.occupationSkillRelations, parseCsv), (v) => {
    const key = `${v.occupationUri}|${v.skillUri}`;
    const duplicate = pairs.has(key);
    pairs.add(key);
    return [
      !ESCO_OCCUPATION_URI.test(v.occupationUri as string) ? `malformed occupation URI ${v.occupationUri}` : !occupations.has(v.occupationUri as string) && `unknown occupation ${v.occupationUri}`,
      skill(v.skillUri, v.skillType, 'skill'),
      !['essential', 'optional'].includes(v.relationType as string) && `relationType ${v.relationType}`,
      duplicate && `duplicate relation ${key}`,
    ];
  });
  const skillPairs = new Set<string>();
  c.each(f.skillSkillRelations, c.rows(f.skillSkillRelations, parseCsv), (v) => {
    const key = `${v.originalSkillUri}|${v.relatedSkillUri}`;
    const duplicate = skillPairs.has(key);
    skillPairs.add(key);
    return [
      skill(v.originalSkillUri, v.originalSkillType, 'original skill'),
      skill(v.relatedSkillUri, v.relatedSkillType, 'related skill'),
      v.originalSkillUri === v.relatedSkillUri && 'a skill related to itself',
      !['essential', 'optional'].includes(v.relationType as string) && `relationType ${v.relationType}`,
      duplicate && `duplicate relation ${key}`,
    ];
  });
  return c.problems;
}

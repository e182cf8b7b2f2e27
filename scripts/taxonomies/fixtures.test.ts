import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config/repo-root';
import { checkEsco, checkOnet, type ReadFile } from './check';
import { ESCO_FORMATS, ONET_FORMATS, parseCsv, parseTsv } from './formats';

const fixtures = path.join(repoRoot(), 'test', 'fixtures');
const reader =
  (dir: string): ReadFile =>
  (file) => {
    const full = path.join(fixtures, dir, file);
    return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : null;
  };

interface BadRow {
  file: string;
  line: number;
  column: string;
  value: string | null;
  problem: string;
}
const badRows = (dir: string): BadRow[] => JSON.parse(fs.readFileSync(path.join(fixtures, dir, 'bad-rows.json'), 'utf8')) as BadRow[];

describe('taxonomy fixtures', () => {
  it('have exactly the published headers, tab-delimited for O*NET and comma-separated for ESCO', () => {
    for (const dir of ['onet', 'onet-bad']) {
      for (const format of Object.values(ONET_FORMATS)) {
        const text = reader(dir)(format.file);
        expect(text).not.toBeNull();
        expect(text!.split('\n')[0]).toBe(format.header.join('\t'));
      }
    }
    for (const dir of ['esco', 'esco-bad']) {
      for (const format of Object.values(ESCO_FORMATS)) {
        const text = reader(dir)(format.file);
        expect(text).not.toBeNull();
        expect(text!.split('\n')[0]).toBe(format.header.join(','));
      }
    }
  });

  it('are UTF-8 without a byte-order mark, with LF line ends', () => {
    for (const dir of ['onet', 'esco', 'onet-bad', 'esco-bad']) {
      for (const file of fs.readdirSync(path.join(fixtures, dir)).filter((name) => /\.(txt|csv)$/.test(name))) {
        const bytes = fs.readFileSync(path.join(fixtures, dir, file));
        expect([dir, file, bytes[0] === 0xef]).toEqual([dir, file, false]);
        expect([dir, file, bytes.includes(0x0d)]).toEqual([dir, file, false]);
        expect(bytes.toString('utf8').endsWith('\n')).toBe(true);
      }
    }
  });

  it('good folders pass every check: ranges, codes, URIs, and relations naming what exists', () => {
    expect(checkOnet(reader('onet'))).toEqual([]);
    expect(checkEsco(reader('esco'))).toEqual([]);
  });

  it('hold the music and audio occupations, with multi-line label lists and an escaped quote in ESCO', () => {
    const occupations = parseTsv(reader('onet')(ONET_FORMATS.occupationData.file)!).slice(1);
    expect(occupations.map((r) => r.fields[0])).toEqual(['27-2012.00', '27-2041.00', '27-4011.00', '27-4014.00']);
    const esco = parseCsv(reader('esco')(ESCO_FORMATS.occupations.file)!).slice(1);
    const byLabel = new Map(esco.map((r) => [r.fields[3], r.fields]));
    expect(byLabel.get('sound engineer')?.[2]).toBe('3521');
    expect(byLabel.get('music producer')?.[2]).toBe('2654');
    expect(byLabel.get('audio-visual technician')?.[2]).toBe('3521');
    expect(byLabel.get('sound engineer')?.[4]).toBe('audio engineer\nrecording engineer\nlive sound engineer\nrégisseur son');
    expect(byLabel.get('music producer')?.[12]).toContain('when a "take" is good enough');
    // records start on lines other than their number, because of quoted line breaks
    expect(esco.map((r) => r.line)).not.toEqual([2, 3, 4, 5]);
    const relations = parseCsv(reader('esco')(ESCO_FORMATS.occupationSkillRelations.file)!).slice(1);
    expect(relations).toHaveLength(23);
    expect(relations.filter((r) => r.fields[1] === 'essential')).toHaveLength(14);
  });

  it.each([
    ['onet-bad', checkOnet],
    ['esco-bad', checkEsco],
  ] as const)('%s fails exactly on the rows its bad-rows.json lists, each holding the listed value', (dir, check) => {
    const listed = badRows(dir);
    expect(listed.length).toBeGreaterThanOrEqual(5);
    const found = check(reader(dir)).map((p) => `${p.file}:${p.line}`);
    expect(found.sort()).toEqual(listed.map((b) => `${b.file}:${b.line}`).sort());
    const formats: Record<string, readonly string[]> = {};
    for (const f of [...Object.values(ONET_FORMATS), ...Object.values(ESCO_FORMATS)]) formats[f.file] = f.header;
    for (const bad of listed) {
      const text = reader(dir)(bad.file)!;
      const records = bad.file.endsWith('.csv') ? parseCsv(text) : parseTsv(text);
      const record = records.find((r) => r.line === bad.line);
      expect(record).toBeDefined();
      const column = formats[bad.file]!.indexOf(bad.column);
      expect(column).toBeGreaterThanOrEqual(0);
      expect([bad.file, bad.line, record!.fields[column] ?? null]).toEqual([bad.file, bad.line, bad.value]);
    }
  });

  it('bad folders differ from the good ones only by their bad rows', () => {
    for (const [good, bad, formats] of [
      ['onet', 'onet-bad', ONET_FORMATS],
      ['esco', 'esco-bad', ESCO_FORMATS],
    ] as const) {
      const listed = badRows(bad);
      for (const format of Object.values(formats)) {
        const parse = format.file.endsWith('.csv') ? parseCsv : parseTsv;
        const goodRecords = parse(reader(good)(format.file)!).map((r) => r.fields.join('\u0001'));
        const badRecords = parse(reader(bad)(format.file)!);
        const kept = badRecords.filter((r) => !listed.some((b) => b.file === format.file && b.line === r.line)).map((r) => r.fields.join('\u0001'));
        const changed = goodRecords.filter((r) => !kept.includes(r));
        // a listed row either replaces a good one (a changed value) or is added
        expect([format.file, changed.length <= listed.filter((b) => b.file === format.file).length]).toEqual([format.file, true]);
        expect([format.file, kept.every((r) => goodRecords.includes(r))]).toEqual([format.file, true]);
      }
    }
  });
});

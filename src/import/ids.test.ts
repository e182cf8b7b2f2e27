import { nameId, taxonomyId } from './ids';

describe('taxonomyId', () => {
  it('writes a publisher code as lowercase words after the prefix', () => {
    expect(taxonomyId('onet', '27-4014.00')).toBe('onet-27-4014-00');
    expect(taxonomyId('onet', '2.A.1.b')).toBe('onet-2-a-1-b');
  });
});

describe('nameId', () => {
  it('keeps a plain name as its words', () => {
    expect(nameId('onet-tool', 'Microsoft Excel')).toBe('onet-tool-microsoft-excel');
    expect(nameId('onet-tool', 'C')).toBe('onet-tool-c');
  });

  it('gives C, C# and C++ three ids, stable from run to run', () => {
    const ids = ['C', 'C#', 'C++'].map((name) => nameId('onet-tool', name));
    expect(new Set(ids).size).toBe(3);
    expect(ids[1]).toMatch(/^onet-tool-c-[0-9a-f]{8}$/);
    expect(nameId('onet-tool', 'C#')).toBe(ids[1]);
  });

  it('tells apart names that differ only in punctuation or spacing', () => {
    const names = ['Dead blow hammers', 'Dead-blow hammers', 'Dead  blow hammers', 'Dead blow hammers.'];
    expect(new Set(names.map((name) => nameId('onet-hardware', name))).size).toBe(names.length);
  });
});

import { codeMatchOf } from '../models/code-systems';
import { EXACT_BOOST, exactPattern, otherNumbers, SEPARATOR as SEP, toExactQuery } from './exact-query';

describe('otherNumbers', () => {
  it.each([
    ['nurse', ['nurses']],
    ['Nurses', ['nurs', 'nurse']],
    ['actuary', ['actuaries']],
    ['actuaries', ['actuary']],
    ['box', ['boxes']],
    ['key', ['keys']],
    ['sales', ['sal', 'sale']],
  ])('reads %s as also %p', (word, forms) => {
    expect(otherNumbers(word)).toEqual(forms);
  });

  it('leaves short words and words with digits alone', () => {
    expect(otherNumbers('rn')).toEqual([]);
    expect(otherNumbers('s3')).toEqual([]);
  });
});

describe('exactPattern', () => {
  it('matches each letter in either case, the words joined by separators, and separators around them', () => {
    expect(exactPattern('Pro tools')).toBe(`${SEP}*[Pp][rR][oO]${SEP}+[tT][oO][oO][lL][sS]${SEP}*`);
  });

  it('with plurals, lets each word be in its other number', () => {
    expect(exactPattern('nurse', true)).toBe(`${SEP}*([nN][uU][rR][sS][eE]|[nN][uU][rR][sS][eE][sS])${SEP}*`);
  });

  it('escapes every separator, the slash that would end the pattern among them', () => {
    expect(SEP.startsWith('[') && SEP.endsWith(']')).toBe(true);
    const inside = SEP.slice(1, -1);
    expect(inside.replace(/\\[^]/gu, '')).toBe('');
    expect(inside).toContain('\\/');
  });

  it('keeps only letters and digits of the text, so no syntax in it reaches the query', () => {
    expect(exactPattern('a/b"c')).toBe(exactPattern('a b c'));
    expect(exactPattern('?!')).toBeNull();
  });
});

describe('toExactQuery', () => {
  it('looks a text up as a name and an alias, as typed and up to plurals', () => {
    const typed = exactPattern('nurse');
    const plural = exactPattern('nurse', true);
    expect(toExactQuery('nurse', { names: true, codes: null })).toBe(
      `name:/${plural}/^${EXACT_BOOST.name} OR name:/${typed}/^${EXACT_BOOST.nameAsTyped} OR aliases:/${plural}/^${EXACT_BOOST.alias} OR aliases:/${typed}/^${EXACT_BOOST.aliasAsTyped}`,
    );
  });

  it('looks a code up as a node’s own code, and as the group codes of roles', () => {
    const own = toExactQuery('27-4014.00', { names: false, codes: codeMatchOf('27-4014.00') });
    expect(own).toBe(`code:/${exactPattern('27-4014.00')}/^${EXACT_BOOST.ownCode} OR externalCodes:/(ONET\\_SOC\\:27\\-4014\\.00)/^${EXACT_BOOST.ownCode}`);
    const group = toExactQuery('352', { names: false, codes: codeMatchOf('352') });
    expect(group).toBe(`code:/${exactPattern('352')}/^${EXACT_BOOST.ownCode} OR externalCodes:/(ISCO\\:352|ISCO\\:352.*)/^${EXACT_BOOST.groupCode}`);
  });

  it('reads a node’s own code only from a text with a digit, so one letter is not ESCO’s skill pillar S', () => {
    expect(toExactQuery('s', { names: true, codes: null })).not.toContain('code:');
    expect(toExactQuery('S1.2', { names: true, codes: null })).toContain(`code:/${exactPattern('S1.2')}/`);
  });

  it('has nothing to look up in another language without a code, or without a word', () => {
    expect(toExactQuery('musique', { names: false, codes: null })).toBeNull();
    expect(toExactQuery('?!', { names: true, codes: null })).toBeNull();
  });

  it('keeps the order of the tiers whatever a node matches besides', () => {
    const { ownCode, groupCode, name, nameAsTyped, alias, aliasAsTyped } = EXACT_BOOST;
    const names = name + nameAsTyped + alias + aliasAsTyped;
    expect(ownCode).toBeGreaterThan(groupCode + names);
    expect(groupCode).toBeGreaterThan(names);
    expect(name + nameAsTyped).toBeGreaterThan(name + alias + aliasAsTyped);
    expect(name).toBeGreaterThan(alias + aliasAsTyped);
    expect(alias + aliasAsTyped).toBeGreaterThan(alias);
  });
});

import { interpolate, InterpolationError } from './interpolate';

const environment = { SET: 'value', EMPTY: '' };

describe('interpolate (the Compose specification\'s rules)', () => {
  it.each([
    ['plain text', 'plain text'],
    ['$SET and ${SET}', 'value and value'],
    ['${SET:-d} ${EMPTY:-d} ${UNSET:-d}', 'value d d'],
    ['${SET-d} [${EMPTY-d}] ${UNSET-d}', 'value [] d'],
    ['${SET:+alt} [${EMPTY:+alt}] [${UNSET:+alt}]', 'alt [] []'],
    ['${SET+alt} ${EMPTY+alt} [${UNSET+alt}]', 'alt alt []'],
    ['${UNSET:-${SET}}', 'value'],
    ['$$SET and $${SET#neo4j/}', '$SET and ${SET#neo4j/}'],
    ['cost: 5$ and $1', 'cost: 5$ and $1'],
    ['ends with $', 'ends with $'],
  ])('%s → %s', (text, expected) => {
    expect(interpolate(text, environment)).toEqual({ value: expected, unset: [] });
  });

  it('leaves an unset variable blank and says so', () => {
    expect(interpolate('[$UNSET] [${ALSO_UNSET}]', environment)).toEqual({ value: '[] []', unset: ['UNSET', 'ALSO_UNSET'] });
  });

  it.each([
    ['${UNSET:?set UNSET}', /required variable UNSET is missing a value: set UNSET/],
    ['${EMPTY:?set EMPTY}', /required variable EMPTY is missing a value/],
    ['${UNSET?no}', /required variable UNSET/],
    ['${SET', /never closed/],
    ['${}', /does not start with a variable name/],
    ['${SET#x}', /unexpected "#x" after SET/],
  ])('refuses %s', (text, message) => {
    expect(() => interpolate(text, environment)).toThrow(InterpolationError);
    expect(() => interpolate(text, environment)).toThrow(message);
  });

  it('accepts ${EMPTY?...} (set, though empty)', () => {
    expect(interpolate('[${EMPTY?no}]', environment).value).toBe('[]');
  });
});

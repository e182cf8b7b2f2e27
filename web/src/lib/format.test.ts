import { joinNames, matchPhrase, percent, salaryAmount } from './format';

describe('percent', () => {
  it('rounds a share to a whole percentage', () => {
    expect(percent(0.4615)).toBe('46%');
    expect(percent(1)).toBe('100%');
  });
});

describe('salaryAmount', () => {
  const figure = { median: null, low: null, high: null, currency: 'USD' };

  it('gives a single amount, a range, or both', () => {
    expect(salaryAmount({ ...figure, median: 50396 }, 'en-US')).toBe('$50,396');
    expect(salaryAmount({ ...figure, low: 44000, high: 104000 }, 'en-US')).toBe('$44,000–$104,000');
    expect(salaryAmount({ ...figure, median: 50000, low: 40000, high: 60000 }, 'en-US')).toBe('$50,000 · $40,000–$60,000');
  });

  it('says when a figure states no amount, and keeps an unknown currency code', () => {
    expect(salaryAmount(figure)).toBe('no amount stated');
    expect(salaryAmount({ ...figure, median: 100, currency: 'not-a-code' }, 'en-US')).toBe('100 not-a-code');
  });
});

describe('joinNames', () => {
  it('joins names as a sentence does', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['a'])).toBe('a');
    expect(joinNames(['a', 'b'])).toBe('a and b');
    expect(joinNames(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('matchPhrase', () => {
  it('says a crosswalk’s kind of match in words', () => {
    expect(matchPhrase('exact')).toBe('the same occupation');
    expect(matchPhrase('broader')).toBe('a broader occupation');
    expect(matchPhrase('narrower')).toBe('a narrower occupation');
    expect(matchPhrase('part')).toBe('covers part of it');
  });

  it('gives nothing for no match, and an unknown kind as it is', () => {
    expect(matchPhrase(null)).toBeNull();
    expect(matchPhrase('related')).toBe('related');
  });
});

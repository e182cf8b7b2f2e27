import { answersTerm } from './search-term';

describe('answersTerm', () => {
  it('accepts an answer to what is typed, spaces around it aside', () => {
    expect(answersTerm('music prod', 'music prod')).toBe(true);
    expect(answersTerm('music prod', ' music prod ')).toBe(true);
  });

  it('refuses an answer to an earlier term, or no answer at all', () => {
    expect(answersTerm('music', 'music prod')).toBe(false);
    expect(answersTerm('music prod', 'music')).toBe(false);
    expect(answersTerm(undefined, 'music')).toBe(false);
  });
});

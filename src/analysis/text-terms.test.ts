import { textTerms } from './text-terms';

describe('textTerms', () => {
  it('stems inflected forms to one term', () => {
    expect(textTerms('Engineer engineers ENGINEERING')).toEqual(['engin', 'engin', 'engin']);
  });

  it('drops stop words, one-letter words and punctuation, and folds accents', () => {
    expect(textTerms('Mix and master the tracks of a café, à la carte!')).toEqual(['mix', 'master', 'track', 'cafe', 'la', 'cart']);
  });

  it('keeps numbers as they are', () => {
    expect(textTerms('3D modelling in 2024')).toEqual(['3d', 'model', '2024']);
  });

  it('gives nothing for empty or symbol-only text', () => {
    expect(textTerms('')).toEqual([]);
    expect(textTerms(' -- / ')).toEqual([]);
  });
});

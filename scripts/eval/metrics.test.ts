import { hitAtK, meanOf, ndcgAtK, recallAtK, reciprocalRank } from './metrics';

describe('evaluation measures', () => {
  const relevant = new Set(['b', 'd', 'z']);
  const ranked = ['a', 'b', 'c', 'd'];

  it('recall@k counts the relevant ids in the first k over all relevant ids, and has no value without ground truth', () => {
    expect(recallAtK(ranked, relevant, 2)).toBeCloseTo(1 / 3, 12);
    expect(recallAtK(ranked, relevant, 4)).toBeCloseTo(2 / 3, 12);
    expect(recallAtK(ranked, new Set(), 4)).toBeNull();
  });

  it('nDCG@k discounts a relevant id by log2 of its rank + 1, over the ideal ranking', () => {
    // DCG = 1/log2(3) + 1/log2(5); ideal (three relevant, k = 4) = 1 + 1/log2(3) + 1/log2(4).
    const expected = (1 / Math.log2(3) + 1 / Math.log2(5)) / (1 + 1 / Math.log2(3) + 1 / Math.log2(4));
    expect(ndcgAtK(ranked, relevant, 4)).toBeCloseTo(expected, 12);
    expect(ndcgAtK(['b', 'd', 'z'], relevant, 3)).toBeCloseTo(1, 12);
    expect(ndcgAtK([], relevant, 3)).toBe(0);
  });

  it('the reciprocal rank and hit@k of a target', () => {
    expect(reciprocalRank(ranked, 'c')).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRank(ranked, 'z')).toBe(0);
    expect([hitAtK(ranked, 'c', 2), hitAtK(ranked, 'c', 3), hitAtK(ranked, 'z', 10)]).toEqual([0, 1, 0]);
  });

  it('means leave out the queries without a value', () => {
    expect(meanOf([1, null, 0, 0.5])).toEqual({ mean: 0.5, count: 3 });
    expect(meanOf([null])).toEqual({ mean: null, count: 0 });
  });
});

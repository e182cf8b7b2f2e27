import { SeededRandom } from './seeded-random';

describe('SeededRandom (xoshiro128**)', () => {
  it('matches the reference C implementation from the state 1, 2, 3, 4', () => {
    const rng = SeededRandom.fromState(1, 2, 3, 4);
    expect(Array.from({ length: 6 }, () => rng.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('gives the same stream for the same seed and another for another seed', () => {
    const stream = (seed: number) => {
      const rng = new SeededRandom(seed);
      return Array.from({ length: 8 }, () => rng.nextUint32());
    };
    expect(stream(42)).toEqual(stream(42));
    expect(stream(42)).not.toEqual(stream(43));
    const rng = new SeededRandom(5);
    for (let i = 0; i < 1000; i++) {
      const x = rng.float();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('makes version-4-shaped UUIDs', () => {
    const rng = new SeededRandom(9);
    for (let i = 0; i < 100; i++) expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('SeededRandom (mulberry32)', () => {
  it('matches the reference C implementation from the seeds 1 and 0', () => {
    const stream = (seed: number, length: number) => {
      const random = new SeededRandom(seed, 'mulberry32');
      return Array.from({ length }, () => random.nextUint32());
    };
    expect(stream(1, 6)).toEqual([2693262067, 11749833, 2265367787, 4213581821, 4159151403, 1207330352]);
    expect(stream(0, 3)).toEqual([1144304738, 1416247, 958946056]);
  });

  it('takes any number as a seed, modulo 2^32', () => {
    const first = (seed: number) => new SeededRandom(seed, 'mulberry32').nextUint32();
    expect(first(2 ** 32 + 1)).toBe(first(1));
    expect(first(-1)).toBe(first(2 ** 32 - 1));
    expect(first(Number.NaN)).toBe(first(0));
  });

  it('draws what the fuzzer and the benchmark always drew from seed 7', () => {
    const random = new SeededRandom(7, 'mulberry32');
    expect([
      random.int(100),
      random.between(3, 9),
      random.chance(0.5),
      random.pick(['a', 'b', 'c']),
      random.some([1, 2, 3, 4, 5, 6], 3),
      random.some([1, 2], 5),
    ]).toEqual([1, 3, false, 'c', [5, 6, 1], [1, 2]]);
  });
});

describe('SeededRandom methods', () => {
  it('rejects a seed that is not a safe integer for xoshiro128**', () => {
    expect(() => new SeededRandom(1.5)).toThrow(RangeError);
    expect(() => new SeededRandom(2 ** 53)).toThrow(RangeError);
  });

  it('keeps int, between and pick in range, and pick refuses an empty list', () => {
    const random = new SeededRandom(11);
    for (let i = 0; i < 1000; i++) {
      const n = random.int(7);
      expect(Number.isInteger(n) && n >= 0 && n < 7).toBe(true);
      const b = random.between(-2, 2);
      expect(Number.isInteger(b) && b >= -2 && b <= 2).toBe(true);
    }
    expect(() => random.pick([])).toThrow(RangeError);
  });

  it('shuffles in place to a permutation; some leaves its input alone and returns at most max distinct items', () => {
    const random = new SeededRandom(12);
    const items = Array.from({ length: 20 }, (_, i) => i);
    const shuffled = random.shuffle([...items]);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    const some = random.some(items, 5);
    expect(items).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(some).toHaveLength(5);
    expect(new Set(some).size).toBe(5);
    expect(random.some(items.slice(0, 3), 10)).toHaveLength(3);
  });

  it('some draws exactly what a shuffle of a copy draws', () => {
    const a = new SeededRandom(13, 'mulberry32');
    const b = new SeededRandom(13, 'mulberry32');
    expect(a.some(['p', 'q', 'r', 's', 't'], 2)).toEqual(b.shuffle(['p', 'q', 'r', 's', 't']).slice(0, 2));
    expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it('keeps around within its bounds', () => {
    const random = new SeededRandom(14);
    for (let i = 0; i < 1000; i++) {
      const x = random.around(5, 10, 0, 8);
      expect(x >= 0 && x <= 8).toBe(true);
    }
  });
});

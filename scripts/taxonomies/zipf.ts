/**
 * Samples ranks 0..n-1 with a long-tailed (Zipf-Mandelbrot) law:
 * P(rank r) is proportional to 1 / (r + 1 + q)^s. The exponent s sets how
 * steep the tail is; the offset q flattens the head, so that the most popular
 * items are not absurdly dominant. Sampling is a binary search in the
 * cumulative table (n floats), so it costs O(log n).
 */
import type { SeededRandom } from '../support/seeded-random';

export class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(
    readonly n: number,
    readonly s: number,
    readonly q = 0,
  ) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let r = 0; r < n; r++) {
      total += 1 / Math.pow(r + 1 + q, s);
      this.cumulative[r] = total;
    }
    for (let r = 0; r < n; r++) this.cumulative[r] = (this.cumulative[r] as number) / total;
  }

  /** The probability of rank r. */
  probability(r: number): number {
    const upper = this.cumulative[r] as number;
    return r === 0 ? upper : upper - (this.cumulative[r - 1] as number);
  }

  sample(rng: SeededRandom): number {
    const u = rng.float();
    let low = 0;
    let high = this.n - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.cumulative[mid] as number) > u) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}

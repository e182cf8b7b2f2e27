/**
 * The project's one seeded pseudo-random generator, for everything that must
 * give the same output for the same seed: the taxonomy generator's files, the
 * fuzzer's hostile cases (a failing run is replayed with its --seed) and the
 * benchmark's request parameters.
 *
 * Two streams sit under the same methods, and each user keeps the one its
 * outputs were pinned with:
 *
 * - `xoshiro128**` (the default): xoshiro128** 1.0 (David Blackman and
 *   Sebastiano Vigna, 2018, public domain;
 *   https://prng.di.unimi.it/xoshiro128starstar.c): 128 bits of state, 32-bit
 *   outputs, period 2^128 - 1. Its state is filled from the integer seed by a
 *   splitmix32-style mixer (the golden-ratio increment and the two
 *   multiply-xorshift rounds of MurmurHash3's finaliser family), so that nearby
 *   seeds give unrelated streams and the state is never all zeros. The taxonomy
 *   generator uses it: the same seed and scale give byte-identical files.
 * - `mulberry32` (Tommy Ettinger, public domain): 32 bits of state, period 2^32.
 *   The fuzzer and the benchmark use it, so that a seed still draws the cases
 *   and the request parameters it always drew (the committed benchmark results
 *   were measured with seed 1 of this stream).
 *
 * All arithmetic is on unsigned 32-bit integers (Math.imul, >>> 0), so the
 * streams are the same on every JavaScript engine.
 */

export type SeededAlgorithm = 'xoshiro128**' | 'mulberry32';

/** A source of unsigned 32-bit integers. */
interface Uint32Source {
  nextUint32(): number;
}

/** One step of splitmix32: returns the next output and the advanced state. */
function splitmix32(state: number): [output: number, state: number] {
  const next = (state + 0x9e3779b9) >>> 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return [(z ^ (z >>> 15)) >>> 0, next];
}

const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

class Xoshiro128StarStar implements Uint32Source {
  constructor(
    private s0: number,
    private s1: number,
    private s2: number,
    private s3: number,
  ) {}

  /** Seeds from an integer (any safe integer; its low 53 bits are mixed in). */
  static seeded(seed: number): Xoshiro128StarStar {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
    let state = (seed >>> 0) ^ Math.imul(Math.floor(seed / 0x100000000) >>> 0, 0x85ebca6b);
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [output, next] = splitmix32(state);
      words.push(output);
      state = next;
    }
    const [s0, s1, s2, s3] = words as [number, number, number, number];
    return new Xoshiro128StarStar((s0 | s1 | s2 | s3) === 0 ? 1 : s0, s1, s2, s3);
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }
}

class Mulberry32 implements Uint32Source {
  private state: number;

  /** Any number; its value modulo 2^32 (`seed >>> 0`) is the state. */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
}

export class SeededRandom {
  private source: Uint32Source;

  /**
   * A stream from `seed`. With xoshiro128** (the default) the seed must be a safe
   * integer (its low 53 bits are mixed in); with mulberry32 any number is taken
   * modulo 2^32.
   */
  constructor(seed: number, algorithm: SeededAlgorithm = 'xoshiro128**') {
    this.source = algorithm === 'mulberry32' ? new Mulberry32(seed) : Xoshiro128StarStar.seeded(seed);
  }

  /** An xoshiro128** generator with exactly this state (for known-answer tests). */
  static fromState(s0: number, s1: number, s2: number, s3: number): SeededRandom {
    const random = new SeededRandom(0);
    random.source = new Xoshiro128StarStar(s0 >>> 0, s1 >>> 0, s2 >>> 0, s3 >>> 0);
    return random;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    return this.source.nextUint32();
  }

  /** A float in [0, 1). */
  float(): number {
    return this.source.nextUint32() / 0x100000000;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** An integer in [low, high] (both included). */
  between(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** One item, each equally likely; throws on an empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** Shuffles in place (Fisher-Yates) and returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** Up to `max` distinct items, in random order (a shuffled copy, cut short); `items` is left as it is. */
  some<T>(items: readonly T[], max: number): T[] {
    return this.shuffle([...items]).slice(0, Math.min(max, items.length));
  }

  /** A roughly normal value (sum of four uniforms), clamped to [low, high]. */
  around(mean: number, spread: number, low: number, high: number): number {
    const u = (this.float() + this.float() + this.float() + this.float() - 2) / 2; // in (-1, 1), bell-shaped
    return Math.min(high, Math.max(low, mean + u * spread));
  }

  /** A random version-4-shaped UUID (lower-case hex), as ESCO uses in its URIs. */
  uuid(): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const a = hex(this.nextUint32());
    const b = hex(this.nextUint32());
    const c = hex(this.nextUint32());
    const d = hex(this.nextUint32());
    const variant = ((parseInt(c[0] as string, 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
  }
}

import { mix32, Xoshiro128 } from '../../model/random.js';

/**
 * A small, fast, seeded pseudo-random generator (xoshiro128**, seeded through splitmix32) with the
 * distributions the simulator needs. The same seed and stream always give the same sequence, on
 * every platform, which is what makes a simulation byte-for-byte reproducible. Independent streams
 * (one per scenario) keep one scenario's draws from shifting another's.
 */
export class SeededRandom extends Xoshiro128 {
  private spareNormal: number | undefined;

  /** `seed` is any safe integer; `stream` selects an independent sequence for the same seed. */
  constructor(seed: number, stream = 0) {
    super(mix32((mix32(seed >>> 0) ^ mix32(Math.floor(seed / 0x1_0000_0000) + 0x632be5ab)) + mix32(stream + 0x51ed270b)));
  }

  /** A uniform number in [0, 1). */
  next(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** A uniform number in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** A uniform integer in [0, count). */
  integer(count: number): number {
    return Math.floor(this.next() * count);
  }

  /** A uniform integer in [min, max] (both included). */
  integerBetween(min: number, max: number): number {
    return min + this.integer(max - min + 1);
  }

  /** True with probability `probability`. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.integer(items.length)]!;
  }

  /** A normal draw (Marsaglia's polar method; the second value of each pair is kept for the next call). */
  normal(mean: number, standardDeviation: number): number {
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return mean + standardDeviation * spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = this.next() * 2 - 1;
      v = this.next() * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    return mean + standardDeviation * u * factor;
  }

  /** A Poisson draw (Knuth's product method, exact and fast for the small rates simulated here). */
  poisson(rate: number): number {
    if (rate <= 0) return 0;
    if (rate > 30) return Math.max(0, Math.round(this.normal(rate, Math.sqrt(rate))));
    const limit = Math.exp(-rate);
    let count = 0;
    let product = this.next();
    while (product > limit) {
      count++;
      product *= this.next();
    }
    return count;
  }

  /** `count` hexadecimal characters. */
  hex(count: number): string {
    let text = '';
    while (text.length < count) text += this.nextUint32().toString(16).padStart(8, '0');
    return text.slice(0, count);
  }
}

/**
 * Seeded pseudo-random numbers for the demo company generator.
 *
 * Deterministic across runs, machines and Node versions: the generator is sfc32 (Chris Doty-Humphrey's
 * Small Fast Counting generator, 32-bit variant) seeded through cyrb128, both built from 32-bit integer
 * operations only (`Math.imul`, shifts, `>>> 0`). Derived distributions use only + − × ÷ on doubles
 * (no Math.log/exp/sin, whose last bit may differ between engines), so the same seed yields the same
 * numbers everywhere. Never reads Math.random or the clock.
 */

/** A seed: strings and numbers are hashed through their decimal/string form (42 and '42' are the same seed). */
export type Seed = string | number;

/** cyrb128: a 128-bit string hash (four 32-bit words), used to expand a seed string into sfc32's state. */
export function hashSeed(seed: Seed): [number, number, number, number] {
  const str = String(seed);
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** The seed this stream was made from (for fork labels and error messages). */
  readonly seed: string;

  constructor(seed: Seed) {
    this.seed = String(seed);
    [this.a, this.b, this.c, this.d] = hashSeed(seed);
    // Warm up: the first outputs of sfc32 are correlated with the seed words.
    for (let i = 0; i < 15; i++) this.uint32();
  }

  /** An independent stream derived from this one's seed and a label (does not advance this stream). */
  fork(label: string | number): Random {
    return new Random(`${this.seed}/${label}`);
  }

  /** Next 32-bit unsigned integer (sfc32). */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) throw new Error(`Random.int: bad range [${min}, ${max}]`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** One element with probability proportional to its weight: `weighted([['a', 3], ['b', 1]])`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) {
      if (!(w >= 0)) throw new Error('Random.weighted: negative weight');
      total += w;
    }
    if (!(total > 0)) throw new Error('Random.weighted: no positive weight');
    let r = this.next() * total;
    for (const [item, w] of items) {
      if (r < w) return item;
      r -= w;
    }
    return items[items.length - 1][0];
  }

  /**
   * Approximately normal (Irwin–Hall: the sum of 6 uniforms, centred and scaled to unit variance).
   * Bounded to mean ± 4.24 sd, which suits business data better than real tails; arithmetic only.
   */
  normal(mean = 0, sd = 1): number {
    let s = 0;
    for (let i = 0; i < 6; i++) s += this.next();
    // Var(sum of 6 U(0,1)) = 6/12 = 1/2, so divide (s − 3) by √½, i.e. multiply by √2.
    return mean + sd * (s - 3) * Math.SQRT2;
  }

  /** Fisher–Yates shuffle in place; returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }
}

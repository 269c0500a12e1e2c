/**
 * Seeded pseudo-random numbers for the synthetic corpus: sfc32 (Chris Doty-Humphrey's Small Fast Counter),
 * 32-bit state words, no allocation per draw. Same seed, same sequence, on every platform.
 *
 * @example
 * const rng = createRng(42);
 * rng.int(6); // 0..5
 */
import { fmix32 } from "../util/fmix32.js";

/** A seeded random source. Every method consumes one or more 32-bit draws. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [lo, hi] (both inclusive). */
  range(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A uniformly chosen element (the array must not be empty). */
  pick<T>(items: readonly T[]): T;
  /** Standard normal draw (Box–Muller). */
  normal(): number;
  /** Raw unsigned 32-bit draw. */
  u32(): number;
}


/** A seed for sub-stream `stream` of `seed`, so that one author's draws never shift another's. */
export function deriveSeed(seed: number, stream: number): number {
  return fmix32((fmix32(seed >>> 0) ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0);
}

class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = seed >>> 0;
    this.c = fmix32(seed ^ 0x6a09e667);
    this.d = 1;
    for (let i = 0; i < 15; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.u32() / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  range(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/** Creates a deterministic random source from a 32-bit seed. */
export function createRng(seed: number): Rng {
  return new Sfc32(seed);
}

/** Cumulative-weight table for repeated weighted picks in O(log n). */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) {
      throw new Error("synth: WeightedTable needs as many weights as items, at least one");
    }
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < items.length; i++) {
      sum += Math.max(0, weights[i]);
      this.cumulative[i] = sum;
    }
    if (sum <= 0) throw new Error("synth: WeightedTable weights sum to zero");
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

/** Log-normal draw with the given median and log-space spread. */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * rng.normal());
}

/** Truncated discrete power law: P(n) ∝ n^-exponent for n in [1, max]. Inverse-CDF on the continuous law. */
export function powerLawInt(rng: Rng, exponent: number, max: number): number {
  const a = 1 - exponent;
  const u = rng.next();
  // continuous Pareto on [1, max+1), floored
  const lo = 1;
  const hi = Math.pow(max + 1, a);
  const x = Math.pow(lo + u * (hi - lo), 1 / a);
  return Math.min(max, Math.max(1, Math.floor(x)));
}

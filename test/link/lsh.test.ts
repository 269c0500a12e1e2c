import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/link/config.js";
import { bandKeys, candidateProbability, LshIndex } from "../../src/link/lsh.js";
import { minhashOph } from "../../src/link/minhash.js";
import { jaccardSorted, uniqueSorted } from "../../src/link/shingles.js";
import { rng } from "./factory.js";

const { bands, rows } = DEFAULT_CONFIG;

function pairAt(r: () => number, j: number): [Uint32Array, Uint32Array] {
  const size = 80;
  const shared = Math.round((2 * j * size) / (1 + j));
  const base = Array.from({ length: shared }, () => (r() * 2 ** 32) >>> 0);
  const more = (): number[] => Array.from({ length: size - shared }, () => (r() * 2 ** 32) >>> 0);
  return [uniqueSorted(Uint32Array.from(base.concat(more()))), uniqueSorted(Uint32Array.from(base.concat(more())))];
}

function recallAt(j: number, trials: number): { measured: number; expected: number; exactJ: number } {
  const r = rng(Math.round(j * 1000) + 1);
  let hits = 0;
  let sumJ = 0;
  for (let t = 0; t < trials; t++) {
    const [a, b] = pairAt(r, j);
    sumJ += jaccardSorted(a, b);
    const lsh = new LshIndex(bands, 32);
    const ka = bandKeys(minhashOph(a, new Uint32Array(bands * rows), t + 1), bands, rows);
    const kb = bandKeys(minhashOph(b, new Uint32Array(bands * rows), t + 1), bands, rows);
    lsh.insert(0, ka, () => {});
    let met = false;
    lsh.insert(1, kb, () => (met = true));
    if (met) hits++;
  }
  const exactJ = sumJ / trials;
  return { measured: hits / trials, expected: candidateProbability(exactJ, bands, rows), exactJ };
}

describe("LSH banding", () => {
  it("recall at the text-link threshold matches the S-curve and is high above it", () => {
    const at = recallAt(DEFAULT_CONFIG.textLinkJaccard, 2000);
    expect(Math.abs(at.measured - at.expected)).toBeLessThan(0.05);
    expect(at.measured).toBeGreaterThan(0.6);
    const above = recallAt(0.7, 1000);
    expect(above.measured).toBeGreaterThan(0.97);
    const low = recallAt(0.1, 1000);
    expect(low.measured).toBeLessThan(0.05);
  });

  it("a bucket of 5,000 identical signatures costs at most cap comparisons per newcomer", () => {
    const lsh = new LshIndex(4, 32);
    const keys = Uint32Array.of(1, 2, 3, 4);
    let visits = 0;
    for (let i = 0; i < 5000; i++) lsh.insert(i, keys, () => visits++);
    expect(visits).toBeLessThanOrEqual(5000 * 4 * 32);
    expect(lsh.stats().largestBucket).toBe(5000);
  });
});

import { describe, expect, it } from "vitest";
import { estimateJaccard, minhashClassic, minhashOph } from "../../src/link/minhash.js";
import { jaccardSorted, uniqueSorted } from "../../src/link/shingles.js";
import { rng } from "./factory.js";

function pair(r: () => number, size: number, j: number): [Uint32Array, Uint32Array] {
  // |A ∩ B| / |A ∪ B| = j with |A| = |B| = size: shared = 2·j·size / (1 + j).
  const shared = Math.round((2 * j * size) / (1 + j));
  const base = Array.from({ length: shared }, () => (r() * 2 ** 32) >>> 0);
  const a = base.concat(Array.from({ length: size - shared }, () => (r() * 2 ** 32) >>> 0));
  const b = base.concat(Array.from({ length: size - shared }, () => (r() * 2 ** 32) >>> 0));
  return [uniqueSorted(Uint32Array.from(a)), uniqueSorted(Uint32Array.from(b))];
}

describe("MinHash", () => {
  for (const [name, fn] of [
    ["one-permutation", minhashOph],
    ["classic", minhashClassic],
  ] as const) {
    it(`${name}: estimates Jaccard within 3 standard errors (k = 128)`, () => {
      const r = rng(7);
      const k = 128;
      let worst = 0;
      let bias = 0;
      const trials = 200;
      for (let t = 0; t < trials; t++) {
        const j = 0.1 + 0.8 * r();
        const size = 20 + Math.floor(r() * 200);
        const [a, b] = pair(r, size, j);
        const exact = jaccardSorted(a, b);
        const est = estimateJaccard(fn(a, new Uint32Array(k), 3), fn(b, new Uint32Array(k), 3));
        const se = Math.sqrt((exact * (1 - exact)) / k);
        worst = Math.max(worst, Math.abs(est - exact) / se);
        bias += est - exact;
      }
      // 200 trials: |z| beyond 4 would be very unlikely for an unbiased estimator with this variance.
      expect(worst).toBeLessThan(4);
      expect(Math.abs(bias / trials)).toBeLessThan(0.01);
    });
  }

  it("one-permutation densification: short sets (fewer shingles than bins) still estimate well", () => {
    const r = rng(11);
    let err = 0;
    for (let t = 0; t < 200; t++) {
      const [a, b] = pair(r, 12, 0.6);
      const exact = jaccardSorted(a, b);
      err += Math.abs(estimateJaccard(minhashOph(a, new Uint32Array(64)), minhashOph(b, new Uint32Array(64))) - exact);
    }
    expect(err / 200).toBeLessThan(0.1);
  });

  it("identical sets give identical signatures; disjoint sets share almost nothing", () => {
    const r = rng(5);
    const [a, b] = pair(r, 100, 0);
    expect(estimateJaccard(minhashOph(a, new Uint32Array(64)), minhashOph(a.slice(), new Uint32Array(64)))).toBe(1);
    expect(estimateJaccard(minhashOph(a, new Uint32Array(64)), minhashOph(b, new Uint32Array(64)))).toBeLessThan(0.1);
  });
});

import { describe, expect, it } from "vitest";
import { jaccardAtLeast, jaccardRuns } from "../../src/link/shingles.js";
import { rng } from "./factory.js";

/** Jaccard by sets, the definition the merges must agree with. */
function naive(a: Uint32Array, b: Uint32Array): number {
  const sa = new Set(a);
  let inter = 0;
  for (const x of b) if (sa.has(x)) inter++;
  const union = a.length + b.length - inter;
  return union === 0 ? 0 : inter / union;
}

describe("exact Jaccard of sorted runs", () => {
  it("equals the set definition, and gives up only on pairs below the threshold", () => {
    const r = rng(5);
    const sorted = (xs: number[]) => Uint32Array.from(new Set(xs)).sort();
    let gaveUp = 0;
    let kept = 0;
    for (let k = 0; k < 3000; k++) {
      // Overlapping draws from a small range, with sizes from empty to a few hundred, often lopsided.
      const range = 10 + Math.floor(r() * 400);
      const a = sorted(Array.from({ length: Math.floor(r() * 200) }, () => Math.floor(r() * range)));
      const b = sorted(Array.from({ length: Math.floor(r() * 200) }, () => Math.floor(r() * range)));
      const exact = naive(a, b);
      // Both runs in one pool, as the linker stores them.
      const pool = new Uint32Array([...a, ...b]);
      expect(jaccardRuns(pool, 0, a.length, pool, a.length, pool.length)).toBe(exact);
      for (const t of [0.3, 0.5, 0.7, 0.85]) {
        const j = jaccardAtLeast(a, 0, a.length, b, 0, b.length, t);
        if (j === -1) {
          expect(exact).toBeLessThan(t);
          gaveUp++;
        } else {
          expect(j).toBe(exact);
          if (j >= t) kept++;
        }
      }
    }
    expect(gaveUp).toBeGreaterThan(1000);
    expect(kept).toBeGreaterThan(1000);
  });

  it("keeps a pair exactly at the threshold", () => {
    // 70 shared of 100 in the union: J = 0.7 exactly.
    const a = Uint32Array.from({ length: 85 }, (_, i) => i);
    const b = Uint32Array.from({ length: 85 }, (_, i) => i + 15);
    expect(jaccardAtLeast(a, 0, a.length, b, 0, b.length, 0.7)).toBe(0.7);
  });
});

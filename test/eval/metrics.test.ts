import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { AuthorKind, TruthRow } from "../../src/domain/truth.js";
import { adjustedRand, evaluateClustering } from "../../src/eval/metrics.js";
import { formatEvalReport } from "../../src/eval/format.js";

function truthOf(groups: Record<string, { kind: AuthorKind; ads: string[] }>): TruthRow[] {
  const rows: TruthRow[] = [];
  for (const [network_id, g] of Object.entries(groups)) for (const ad_id of g.ads) rows.push({ ad_id, network_id, kind: g.kind });
  return rows;
}

function predOf(clusters: string[][]): Map<string, string> {
  const m = new Map<string, string>();
  clusters.forEach((c, i) => c.forEach((ad) => m.set(ad, `p${i}`)));
  return m;
}

/** O(n²) reference for pairwise and B-cubed, to cross-check the contingency-table version. */
function bruteForce(pred: Map<string, string>, truth: TruthRow[]) {
  const n = truth.length;
  const pid = truth.map((r) => pred.get(r.ad_id) ?? `missing:${r.ad_id}`);
  let tp = 0;
  let pp = 0;
  let tpairs = 0;
  let bp = 0;
  let br = 0;
  for (let i = 0; i < n; i++) {
    let samePred = 0;
    let sameTruth = 0;
    let both = 0;
    for (let j = 0; j < n; j++) {
      const sp = pid[i] === pid[j];
      const st = truth[i].network_id === truth[j].network_id;
      if (sp) samePred++;
      if (st) sameTruth++;
      if (sp && st) both++;
      if (j > i) {
        if (sp) pp++;
        if (st) tpairs++;
        if (sp && st) tp++;
      }
    }
    bp += both / samePred;
    br += both / sameTruth;
  }
  return { tp, pp, tpairs, bp: n ? bp / n : 1, br: n ? br / n : 1 };
}

describe("evaluateClustering", () => {
  // truth: T1 = {a,b,c} (independent), T2 = {d,e} (scam); prediction: X = {a,b}, Y = {c,d}, Z = {e}
  // contingency: (T1,X)=2 (T1,Y)=1 (T2,Y)=1 (T2,Z)=1
  const truth = truthOf({ T1: { kind: "independent", ads: ["a", "b", "c"] }, T2: { kind: "scam", ads: ["d", "e"] } });
  const pred = predOf([["a", "b"], ["c", "d"], ["e"]]);
  const r = evaluateClustering(pred, truth);

  it("computes pairwise scores by hand", () => {
    // TP = C(2,2) = 1; predicted pairs = 1 + 1 = 2; true pairs = C(3,2) + C(2,2) = 4
    // P = 1/2, R = 1/4, F1 = 2·(1/2)(1/4)/(3/4) = 1/3
    expect(r.overall.pairwise.precision).toBeCloseTo(0.5, 12);
    expect(r.overall.pairwise.recall).toBeCloseTo(0.25, 12);
    expect(r.overall.pairwise.f1).toBeCloseTo(1 / 3, 12);
  });

  it("computes B-cubed by hand", () => {
    // precision per ad: a 2/2, b 2/2, c 1/2, d 1/2, e 1/1 → 4/5 = 0.8
    // recall per ad:    a 2/3, b 2/3, c 1/3, d 1/2, e 1/2 → (8/3)/5 = 8/15
    // F1 = 2·0.8·(8/15)/(0.8 + 8/15) = 0.64
    expect(r.overall.bcubed.precision).toBeCloseTo(0.8, 12);
    expect(r.overall.bcubed.recall).toBeCloseTo(8 / 15, 12);
    expect(r.overall.bcubed.f1).toBeCloseTo(0.64, 12);
  });

  it("computes ARI by hand", () => {
    // index 1, Σa = 4, Σb = 2, C(5,2) = 10 → expected 0.8, max 3 → (1 − 0.8)/(3 − 0.8) = 1/11
    expect(r.overall.ari).toBeCloseTo(1 / 11, 12);
    expect(r.overall.ads).toBe(5);
    expect(r.overall.truthNetworks).toBe(2);
    expect(r.overall.predictedClusters).toBe(3);
  });

  it("scores each kind by the documented definition", () => {
    const ind = r.byKind.independent;
    const scam = r.byKind.scam;
    expect(ind && scam).toBeTruthy();
    if (!ind || !scam) return;
    // independent: TP 1; predicted pairs touching it: X 1 + Y (C(2,2) − C(1,2)) 1 = 2; true pairs 3
    expect(ind.pairwise.precision).toBeCloseTo(0.5, 12);
    expect(ind.pairwise.recall).toBeCloseTo(1 / 3, 12);
    // B³ over a, b, c on the full clustering: P (1 + 1 + 1/2)/3, R (2/3 + 2/3 + 1/3)/3
    expect(ind.bcubed.precision).toBeCloseTo(2.5 / 3, 12);
    expect(ind.bcubed.recall).toBeCloseTo(5 / 9, 12);
    // ARI restricted to {a,b,c}: pred {a,b},{c}; index 1, Σa 3, Σb 1, C(3,2) 3 → expected 1, max 2 → 0
    expect(ind.ari).toBeCloseTo(0, 12);
    expect(ind.predictedClusters).toBe(2);
    // scam: TP 0 of 1 predicted pair touching it (Y) and 1 true pair
    expect(scam.pairwise.precision).toBe(0);
    expect(scam.pairwise.recall).toBe(0);
    expect(scam.pairwise.f1).toBe(0);
    // B³: P (1/2 + 1)/2, R (1/2 + 1/2)/2
    expect(scam.bcubed.precision).toBeCloseTo(0.75, 12);
    expect(scam.bcubed.recall).toBeCloseTo(0.5, 12);
    expect(r.byKind.agency).toBeUndefined();
  });

  it("gives 1 everywhere for a perfect clustering", () => {
    const p = predOf([["a", "b", "c"], ["d", "e"]]);
    const s = evaluateClustering(p, truth).overall;
    expect([s.pairwise.f1, s.bcubed.f1, s.ari]).toEqual([1, 1, 1]);
  });

  it("all singletons: pairwise precision 1 (nothing claimed), recall 0", () => {
    const s = evaluateClustering(predOf([["a"], ["b"], ["c"], ["d"], ["e"]]), truth).overall;
    expect(s.pairwise).toEqual({ precision: 1, recall: 0, f1: 0 });
    expect(s.bcubed.precision).toBe(1);
    // recall per ad 1/3,1/3,1/3,1/2,1/2 → 2/5
    expect(s.bcubed.recall).toBeCloseTo(0.4, 12);
    expect(s.ari).toBe(0);
  });

  it("all singletons in both truth and prediction is perfect", () => {
    const t = truthOf({ A: { kind: "independent", ads: ["a"] }, B: { kind: "independent", ads: ["b"] } });
    const s = evaluateClustering(predOf([["a"], ["b"]]), t).overall;
    expect([s.pairwise.f1, s.bcubed.f1, s.ari]).toEqual([1, 1, 1]);
  });

  it("one big cluster", () => {
    // truth {a,b},{c,d}; pred {a,b,c,d}: TP 2, predicted 6, true 2 → P 1/3, R 1
    const t = truthOf({ A: { kind: "agency", ads: ["a", "b"] }, B: { kind: "agency", ads: ["c", "d"] } });
    const s = evaluateClustering(predOf([["a", "b", "c", "d"]]), t).overall;
    expect(s.pairwise.precision).toBeCloseTo(1 / 3, 12);
    expect(s.pairwise.recall).toBe(1);
    expect(s.bcubed.precision).toBeCloseTo(0.5, 12);
    expect(s.bcubed.recall).toBe(1);
    // index 2, Σa 2, Σb 6, C(4,2) 6 → expected 2 → ARI 0
    expect(s.ari).toBeCloseTo(0, 12);
  });

  it("empty input", () => {
    const r0 = evaluateClustering(new Map(), []);
    expect(r0.overall.ads).toBe(0);
    expect(r0.overall.pairwise.f1).toBe(1);
    expect(r0.overall.bcubed.f1).toBe(1);
    expect(r0.overall.ari).toBe(1);
    expect(r0.byKind).toEqual({});
  });

  it("missing predictions are singletons and extra predictions are ignored", () => {
    const p = predOf([["a", "b", "zzz"]]); // c, d, e missing; zzz not in truth
    const s = evaluateClustering(p, truth);
    expect(s.missingPredictions).toBe(3);
    expect(s.extraPredictions).toBe(1);
    expect(s.overall.pairwise.precision).toBe(1);
    expect(s.overall.pairwise.recall).toBeCloseTo(1 / 4, 12);
    expect(s.overall.predictedClusters).toBe(4);
    // two missing ads must not be merged even if they have no prediction
    expect(s.overall.pairwise.precision).toBe(1);
  });

  it("rejects a duplicated truth ad that has a prediction", () => {
    expect(() => evaluateClustering(pred, [...truth, truth[0]])).toThrow(/more than once/);
  });

  it("matches an O(n²) reference on random clusterings", () => {
    const kinds: AuthorKind[] = ["independent", "agency", "trafficking", "scam"];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: -1, max: 5 })), { maxLength: 40 }),
        (spec) => {
          const truth: TruthRow[] = spec.map(([t], i) => ({ ad_id: `ad${i}`, network_id: `n${t}`, kind: kinds[t % 4] }));
          const pred = new Map<string, string>();
          spec.forEach(([, p], i) => {
            if (p >= 0) pred.set(`ad${i}`, `c${p}`);
          });
          const got = evaluateClustering(pred, truth).overall;
          const ref = bruteForce(pred, truth);
          expect(got.pairwise.precision).toBeCloseTo(ref.pp ? ref.tp / ref.pp : 1, 9);
          expect(got.pairwise.recall).toBeCloseTo(ref.tpairs ? ref.tp / ref.tpairs : 1, 9);
          expect(got.bcubed.precision).toBeCloseTo(ref.bp, 9);
          expect(got.bcubed.recall).toBeCloseTo(ref.br, 9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("handles 1M ads in linear time", () => {
    const n = 1_000_000;
    const truth: TruthRow[] = new Array(n);
    const pred = new Map<string, string>();
    for (let i = 0; i < n; i++) {
      const id = `siteA-${i}`;
      truth[i] = { ad_id: id, network_id: `n${i % 90_000}`, kind: i % 10 === 0 ? "trafficking" : "independent" };
      pred.set(id, `p${(i * 7) % 100_000}`);
    }
    const t0 = performance.now();
    const rep = evaluateClustering(pred, truth);
    const ms = performance.now() - t0;
    console.log(`evaluateClustering: 1M ads in ${ms.toFixed(0)} ms`);
    expect(rep.overall.ads).toBe(n);
    expect(ms).toBeLessThan(15_000); // generous: shared CI machines; typical is well under 2 s
  });
});

describe("adjustedRand", () => {
  it("is 1 for identical trivial partitions and 0 when only one side is trivial", () => {
    expect(adjustedRand(0, 0, 0, 5)).toBe(1);
    expect(adjustedRand(0, 3, 0, 5)).toBe(0);
    expect(adjustedRand(0, 0, 0, 1)).toBe(1);
  });
});

describe("formatEvalReport", () => {
  it("renders an aligned table with overall and per-kind rows", () => {
    const truth = truthOf({ T1: { kind: "independent", ads: ["a", "b"] }, T2: { kind: "trafficking", ads: ["c"] } });
    const text = formatEvalReport(evaluateClustering(predOf([["a", "b"]]), truth));
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/pair F1.*B3 F1.*ARI/);
    expect(lines[2]).toMatch(/^overall\s+3\s+2\s+2\s+1\.000/);
    expect(text).toMatch(/^independent /m);
    expect(text).toMatch(/^trafficking /m);
    expect(text).toMatch(/1 truth ads had no prediction/);
  });
});

/**
 * Clustering quality against ground truth: pairwise and B-cubed precision/recall/F1 and the adjusted Rand
 * index, overall and per truth kind. Everything comes from one contingency table (truth network × predicted
 * cluster), so the cost is O(ads + non-empty cells), never O(ads²).
 *
 * Conventions (also in docs/synthetic-corpus.md):
 * - The universe is the set of truth rows. Predictions for ads absent from the truth are ignored (counted in
 *   `extraPredictions`); truth ads absent from the predictions are singleton clusters (`missingPredictions`).
 * - A ratio with an empty denominator is 1 (nothing claimed → nothing wrong; nothing to find → nothing missed).
 * - Per kind k: pairwise precision = correct pairs inside k's networks / predicted pairs with at least one ad of
 *   kind k, recall = correct pairs / true pairs of k's networks; B-cubed = the mean of the per-ad scores over
 *   ads of kind k, computed on the full clustering (a cluster mixing kinds costs both kinds precision); ARI is
 *   computed on the clustering restricted to ads of kind k.
 *
 * @example
 * const r = evaluateClustering(new Map([["a", "x"], ["b", "x"]]), [
 *   { ad_id: "a", network_id: "n1", kind: "scam" },
 *   { ad_id: "b", network_id: "n1", kind: "scam" },
 * ]);
 * r.overall.pairwise.f1; // 1
 */
import type { AuthorKind, TruthRow } from "../domain/truth.js";

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalSection {
  /** Ads in this section. */
  ads: number;
  /** Truth networks among these ads. */
  truthNetworks: number;
  /** Predicted clusters holding at least one of these ads. */
  predictedClusters: number;
  pairwise: Scores;
  bcubed: Scores;
  /** Adjusted Rand index (1 = identical partitions, ≈0 = chance, can be negative). */
  ari: number;
}

export interface EvalReport {
  overall: EvalSection;
  /** Only kinds present in the truth. */
  byKind: Partial<Record<AuthorKind, EvalSection>>;
  /** Truth ads with no prediction (scored as singletons). */
  missingPredictions: number;
  /** Predicted ads not in the truth (ignored). */
  extraPredictions: number;
}

export const AUTHOR_KINDS: readonly AuthorKind[] = ["independent", "agency", "trafficking", "scam"];

const pairs = (n: number): number => (n * (n - 1)) / 2;

function ratio(num: number, den: number): number {
  return den === 0 ? 1 : num / den;
}

function scores(precision: number, recall: number): Scores {
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** ARI from the pair sums: Σ C(n_ij,2), Σ C(a_i,2), Σ C(b_j,2) over n items. */
export function adjustedRand(index: number, sumA: number, sumB: number, n: number): number {
  const total = pairs(n);
  if (total === 0) return 1;
  const expected = (sumA * sumB) / total;
  const max = (sumA + sumB) / 2;
  if (max === expected) return index === expected ? 1 : 0;
  return (index - expected) / (max - expected);
}

/**
 * Scores a predicted clustering (ad id → predicted cluster id) against truth rows, whose ad ids must be
 * unique (a repeat is reported when it can be seen cheaply: when it makes the prediction count inconsistent).
 */
export function evaluateClustering(pred: ReadonlyMap<string, string>, truth: readonly TruthRow[]): EvalReport {
  const n = truth.length;
  const kindCode = new Map<AuthorKind, number>(AUTHOR_KINDS.map((k, i) => [k, i]));
  const K = AUTHOR_KINDS.length;

  // dense ids for truth networks and predicted clusters
  const truthIdx = new Map<string, number>();
  const predIdx = new Map<string, number>();
  const tOf = new Int32Array(n);
  const pOf = new Int32Array(n);
  const truthKind: number[] = [];
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const row = truth[i];
    const kc = kindCode.get(row.kind);
    if (kc === undefined) throw new Error(`eval: ad "${row.ad_id}" has unknown kind "${String(row.kind)}"`);
    let t = truthIdx.get(row.network_id);
    if (t === undefined) {
      t = truthIdx.size;
      truthIdx.set(row.network_id, t);
      truthKind.push(kc);
    }
    tOf[i] = t;
    const pid = pred.get(row.ad_id);
    let p: number;
    if (pid === undefined) {
      missing++;
      p = predIdx.size;
      // a fresh key nobody can collide with: missing ads are singletons
      predIdx.set("\u0000missing\u0000" + row.ad_id, p);
    } else {
      const q = predIdx.get(pid);
      if (q === undefined) {
        p = predIdx.size;
        predIdx.set(pid, p);
      } else p = q;
    }
    pOf[i] = p;
  }
  // truth ad ids are unique (the generator guarantees it; a second 1M-entry hash set would double the cost),
  // so every prediction not consumed above is extra; a negative count can only come from a repeated ad id
  const extra = pred.size - (n - missing);
  if (extra < 0) throw new Error("eval: the truth lists an ad id more than once");

  const T = truthIdx.size;
  const P = predIdx.size;
  const a = new Float64Array(T);
  const b = new Float64Array(P);
  const bKind = new Float64Array(P * K);
  for (let i = 0; i < n; i++) {
    a[tOf[i]]++;
    b[pOf[i]]++;
    bKind[pOf[i] * K + truthKind[tOf[i]]]++;
  }
  // contingency cells without a hash map: bucket ads by truth network (counting sort), then count
  // predicted clusters inside each bucket with a scratch array that is reset after the bucket
  const offset = new Int32Array(T + 1);
  for (let t = 0; t < T; t++) offset[t + 1] = offset[t] + a[t];
  const fill = offset.slice(0, T);
  const byTruth = new Int32Array(n);
  for (let i = 0; i < n; i++) byTruth[fill[tOf[i]]++] = pOf[i];
  const scratch = new Float64Array(P);
  const touched = new Int32Array(n);
  const cellT: number[] = [];
  const cellP: number[] = [];
  const cellC: number[] = [];
  for (let t = 0; t < T; t++) {
    let m = 0;
    for (let j = offset[t]; j < offset[t + 1]; j++) {
      const p = byTruth[j];
      if (scratch[p]++ === 0) touched[m++] = p;
    }
    for (let j = 0; j < m; j++) {
      const p = touched[j];
      cellT.push(t);
      cellP.push(p);
      cellC.push(scratch[p]);
      scratch[p] = 0;
    }
  }

  // per-kind accumulators, index K = overall
  const adsK = new Float64Array(K + 1);
  const netsK = new Float64Array(K + 1);
  const sumA = new Float64Array(K + 1);
  const tp = new Float64Array(K + 1);
  const bcP = new Float64Array(K + 1);
  const bcR = new Float64Array(K + 1);
  for (let t = 0; t < T; t++) {
    const k = truthKind[t];
    adsK[k] += a[t];
    adsK[K] += a[t];
    netsK[k]++;
    netsK[K]++;
    sumA[k] += pairs(a[t]);
    sumA[K] += pairs(a[t]);
  }
  for (let x = 0; x < cellC.length; x++) {
    const t = cellT[x];
    const p = cellP[x];
    const c = cellC[x];
    const k = truthKind[t];
    const cp = pairs(c);
    tp[k] += cp;
    tp[K] += cp;
    const prec = (c * c) / b[p];
    const rec = (c * c) / a[t];
    bcP[k] += prec;
    bcP[K] += prec;
    bcR[k] += rec;
    bcR[K] += rec;
  }
  // predicted pairs: overall, touching kind k (for precision), and inside kind k (for restricted ARI)
  const predPairs = new Float64Array(K + 1);
  const sumBRestricted = new Float64Array(K);
  const clustersK = new Float64Array(K + 1);
  for (let p = 0; p < P; p++) {
    const bp = b[p];
    predPairs[K] += pairs(bp);
    clustersK[K]++;
    for (let k = 0; k < K; k++) {
      const bk = bKind[p * K + k];
      if (bk === 0) continue;
      clustersK[k]++;
      predPairs[k] += pairs(bp) - pairs(bp - bk);
      sumBRestricted[k] += pairs(bk);
    }
  }

  const section = (k: number): EvalSection => {
    const nk = adsK[k];
    return {
      ads: nk,
      truthNetworks: netsK[k],
      predictedClusters: clustersK[k],
      pairwise: scores(ratio(tp[k], predPairs[k]), ratio(tp[k], sumA[k])),
      bcubed: scores(ratio(bcP[k], nk), ratio(bcR[k], nk)),
      ari: adjustedRand(tp[k], sumA[k], k === K ? predPairs[K] : sumBRestricted[k], nk),
    };
  };
  const byKind: Partial<Record<AuthorKind, EvalSection>> = {};
  for (let k = 0; k < K; k++) if (adsK[k] > 0) byKind[AUTHOR_KINDS[k]] = section(k);
  return { overall: section(K), byKind, missingPredictions: missing, extraPredictions: extra };
}

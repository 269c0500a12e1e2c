/**
 * Learning the risk weights from labelled networks: L2-regularised logistic regression (Newton–Raphson, our own,
 * deterministic) on the model's transformed terms, with k-fold cross-validation. Folds are fixed by a hash of the
 * network id within each class, so the same labels give the same folds and the same weights on every run.
 *
 * The learned model keeps the base model's terms, transforms and group cap; if a learned bias would let one group
 * reach 0.5 on its own, the cap is lowered until no group can (the deployed model and its CV AUC respect that).
 */
import type { NetworkFeatures } from "./features.js";
import { rocAuc } from "./metrics.js";
import { maxSingleGroupLogit, transformValue, validateRiskModel, type RiskModel } from "./risk-model.js";
import { scoreOnly } from "./risk.js";

export interface LabelledNetwork {
  id: string;
  features: NetworkFeatures;
  label: boolean;
}

export interface TrainResult {
  model: RiskModel;
  n: number;
  positives: number;
  folds: number;
  /** Cross-validated AUC of the deployed (capped) model, pooled over out-of-fold predictions. */
  cvAuc: number;
  /** The same for the plain logistic regression, without group caps. */
  cvAucUncapped: number;
}

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function design(base: RiskModel, f: NetworkFeatures): number[] {
  return [1, ...base.terms.map((t) => transformValue(t.transform, f[t.feature] ?? Number.NaN))];
}

/** Solves A x = b (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    const d = M[c][c] || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const k = M[r][c] / d;
      if (k !== 0) for (let j = c; j <= n; j++) M[r][j] -= k * M[c][j];
    }
  }
  return M.map((row, i) => row[n] / (M[i][i] || 1e-12));
}

/** Logistic regression coefficients [bias, w1..wd]; the bias is not penalised. */
export function fitLogistic(X: readonly number[][], y: readonly boolean[], l2: number, iterations = 50): number[] {
  const d = X[0]?.length ?? 1;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    const g = new Array<number>(d).fill(0);
    for (let i = 0; i < X.length; i++) {
      const z = X[i].reduce((s, v, j) => s + v * w[j], 0);
      const p = 1 / (1 + Math.exp(-z));
      const r = (y[i] ? 1 : 0) - p;
      const s = Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j < d; j++) {
        g[j] += r * X[i][j];
        for (let k = 0; k < d; k++) H[j][k] += s * X[i][j] * X[i][k];
      }
    }
    for (let j = 1; j < d; j++) {
      g[j] -= l2 * w[j];
      H[j][j] += l2;
    }
    H[0][0] += 1e-9;
    const step = solve(H, g);
    w = w.map((v, j) => v + step[j]);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return w;
}

function toModel(base: RiskModel, w: readonly number[], version: string): RiskModel {
  const m: RiskModel = { ...base, version, bias: w[0], terms: base.terms.map((t, j) => ({ ...t, weight: Math.round(w[j + 1] * 1000) / 1000 })) };
  // keep the promise that no single group reaches 0.5 alone
  let worst = maxSingleGroupLogit(m);
  while (worst.logit >= 0 && m.groupCap > 0.05) {
    m.groupCap = Math.max(0.05, m.groupCap - (worst.logit + 0.05));
    worst = maxSingleGroupLogit(m);
  }
  return validateRiskModel(m);
}

/**
 * Learns weights from labelled networks and reports the cross-validated AUC.
 *
 * @example
 * const r = trainRiskModel(rows, DEFAULT_RISK_MODEL); // r.cvAuc, r.model.terms
 */
export function trainRiskModel(rows: readonly LabelledNetwork[], base: RiskModel, opts: { folds?: number; l2?: number } = {}): TrainResult {
  const folds = opts.folds ?? 5;
  const l2 = opts.l2 ?? 1;
  const pos = rows.filter((r) => r.label).length;
  if (pos < folds || rows.length - pos < folds) throw new Error(`analyze: train needs at least ${folds} positive and ${folds} negative labelled networks (got ${pos} and ${rows.length - pos})`);
  const fold = new Map<string, number>();
  for (const cls of [true, false]) {
    rows.filter((r) => r.label === cls).map((r) => r.id).sort((a, b) => fnv(a) - fnv(b) || a.localeCompare(b)).forEach((id, i) => fold.set(id, i % folds));
  }
  const X = rows.map((r) => design(base, r.features));
  const y = rows.map((r) => r.label);
  const oofCapped = new Array<number>(rows.length).fill(0);
  const oofPlain = new Array<number>(rows.length).fill(0);
  for (let k = 0; k < folds; k++) {
    const tr = rows.map((_, i) => i).filter((i) => fold.get(rows[i].id) !== k);
    const w = fitLogistic(tr.map((i) => X[i]), tr.map((i) => y[i]), l2);
    const m = toModel(base, w, "cv");
    rows.forEach((r, i) => {
      if (fold.get(r.id) !== k) return;
      oofPlain[i] = X[i].reduce((s, v, j) => s + v * w[j], 0);
      oofCapped[i] = scoreOnly(m, r.features);
    });
  }
  const w = fitLogistic(X, y, l2);
  const hash = fnv(w.map((v) => v.toFixed(4)).join(",")).toString(16).padStart(8, "0");
  return {
    model: toModel(base, w, `learned-${hash} (${rows.length} networks, ${folds}-fold CV, L2 ${l2}, from ${base.version})`),
    n: rows.length,
    positives: pos,
    folds,
    cvAuc: rocAuc(oofCapped, y),
    cvAucUncapped: rocAuc(oofPlain, y),
  };
}

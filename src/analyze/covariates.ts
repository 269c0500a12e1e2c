/**
 * Covariates (`--covariates covariates.csv`): one row per city or province (first column `city`, `region` or
 * `province`), any numeric columns (median income, unemployment rate, population …). Each column is correlated
 * with each area's activity — ads per week, risk-weighted ads per week, and the high-risk share (risk-weighted /
 * all) — with Pearson's r and a 95 % interval from Fisher's z, and Spearman's ρ. These are ecological correlations
 * between areas, not statements about people; with fewer than `MIN_AREAS` areas they mean nothing and say so.
 */
import { placeKey, type CsvTable } from "./csv.js";
import type { HotspotTable } from "./hotspots.js";

export const MIN_AREAS = 10;

export interface Correlation {
  covariate: string;
  outcome: "adsPerWeek" | "riskPerWeek" | "highRiskShare";
  n: number;
  pearson: number;
  ci95: [number, number];
  spearman: number;
  warning?: string;
}

export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}

function ranks(x: readonly number[]): number[] {
  const idx = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
  const r = new Array<number>(x.length);
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && x[idx[j + 1]] === x[idx[i]]) j++;
    for (let k = i; k <= j; k++) r[idx[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/** 95 % interval of Pearson's r by Fisher's z (needs n ≥ 4). */
export function fisherInterval(r: number, n: number): [number, number] {
  if (n < 4 || !Number.isFinite(r)) return [-1, 1];
  const z = Math.atanh(Math.max(-0.999999, Math.min(0.999999, r)));
  const se = 1 / Math.sqrt(n - 3);
  return [Math.tanh(z - 1.96 * se), Math.tanh(z + 1.96 * se)];
}

/**
 * Correlations between covariate columns and each matched area's activity.
 *
 * @example
 * covariateCorrelations(table, readCsv("covariates.csv"));
 */
export function covariateCorrelations(table: HotspotTable, cov: CsvTable): { level: "city" | "province"; matched: string[]; unmatched: string[]; correlations: Correlation[] } {
  const first = cov.header[0];
  const level = first === "city" ? "city" : first === "region" || first === "province" ? "province" : null;
  if (!level) throw new Error(`analyze: covariates: the first column must be "city", "region" or "province", got "${first}"`);
  const areas = level === "city" ? table.cities : table.provinces;
  const byKey = new Map(areas.map((a) => [placeKey(a.key), a]));
  const weeks = Math.max(1, table.weeks);
  const matched: string[] = [];
  const unmatched: string[] = [];
  const activity: { ads: number; risk: number; share: number }[] = [];
  const values: number[][] = cov.header.slice(1).map(() => []);
  for (const r of cov.rows) {
    const a = byKey.get(placeKey(r.cells[0]));
    if (!a) {
      unmatched.push(r.cells[0]);
      continue;
    }
    const nums = r.cells.slice(1).map(Number);
    if (nums.some((v) => !Number.isFinite(v))) throw new Error(`analyze: covariates line ${r.line}: every column after the first must be numeric`);
    matched.push(a.key);
    const ads = a.ads.reduce((s, v) => s + v, 0);
    const risk = a.risk.reduce((s, v) => s + v, 0);
    activity.push({ ads: ads / weeks, risk: risk / weeks, share: ads > 0 ? risk / ads : 0 });
    nums.forEach((v, j) => values[j].push(v));
  }
  const correlations: Correlation[] = [];
  const outcomes = [
    ["adsPerWeek", activity.map((a) => a.ads)],
    ["riskPerWeek", activity.map((a) => a.risk)],
    ["highRiskShare", activity.map((a) => a.share)],
  ] as const;
  cov.header.slice(1).forEach((name, j) => {
    for (const [outcome, ys] of outcomes) {
      const n = ys.length;
      const r = n >= 3 ? pearson(values[j], ys) : Number.NaN;
      const c: Correlation = { covariate: name, outcome, n, pearson: r, ci95: fisherInterval(r, n), spearman: n >= 3 ? pearson(ranks(values[j]), ranks(ys)) : Number.NaN };
      if (n < MIN_AREAS) c.warning = `only ${n} areas: too few for a correlation to mean anything`;
      correlations.push(c);
    }
  });
  return { level, matched, unmatched, correlations };
}

/**
 * Network features: what an analyst reads off a cluster of ads — how many people, phones and cities, how fast it
 * moves, how often its ads carry each indicator cue, its prices against each city's median, and whether one text
 * is reused for different people. Every feature is documented with its source in `docs/indicators.md`.
 */
import { hasCue } from "./cues.js";
import type { AnalysisData } from "./data.js";
import { haversineKm } from "./geo.js";
import { summarizeTrail, trail, type TrailPoint, type Visit } from "./movement.js";

/** Cue codes whose per-network share is a feature (`share_<code>`). */
export const SHARE_CUES = [
  "trustworthy_language",
  "obscured_phone",
  "ethnicity_stated",
  "youthful_language",
  "movement_language",
  "client_screening",
  "third_person",
  "multiple_providers",
] as const;

export type NetworkFeatures = Record<string, number>;

/** Window for phones in simultaneous use. */
const CONCURRENT_WINDOW_DAYS = 14;
/** Pairwise spread is computed over at most this many cities (the most visited). */
const SPREAD_MAX_CITIES = 40;

/** Median hourly price per city (NaN when the city has fewer than 5 priced ads). */
export function cityPriceMedians(data: AnalysisData): Float64Array {
  const per: number[][] = data.cities.map(() => []);
  for (let i = 0; i < data.n; i++) if (data.city[i] >= 0 && data.hourly[i] > 0) per[data.city[i]].push(data.hourly[i]);
  return Float64Array.from(per, (xs) => (xs.length < 5 ? Number.NaN : median(xs)));
}

export function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The trail of network k. */
export function networkTrail(data: AnalysisData, k: number): Visit[] {
  const pts: TrailPoint[] = [];
  for (let j = data.netStart[k]; j < data.netStart[k + 1]; j++) {
    const i = data.order[j];
    pts.push({ day: data.day[i], city: data.city[i] });
  }
  return trail(pts);
}

function concurrentPhones(data: AnalysisData, k: number): number {
  const counts = new Map<number, number>();
  let best = 0;
  let lo = data.netStart[k];
  for (let j = lo; j < data.netStart[k + 1]; j++) {
    const i = data.order[j];
    if (Number.isNaN(data.day[i])) break;
    for (let p = data.phoneStart[i]; p < data.phoneStart[i + 1]; p++) counts.set(data.phoneIds[p], (counts.get(data.phoneIds[p]) ?? 0) + 1);
    while (data.day[data.order[lo]] < data.day[i] - CONCURRENT_WINDOW_DAYS) {
      const o = data.order[lo++];
      for (let p = data.phoneStart[o]; p < data.phoneStart[o + 1]; p++) {
        const c = (counts.get(data.phoneIds[p]) ?? 1) - 1;
        if (c === 0) counts.delete(data.phoneIds[p]);
        else counts.set(data.phoneIds[p], c);
      }
    }
    best = Math.max(best, counts.size);
  }
  return best;
}

function spreadKm(data: AnalysisData, visits: readonly Visit[]): number {
  const byAds = new Map<number, number>();
  for (const v of visits) byAds.set(v.city, (byAds.get(v.city) ?? 0) + v.ads);
  const cs = [...byAds.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, SPREAD_MAX_CITIES)
    .map(([c]) => data.cities[c])
    .filter((c) => Number.isFinite(c.lat));
  let best = 0;
  for (let a = 0; a < cs.length; a++) for (let b = a + 1; b < cs.length; b++) best = Math.max(best, haversineKm(cs[a].lat, cs[a].lon, cs[b].lat, cs[b].lon));
  return best;
}

/**
 * Features of network k. `priceMedians` comes from `cityPriceMedians`.
 *
 * @example
 * const f = networkFeatures(data, 0, cityPriceMedians(data)); // { ads: 12, names: 6, phones: 2, … }
 */
export function networkFeatures(data: AnalysisData, k: number, priceMedians: Float64Array, visits = networkTrail(data, k)): NetworkFeatures {
  const a = data.netStart[k];
  const b = data.netStart[k + 1];
  const n = b - a;
  let first = Infinity;
  let last = -Infinity;
  const cueCounts = new Array<number>(SHARE_CUES.length).fill(0);
  let minors = 0;
  let identity = 0;
  const rel: number[] = [];
  for (let j = a; j < b; j++) {
    const i = data.order[j];
    const d = data.day[i];
    if (Number.isFinite(d)) {
      first = Math.min(first, d);
      last = Math.max(last, d);
    }
    const m = data.cues[i];
    for (let c = 0; c < SHARE_CUES.length; c++) if (hasCue(m, SHARE_CUES[c])) cueCounts[c]++;
    if (hasCue(m, "stated_age_under_18")) minors++;
    identity += data.hasIdentity[i];
    const c = data.city[i];
    if (c >= 0 && data.hourly[i] > 0 && priceMedians[c] > 0) rel.push(data.hourly[i] / priceMedians[c]);
  }
  const activeDays = Number.isFinite(first) ? last - first + 1 : 1;
  const t = summarizeTrail(visits);
  const f: NetworkFeatures = {
    ads: n,
    activeDays: round(activeDays, 1),
    adsPerWeek: round(n / Math.max(1, activeDays / 7), 2),
    names: data.names.distinct[k],
    ages: data.ages.distinct[k],
    ethnicities: data.ethnicities.distinct[k],
    phones: data.phones.distinct[k],
    phoneEntropy: round(data.phones.entropy[k], 3),
    concurrentPhones: concurrentPhones(data, k),
    cities: t.cities,
    spreadKm: Math.round(spreadKm(data, visits)),
    cityMoves: t.transitions,
    movesPer30Days: round(t.transitions / Math.max(1, activeDays / 30), 2),
    returns: t.returns,
    medianVisitDays: round(t.medianVisitDays, 1),
    pricedAds: rel.length,
    relativePrice: rel.length ? round(median(rel), 3) : 1,
    templateLinks: data.templateLinks[k],
    templateReuse: data.templateLinks[k] ? round(data.templateCross[k] / data.templateLinks[k], 3) : 0,
    minorStated: minors,
    identityCoverage: round(identity / Math.max(1, n), 3),
  };
  for (let c = 0; c < SHARE_CUES.length; c++) f[`share_${SHARE_CUES[c]}`] = round(cueCounts[c] / Math.max(1, n), 3);
  return f;
}

function round(x: number, digits: number): number {
  const p = 10 ** digits;
  return Math.round(x * p) / p;
}

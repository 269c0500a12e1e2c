/**
 * Hotspots: ad counts, risk-weighted counts (each ad counts its network's risk score) and distinct high-risk
 * networks per city and province per week, and spikes against each area's own baseline.
 *
 * Spike test (robust, one-sided): for week w of an area, the baseline is the **median** of the area's previous
 * `baselineWeeks` weeks, the scale is max(1.4826 × MAD, √median, 1) — the MAD, made consistent with a standard
 * deviation, floored by a Poisson-like √median so that quiet areas with a flat history do not alarm on a handful of
 * ads. A week is a spike when z = (x − median) / scale ≥ `z`, the excess x − median ≥ `minExcess` and x ≥
 * `minRatio` × median. The first and last week of the data are partial and never tested.
 */
import type { AnalysisData } from "./data.js";
import { weekOf } from "./geo.js";

export type Measure = "ads" | "risk" | "networks";

/** A network counts toward the `networks` measure when its risk is at least this. */
export const HIGH_RISK = 0.5;

export interface AreaSeries {
  key: string;
  kind: "city" | "province";
  ads: Float64Array;
  risk: Float64Array;
  /** Distinct high-risk networks (risk ≥ HIGH_RISK) posting in the area that week. */
  networks: Float64Array;
}

export interface HotspotTable {
  /** Week number of index 0 (see geo.ts weekOf). */
  firstWeek: number;
  weeks: number;
  cities: AreaSeries[];
  provinces: AreaSeries[];
  /** All ads per week and risk-weighted per week. */
  total: { ads: Float64Array; risk: Float64Array };
}

/**
 * Weekly series per city and province.
 *
 * @example
 * const t = hotspotTable(data, analysis.networkRisk);
 */
export function hotspotTable(data: AnalysisData, risk: ArrayLike<number>): HotspotTable {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < data.n; i++) {
    if (Number.isNaN(data.day[i])) continue;
    const w = weekOf(data.day[i]);
    if (w < lo) lo = w;
    if (w > hi) hi = w;
  }
  const weeks = Number.isFinite(lo) ? hi - lo + 1 : 0;
  const series = (key: string, kind: AreaSeries["kind"]): AreaSeries => ({ key, kind, ads: new Float64Array(weeks), risk: new Float64Array(weeks), networks: new Float64Array(weeks) });
  const cities: AreaSeries[] = data.cities.map((c) => series(c.key, "city"));
  const seen = new Set<string>();
  const prov = new Map<string, AreaSeries>();
  const total = { ads: new Float64Array(weeks), risk: new Float64Array(weeks) };
  for (let i = 0; i < data.n; i++) {
    if (Number.isNaN(data.day[i])) continue;
    const w = weekOf(data.day[i]) - lo;
    const r = risk[i];
    total.ads[w]++;
    total.risk[w] += r;
    if (data.city[i] >= 0) {
      const c = cities[data.city[i]];
      c.ads[w]++;
      c.risk[w] += r;
      if (r >= HIGH_RISK && !seen.has(`c${data.city[i]}:${w}:${data.net[i]}`)) {
        seen.add(`c${data.city[i]}:${w}:${data.net[i]}`);
        c.networks[w]++;
      }
    }
    const p = data.province[i];
    if (p) {
      let s = prov.get(p);
      if (!s) prov.set(p, (s = series(p, "province")));
      s.ads[w]++;
      s.risk[w] += r;
      if (r >= HIGH_RISK && !seen.has(`p${p}:${w}:${data.net[i]}`)) {
        seen.add(`p${p}:${w}:${data.net[i]}`);
        s.networks[w]++;
      }
    }
  }
  return { firstWeek: lo, weeks, cities, provinces: [...prov.values()].sort((a, b) => a.key.localeCompare(b.key)), total };
}

export interface SpikeOptions {
  baselineWeeks: number;
  minHistory: number;
  z: number;
  minExcess: number;
  minRatio: number;
}

export const DEFAULT_SPIKE_OPTIONS: SpikeOptions = { baselineWeeks: 12, minHistory: 6, z: 5, minExcess: 8, minRatio: 2 };

/**
 * Per-measure defaults. For `networks` — how many distinct high-risk networks post in a city in a week — an excess
 * of 4 networks: one crew arriving on its circuit adds one network, an event draws many at once.
 */
export const SPIKE_DEFAULTS: Record<Measure, SpikeOptions> = {
  ads: DEFAULT_SPIKE_OPTIONS,
  risk: DEFAULT_SPIKE_OPTIONS,
  networks: { ...DEFAULT_SPIKE_OPTIONS, minExcess: 4 },
};

export interface Spike {
  area: string;
  kind: "city" | "province";
  measure: Measure;
  week: number;
  value: number;
  baseline: number;
  scale: number;
  z: number;
}

function medianOf(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Robust baseline of `series` before index w: median and scale (see the module comment). */
export function robustBaseline(series: ArrayLike<number>, w: number, o: SpikeOptions): { median: number; scale: number } | null {
  const from = Math.max(1, w - o.baselineWeeks);
  if (w - from < o.minHistory) return null;
  const hist: number[] = [];
  for (let k = from; k < w; k++) hist.push(series[k]);
  const med = medianOf(hist);
  const mad = medianOf(hist.map((x) => Math.abs(x - med)));
  return { median: med, scale: Math.max(1.4826 * mad, Math.sqrt(med), 1) };
}

/** Area-weeks tested and spikes found, for one measure, over cities (and provinces when asked). */
export function detectSpikes(
  table: HotspotTable,
  measure: Measure,
  opts: Partial<SpikeOptions> = {},
  areas: readonly AreaSeries[] = table.cities,
): { tested: number; spikes: Spike[] } {
  const o = { ...SPIKE_DEFAULTS[measure], ...opts };
  const spikes: Spike[] = [];
  let tested = 0;
  for (const a of areas) {
    const s = a[measure];
    for (let w = 1; w < table.weeks - 1; w++) {
      const b = robustBaseline(s, w, o);
      if (!b) continue;
      // an area that has not started yet (no history, nothing this week) is not a tested area-week
      if (b.median === 0 && s[w] === 0) continue;
      tested++;
      const x = s[w];
      const z = (x - b.median) / b.scale;
      if (z >= o.z && x - b.median >= o.minExcess && x >= o.minRatio * b.median) {
        spikes.push({ area: a.key, kind: a.kind, measure, week: table.firstWeek + w, value: x, baseline: b.median, scale: b.scale, z });
      }
    }
  }
  spikes.sort((x, y) => y.z - x.z);
  return { tested, spikes };
}

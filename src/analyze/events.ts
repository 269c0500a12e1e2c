/**
 * Events (`--events events.csv`: name, city, start, end): activity in the event's city during the event weeks
 * against comparable weeks — the same city, the `window` weeks before and after, event weeks excluded. The effect
 * is reported as a ratio to the comparable weeks' median and as a robust z (median / 1.4826·MAD, floored like the
 * spike test).
 */
import { parseCsv, placeKey, type CsvTable } from "./csv.js";
import { dayOf, weekOf } from "./geo.js";
import type { HotspotTable, Measure } from "./hotspots.js";

export interface EventSpec {
  name: string;
  city: string;
  start: string;
  end: string;
}

export interface EventEffect {
  event: EventSpec;
  area: string | null;
  weeks: number[];
  measure: Measure;
  during: number;
  comparable: { median: number; q1: number; q3: number; weeks: number };
  ratio: number;
  z: number;
  note?: string;
}

export function parseEvents(text: string, what = "events.csv"): EventSpec[] {
  return eventsFrom(parseCsv(text, what), what);
}

export function eventsFrom(t: CsvTable, what: string): EventSpec[] {
  const col = (n: string) => {
    const i = t.header.indexOf(n);
    if (i < 0) throw new Error(`analyze: ${what}: missing column "${n}" (need name,city,start,end)`);
    return i;
  };
  const [n, c, s, e] = [col("name"), col("city"), col("start"), col("end")];
  return t.rows.map((r) => {
    const ev = { name: r.cells[n], city: r.cells[c], start: r.cells[s], end: r.cells[e] };
    if (Number.isNaN(Date.parse(ev.start)) || Number.isNaN(Date.parse(ev.end))) throw new Error(`analyze: ${what} line ${r.line}: start/end must be ISO dates`);
    return ev;
  });
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const p = (sorted.length - 1) * q;
  const lo = Math.floor(p);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (p - lo);
}

/**
 * The change in activity during each event.
 *
 * @example
 * eventEffects(table, [{ name: "Grand Prix", city: "Montreal", start: "2024-06-03", end: "2024-06-09" }], "risk");
 */
export function eventEffects(table: HotspotTable, events: readonly EventSpec[], measure: Measure, window = 8): EventEffect[] {
  return events.map((ev) => {
    const area = table.cities.find((c) => placeKey(c.key) === placeKey(ev.city)) ?? null;
    const w0 = weekOf(dayOf(ev.start)) - table.firstWeek;
    const w1 = weekOf(dayOf(ev.end)) - table.firstWeek;
    const weeks: number[] = [];
    for (let w = w0; w <= w1; w++) weeks.push(table.firstWeek + w);
    const empty: EventEffect = { event: ev, area: area?.key ?? null, weeks, measure, during: 0, comparable: { median: Number.NaN, q1: Number.NaN, q3: Number.NaN, weeks: 0 }, ratio: Number.NaN, z: Number.NaN };
    if (!area) return { ...empty, note: `no ads in a city matching "${ev.city}"` };
    if (w1 < 0 || w0 >= table.weeks) return { ...empty, note: "the event lies outside the data's weeks" };
    const s = area[measure];
    let during = 0;
    for (let w = Math.max(0, w0); w <= Math.min(table.weeks - 1, w1); w++) during += s[w];
    during /= w1 - w0 + 1;
    const comp: number[] = [];
    for (let w = w0 - window; w <= w1 + window; w++) if ((w < w0 || w > w1) && w >= 1 && w < table.weeks - 1) comp.push(s[w]);
    comp.sort((a, b) => a - b);
    const med = quantile(comp, 0.5);
    const mad = quantile(comp.map((x) => Math.abs(x - med)).sort((a, b) => a - b), 0.5);
    const scale = Math.max(1.4826 * mad, Math.sqrt(med), 1);
    return {
      ...empty,
      during,
      comparable: { median: med, q1: quantile(comp, 0.25), q3: quantile(comp, 0.75), weeks: comp.length },
      ratio: med > 0 ? during / med : Number.POSITIVE_INFINITY,
      z: (during - med) / scale,
      note: comp.length < 6 ? "fewer than 6 comparable weeks: treat with caution" : undefined,
    };
  });
}

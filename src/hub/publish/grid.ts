/**
 * The table behind a publication, as one flat grid of cells: rows are the nation, its provinces and their cities
 * (a tree), columns are the weeks plus a total column. Every additive relation the published table implies is
 * listed once, so suppression and the disclosure audit work on the same equations an attacker would.
 *
 * Rows are ordered as published: nation, then each province followed by its cities; cell ids follow that order,
 * which is also the tie-break order of every suppression choice.
 */
import type { PublishRow } from "./types.js";
import { PublishError, UNKNOWN_PROVINCE } from "./types.js";
import { isMonday } from "./window.js";

export interface GridRow {
  level: "national" | "province" | "city";
  province: string | null;
  /** null on a city-level row: the province's "other or unknown city" row. */
  city: string | null;
  /** Index of the parent row; -1 for the nation. */
  parent: number;
  children: number[];
}

/** `total = sum(parts)`, over cell ids. */
export interface Relation {
  total: number;
  parts: number[];
}

export interface Grid {
  weeks: string[];
  rows: GridRow[];
  /** Columns per row: the weeks, then the total (column `weeks.length`). */
  width: number;
  /** True count of every cell, by cell id (`row * width + column`). */
  counts: number[];
  relations: Relation[];
  /** Relation indices each cell takes part in. */
  relationsOf: number[][];
}

/** Cities whose total over the period is below k are counted in their province's "other or unknown city" row. */
function leafRows(cities: Map<string | null, number[]>, k: number): [string | null, number[]][] {
  const width = cities.values().next().value?.length ?? 0;
  const other = cities.get(null) ?? new Array<number>(width).fill(0);
  const named: [string | null, number[]][] = [];
  for (const [city, counts] of cities) {
    if (city === null) continue;
    if (counts[width - 1] >= k) named.push([city, counts]);
    else counts.forEach((n, i) => (other[i] += n));
  }
  named.sort((a, b) => (a[0] as string).localeCompare(b[0] as string, "en"));
  if (other[width - 1] > 0) named.push([null, other]);
  return named;
}

/** Builds the grid from input rows (summed per place and week; unknown province → "unknown"). */
export function buildGrid(rows: readonly PublishRow[], k: number, weeks: readonly string[]): Grid {
  const W = weeks.length;
  const width = W + 1;
  const col = new Map(weeks.map((w, i) => [w, i]));
  const byProvince = new Map<string, Map<string | null, number[]>>();
  for (const r of rows) {
    if (!Number.isSafeInteger(r.ads) || r.ads < 0) throw new PublishError(`ads must be a non-negative integer (got ${r.ads})`);
    const c = col.get(r.week);
    if (c === undefined) throw new PublishError(`week ${r.week} is not among the table's weeks`);
    if (r.ads === 0) continue;
    const province = r.province === null || r.province === "" ? UNKNOWN_PROVINCE : r.province;
    const city = r.city === "" ? null : r.city;
    let cities = byProvince.get(province);
    if (!cities) byProvince.set(province, (cities = new Map()));
    let counts = cities.get(city);
    if (!counts) cities.set(city, (counts = new Array<number>(width).fill(0)));
    counts[c] += r.ads;
    counts[W] += r.ads;
  }
  const provinces = [...byProvince.keys()].sort((a, b) =>
    a === UNKNOWN_PROVINCE ? 1 : b === UNKNOWN_PROVINCE ? -1 : a.localeCompare(b, "en"),
  );

  const gridRows: GridRow[] = [{ level: "national", province: null, city: null, parent: -1, children: [] }];
  const counts: number[] = new Array<number>(width).fill(0);
  for (const p of provinces) {
    const pi = gridRows.length;
    gridRows[0].children.push(pi);
    gridRows.push({ level: "province", province: p, city: null, parent: 0, children: [] });
    counts.push(...new Array<number>(width).fill(0));
    for (const [city, cells] of leafRows(byProvince.get(p) as Map<string | null, number[]>, k)) {
      gridRows[pi].children.push(gridRows.length);
      gridRows.push({ level: "city", province: p, city, parent: pi, children: [] });
      counts.push(...cells);
      for (let c = 0; c < width; c++) {
        counts[pi * width + c] += cells[c];
        counts[c] += cells[c];
      }
    }
  }

  const relations: Relation[] = [];
  gridRows.forEach((row, r) => {
    if (W > 0) relations.push({ total: r * width + W, parts: Array.from({ length: W }, (_, c) => r * width + c) });
    if (row.children.length === 0) return;
    for (let c = 0; c < width; c++) relations.push({ total: r * width + c, parts: row.children.map((ch) => ch * width + c) });
  });
  const relationsOf: number[][] = Array.from({ length: counts.length }, () => []);
  relations.forEach((rel, i) => {
    relationsOf[rel.total].push(i);
    for (const p of rel.parts) relationsOf[p].push(i);
  });
  return { weeks: [...weeks], rows: gridRows, width, counts, relations, relationsOf };
}

/** Checks a week list: Mondays, strictly ascending. */
export function checkWeeks(weeks: readonly string[]): void {
  weeks.forEach((w, i) => {
    if (!isMonday(w)) throw new PublishError(`week "${w}" is not a Monday (YYYY-MM-DD)`);
    if (i > 0 && weeks[i - 1] >= w) throw new PublishError(`weeks must be strictly ascending ("${weeks[i - 1]}" before "${w}")`);
  });
}

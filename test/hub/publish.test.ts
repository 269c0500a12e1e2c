/**
 * Safe public aggregates under attack. The attacker here is written independently of the library: it reads only
 * the published table, writes down every published value and every additive relation the table implies (row
 * totals, cities → province, provinces → nation, at every week and at the total), and solves for the hidden
 * values exactly with rational arithmetic (BigInt fractions). A hidden value is recoverable iff its unit vector
 * lies in the row space of the system restricted to the hidden values; the attacker then also computes it.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { recoverableCells } from "../../src/hub/publish/audit.js";
import { buildGrid } from "../../src/hub/publish/grid.js";
import { presentGrid, publishTable } from "../../src/hub/publish/publish.js";
import { complementFixpoint, primarySuppression } from "../../src/hub/publish/suppress.js";
import type { PublishRow, PublishedRow, PublishedTable } from "../../src/hub/publish/types.js";
import { PublishError, UNKNOWN_PROVINCE } from "../../src/hub/publish/types.js";

// ---------- exact rationals ----------

type Frac = readonly [bigint, bigint]; // numerator, positive denominator, in lowest terms

const babs = (a: bigint) => (a < 0n ? -a : a);
function bgcd(a: bigint, b: bigint): bigint {
  a = babs(a);
  b = babs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}
function frac(n: bigint, d = 1n): Frac {
  if (d === 0n) throw new Error("division by zero");
  if (d < 0n) [n, d] = [-n, -d];
  const g = bgcd(n, d) || 1n;
  return [n / g, d / g];
}
const ZERO = frac(0n);
const isZero = (a: Frac) => a[0] === 0n;
const add = (a: Frac, b: Frac) => frac(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
const sub = (a: Frac, b: Frac) => frac(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const mul = (a: Frac, b: Frac) => frac(a[0] * b[0], a[1] * b[1]);
const div = (a: Frac, b: Frac) => frac(a[0] * b[1], a[1] * b[0]);

// ---------- the attacker ----------

/** Every value of a published table, in table order: nation, then each province followed by its cities. */
function tableRows(t: PublishedTable): PublishedRow[] {
  return [t.national, ...t.provinces.flatMap((p) => [p as PublishedRow, ...p.cities])];
}

/** The additive relations of a published table as lists of [value index, coefficient] that sum to zero. */
function tableRelations(t: PublishedTable): [number, number][][] {
  const width = t.weeks.length + 1;
  const at = (row: number, col: number) => row * width + col;
  const rels: [number, number][][] = [];
  const rowCount = tableRows(t).length;
  for (let r = 0; r < rowCount; r++) {
    if (t.weeks.length > 0) rels.push([[at(r, t.weeks.length), -1], ...t.weeks.map((_, c): [number, number] => [at(r, c), 1])]);
  }
  const provinceRows: number[] = [];
  let r = 1;
  for (const p of t.provinces) {
    provinceRows.push(r);
    const cityRows = p.cities.map((_, i) => r + 1 + i);
    for (let c = 0; c < width; c++) rels.push([[at(r, c), -1], ...cityRows.map((cr): [number, number] => [at(cr, c), 1])]);
    r += 1 + p.cities.length;
  }
  for (let c = 0; c < width; c++) rels.push([[at(0, c), -1], ...provinceRows.map((pr): [number, number] => [at(pr, c), 1])]);
  return rels;
}

interface Attack {
  hidden: number[];
  /** value index → the value the attacker worked out exactly. */
  recovered: Map<number, bigint>;
}

/** Gauss–Jordan over the hidden values, then tries to reduce every hidden unit vector to zero. */
function attack(t: PublishedTable): Attack {
  const values = tableRows(t).flatMap((row) => [...row.weeks, row.total]);
  const hidden = values.flatMap((v, i) => (v === null ? [i] : []));
  const varOf = new Map(hidden.map((v, j) => [v, j]));
  const n = hidden.length;
  // Each equation: coefficients over hidden values and a right-hand side from the published ones.
  const system: { a: Frac[]; b: Frac }[] = [];
  for (const rel of tableRelations(t)) {
    const a: Frac[] = new Array<Frac>(n).fill(ZERO);
    let b = ZERO;
    for (const [idx, coef] of rel) {
      const v = values[idx];
      if (v === null) a[varOf.get(idx) as number] = frac(BigInt(coef));
      else b = sub(b, frac(BigInt(coef * v)));
    }
    if (a.some((x) => !isZero(x))) system.push({ a, b });
  }
  const pivots: { col: number; a: Frac[]; b: Frac }[] = [];
  for (let col = 0, row = 0; col < n && row < system.length; col++) {
    const p = system.findIndex((e, i) => i >= row && !isZero(e.a[col]));
    if (p < 0) continue;
    [system[row], system[p]] = [system[p], system[row]];
    const piv = system[row];
    const scale = piv.a[col];
    piv.a = piv.a.map((x) => div(x, scale));
    piv.b = div(piv.b, scale);
    system.forEach((e, i) => {
      if (i === row || isZero(e.a[col])) return;
      const f = e.a[col];
      e.a = e.a.map((x, j) => sub(x, mul(f, piv.a[j])));
      e.b = sub(e.b, mul(f, piv.b));
    });
    pivots.push({ col, a: piv.a, b: piv.b });
    row++;
  }
  // Consistency: the published table must be a real table (no 0 = 1 among the equations).
  for (const e of system) if (e.a.every(isZero)) expect(isZero(e.b)).toBe(true);
  const recovered = new Map<number, bigint>();
  hidden.forEach((idx, j) => {
    let v: Frac[] = new Array<Frac>(n).fill(ZERO);
    v[j] = frac(1n);
    let value = ZERO;
    for (const p of pivots) {
      const y = v[p.col];
      if (isZero(y)) continue;
      v = v.map((x, i) => sub(x, mul(y, p.a[i])));
      value = add(value, mul(y, p.b));
    }
    if (v.every(isZero)) recovered.set(idx, value[0] / value[1]);
  });
  return { hidden, recovered };
}

// ---------- the truth, from the input rows ----------

/** True counts for every value of the published table's layout (same order as `tableRows`). */
function truthOf(rows: readonly PublishRow[], t: PublishedTable): number[][] {
  const width = t.weeks.length + 1;
  const col = new Map(t.weeks.map((w, i) => [w, i]));
  const sum = (keep: (r: PublishRow) => boolean) => {
    const out = new Array<number>(width).fill(0);
    for (const r of rows) {
      if (!keep(r)) continue;
      out[col.get(r.week) as number] += r.ads;
      out[width - 1] += r.ads;
    }
    return out;
  };
  const provinceOf = (r: PublishRow) => (r.province === null || r.province === "" ? UNKNOWN_PROVINCE : r.province);
  const out: number[][] = [sum(() => true)];
  for (const p of t.provinces) {
    const prov = sum((r) => provinceOf(r) === p.province);
    out.push(prov);
    const cities = p.cities.map((c) => (c.city === null ? null : sum((r) => provinceOf(r) === p.province && r.city === c.city)));
    // The "other or unknown city" row: whatever of the province no named city holds.
    const other = prov.map((n, i) => n - cities.reduce((s, c) => s + (c ? c[i] : 0), 0));
    for (const c of cities) out.push(c ?? other);
  }
  return out;
}

/** Everything a published table must satisfy; returns the attack for further checks. */
function checkSafe(rows: readonly PublishRow[], t: PublishedTable): Attack {
  const k = t.k;
  const truth = truthOf(rows, t);
  const published = tableRows(t);
  expect(published.length).toBe(truth.length);
  published.forEach((row, r) => {
    const vals = [...row.weeks, row.total];
    vals.forEach((v, c) => {
      if (v === null) return;
      // Published values are the true counts (totals included), and never a small count.
      expect(v).toBe(truth[r][c]);
      expect(v === 0 || v >= k).toBe(true);
    });
  });
  // Layout: named cities have at least k ads; every other city is in its province's "other" row, which exists
  // exactly when it holds ads.
  for (const p of t.provinces) {
    const prov = p.province;
    const totals = new Map<string, number>();
    for (const r of rows) {
      const rp = r.province === null || r.province === "" ? UNKNOWN_PROVINCE : r.province;
      if (rp === prov && r.city) totals.set(r.city, (totals.get(r.city) ?? 0) + r.ads);
    }
    for (const [city, n] of totals) expect(p.cities.some((c) => c.city === city)).toBe(n >= k);
    const otherIdx = p.cities.findIndex((c) => c.city === null);
    const rowIdx = published.indexOf(p) + 1 + otherIdx;
    if (otherIdx >= 0) expect(truth[rowIdx][t.weeks.length]).toBeGreaterThan(0);
    expect(otherIdx === -1 || otherIdx === p.cities.length - 1).toBe(true);
  }
  // Every province present in the data is in the table (with its ads).
  const provinces = new Set(rows.filter((r) => r.ads > 0).map((r) => (r.province === null || r.province === "" ? UNKNOWN_PROVINCE : r.province)));
  expect(new Set(t.provinces.map((p) => p.province))).toEqual(provinces);
  // The suppressed counts match the nulls.
  const nulls = published.reduce((n, row) => n + [...row.weeks, row.total].filter((v) => v === null).length, 0);
  expect(t.suppressed.primary + t.suppressed.complementary).toBe(nulls);
  const small = truth.flat().filter((n) => n >= 1 && n < k).length;
  expect(t.suppressed.primary).toBe(small);
  // The attack: no hidden value can be worked out exactly.
  const a = attack(t);
  expect([...a.recovered.keys()]).toEqual([]);
  return a;
}

// ---------- tables ----------

const W = ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22"];

/** Rows of one place from weekly counts. */
function place(province: string | null, city: string | null, counts: number[], weeks = W): PublishRow[] {
  return counts.map((ads, i) => ({ province, city, week: weeks[i], ads }));
}

const at = (t: PublishedTable, province: string, city?: string | null) => {
  const p = t.provinces.find((x) => x.province === province);
  if (!p) throw new Error(`no ${province}`);
  return city === undefined ? p : p.cities.find((c) => c.city === city);
};

describe("publishTable: hand-made tricky tables", () => {
  test("one small cell in a row is hidden with a complement; the rest is published", () => {
    const rows = [...place("ON", "Toronto", [50, 3, 40, 60]), ...place("ON", "Ottawa", [30, 25, 20, 45])];
    const t = publishTable(rows, { k: 10, weeks: W });
    checkSafe(rows, t);
    expect(at(t, "ON", "Toronto")?.weeks[1]).toBeNull();
    expect(t.suppressed.primary).toBe(1);
    // One small cell needs a rectangle: its row, its column, and one more week of one more city.
    expect(t.suppressed.complementary).toBe(3);
    expect(t.national.total).toBe(273);
  });

  test("a small cell whose only complement lies in a province with one city", () => {
    const rows = [...place("PE", "Charlottetown", [12, 4, 15, 20]), ...place("ON", "Toronto", [50, 30, 40, 60])];
    const t = publishTable(rows, { k: 10, weeks: W });
    checkSafe(rows, t);
    // A lone city's row is its province's row: both hide the same weeks.
    const pe = at(t, "PE");
    expect(pe && "cities" in pe ? pe.weeks : null).toEqual(at(t, "PE", "Charlottetown")?.weeks);
  });

  test("a city alone in its province, with every weekly cell small", () => {
    const rows = [...place("NU", "Iqaluit", [5, 6, 0, 2]), ...place("ON", "Toronto", [50, 30, 40, 60]), ...place("ON", "Ottawa", [11, 30, 12, 60])];
    const t = publishTable(rows, { k: 10, weeks: W });
    checkSafe(rows, t);
    expect(at(t, "NU", "Iqaluit")?.total).toBe(13);
    expect(at(t, "NU", "Iqaluit")?.weeks[2]).toBe(0);
  });

  test("nested: small cities folded into a small 'other' row, an unknown province, a small national week", () => {
    const rows = [
      ...place("ON", "Toronto", [40, 2, 35, 50]),
      ...place("ON", "Ottawa", [12, 0, 18, 22]),
      ...place("ON", "Kingston", [3, 0, 4, 1]), // 8 < k: counted as "other"
      ...place("ON", null, [0, 1, 0, 2]),
      ...place("BC", "Victoria", [14, 0, 11, 30]),
      ...place(null, null, [0, 3, 25, 0]),
    ];
    const t = publishTable(rows, { k: 10, weeks: W });
    checkSafe(rows, t);
    expect(at(t, "ON", "Kingston")).toBeUndefined();
    expect(at(t, "ON", null)).toBeDefined();
    expect(t.provinces.map((p) => p.province)).toEqual(["BC", "ON", UNKNOWN_PROVINCE]);
    expect(t.national.weeks[1]).toBeNull(); // 2 + 3 + 1 = 6 ads nationally that week
  });

  test("a single week: every row total equals its only cell", () => {
    const rows = [...place("ON", "Toronto", [40], W.slice(0, 1)), ...place("ON", "Ottawa", [14], W.slice(0, 1)), ...place("QC", "Laval", [12], W.slice(0, 1)), ...place("QC", null, [3], W.slice(0, 1))];
    const t = publishTable(rows, { k: 10, weeks: W.slice(0, 1) });
    checkSafe(rows, t);
  });

  test("everything small: all hidden but zeros and large totals", () => {
    const rows = [...place("ON", "Toronto", [3, 4, 0, 5]), ...place("MB", "Winnipeg", [2, 2, 3, 4])];
    const t = publishTable(rows, { k: 10, weeks: W });
    checkSafe(rows, t);
    expect(t.national.total).toBe(23);
  });

  test("nothing small: nothing hidden", () => {
    const rows = [...place("ON", "Toronto", [30, 40, 0, 50]), ...place("MB", "Winnipeg", [20, 12, 13, 14])];
    const t = publishTable(rows, { k: 10, weeks: W });
    checkSafe(rows, t);
    expect(t.suppressed).toEqual({ primary: 0, complementary: 0 });
  });

  test("no rows: an empty table of zeros", () => {
    const t = publishTable([], { k: 10, weeks: W });
    expect(t.provinces).toEqual([]);
    expect(t.national).toEqual({ total: 0, weeks: [0, 0, 0, 0] });
  });

  test("a leak the one-hidden-term rule misses is found by the audit and closed", () => {
    // Two hidden 4-cycles (A,B × w1,w2 and C,D × w3,w4) joined by one small cell A3: every relation holds two or
    // more hidden values, yet A3 is a bridge — A's total minus (w1 + w2 of A), which the other relations give.
    const rows = [
      ...place("ON", "A", [3, 4, 5, 40]),
      ...place("ON", "B", [6, 2, 30, 35]),
      ...place("ON", "C", [25, 30, 7, 8]),
      ...place("ON", "D", [33, 21, 1, 9]),
      ...place("BC", "E", [20, 20, 20, 20]),
    ];
    const grid = buildGrid(rows, 10, W);
    const state = primarySuppression(grid, 10);
    expect(complementFixpoint(grid, state)).toBe(0);
    const leaky = presentGrid(grid, state, 10, "2024-02-01T00:00:00.000Z");
    const a = attack(leaky);
    // The attacker really recovers A's third week (5), and the library's own audit agrees on which cells leak.
    const aRow = tableRows(leaky).indexOf(at(leaky, "ON", "A") as PublishedRow);
    const cell = aRow * (W.length + 1) + 2;
    expect(a.recovered.get(cell)).toBe(5n);
    expect(recoverableCells(grid, state)).toEqual([...a.recovered.keys()].sort((x, y) => x - y));
    const t = publishTable(rows, { k: 10, weeks: W });
    checkSafe(rows, t);
    expect(t.suppressed.complementary).toBeGreaterThan(0);
  });

  test("the same input gives the same table (deterministic tie-breaking)", () => {
    const rows = [...place("ON", "Toronto", [20, 3, 20, 20]), ...place("ON", "Ottawa", [20, 20, 20, 20]), ...place("ON", "Barrie", [20, 20, 20, 20])];
    const now = new Date("2024-02-01T00:00:00Z");
    expect(publishTable([...rows].reverse(), { k: 10, weeks: W, now })).toEqual(publishTable(rows, { k: 10, weeks: W, now }));
  });

  test("k is configurable, and input is checked", () => {
    const rows = place("ON", "Toronto", [30, 12, 40, 50]);
    expect(publishTable(rows, { k: 10, weeks: W }).suppressed.primary).toBe(0);
    const t = publishTable(rows, { k: 20, weeks: W });
    expect(t.k).toBe(20);
    checkSafe(rows, t);
    expect(() => publishTable(rows, { k: 1 })).toThrow(PublishError);
    expect(() => publishTable(rows, { weeks: ["2024-01-02"] })).toThrow(/not a Monday/);
    expect(() => publishTable(rows, { weeks: W.slice(0, 2) })).toThrow(/not among/);
    expect(() => publishTable(place("ON", "X", [-1]), {})).toThrow(/non-negative/);
    expect(publishTable(rows).weeks).toEqual(W);
  });
});

describe("publishTable: random hierarchical tables under attack", () => {
  const count = (k: number) => fc.oneof(fc.constant(0), fc.integer({ min: 1, max: k - 1 }), fc.integer({ min: k, max: 4 * k }));
  const table = fc.constantFrom(2, 3, 5, 10).chain((k) =>
    fc.record({
      k: fc.constant(k),
      weeks: fc.integer({ min: 1, max: 4 }),
      rows: fc.array(
        fc.record({
          province: fc.constantFrom("AB", "BC", "ON", null),
          city: fc.constantFrom("a", "b", "c", "d", null),
          week: fc.integer({ min: 0, max: 3 }),
          ads: count(k),
        }),
        { maxLength: 40 },
      ),
    }),
  );

  test("no hidden value is recoverable; published values are true and never small", () => {
    fc.assert(
      fc.property(table, ({ k, weeks, rows }) => {
        const ws = W.slice(0, weeks);
        const input = rows.map((r) => ({ ...r, week: ws[r.week % weeks] }));
        checkSafe(input, publishTable(input, { k, weeks: ws }));
      }),
      { numRuns: 200 },
    );
  });
});

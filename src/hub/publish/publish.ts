/**
 * Safe public aggregates: ads per province, city and week, with every cell under k hidden and enough other cells
 * hidden that no hidden value can be worked out exactly from the published ones (CTDC's rule: "cells under k
 * hidden, and complementary suppression so a hidden cell cannot be recovered from totals"). Pure: rows in, table
 * out. The rule and its limits are in docs/publishing.md.
 *
 * @example
 * const table = publishTable([{ province: "ON", city: "Toronto", week: "2024-06-03", ads: 42 }], { k: 10 });
 * table.provinces[0].cities[0].weeks; // [42]
 */
import { buildGrid, checkWeeks, type Grid } from "./grid.js";
import { recoverableCells } from "./audit.js";
import { cheapestBox } from "./hypercube.js";
import { COMPLEMENT, PRIMARY, PUBLISHED, complementFixpoint, primarySuppression } from "./suppress.js";
import type { PublishOptions, PublishRow, PublishedRow, PublishedTable } from "./types.js";
import { DEFAULT_K, MIN_K, PublishError } from "./types.js";
import { mondayOf, weekRange } from "./window.js";

export const PUBLISH_NOTE =
  "Ads counted per province, city and ISO week (Monday dates). null marks a hidden value: every count from 1 to k-1 " +
  "is hidden, and further cells are hidden so that no hidden value can be worked out exactly from the published " +
  "ones and the totals. Zeros are published. A city of null is the province's other or unknown cities, including " +
  "every city with fewer than k ads in the period. Rows add up: weeks to totals, cities to provinces, provinces " +
  "to the national row.";

/**
 * Suppression over a grid: primary cells, then complements until no relation has exactly one hidden term, then
 * the exact audit, and a hidden box around each cell it still finds recoverable. Returns each cell's state.
 */
export function suppressGrid(grid: Grid, k: number): Uint8Array {
  const state = primarySuppression(grid, k);
  complementFixpoint(grid, state);
  const leaks = recoverableCells(grid, state);
  if (leaks.length === 0) return state;
  // A box makes every cell in it unrecoverable for good (hiding more never helps an attacker), so one pass over
  // the leaks suffices; a leak already inside a box added here needs none of its own.
  const covered = new Set<number>();
  for (const cell of leaks) {
    if (covered.has(cell)) continue;
    const box = cheapestBox(grid, state, cell);
    if (!box) throw new PublishError(`internal: no box around cell ${cell}`);
    for (const c of box.hide) state[c] = COMPLEMENT;
    for (const c of box.box) covered.add(c);
  }
  const left = recoverableCells(grid, state);
  if (left.length > 0) throw new PublishError(`internal: ${left.length} hidden cells still recoverable`);
  return state;
}

function present(grid: Grid, state: Uint8Array, row: number): PublishedRow {
  const values = grid.counts.slice(row * grid.width, (row + 1) * grid.width).map((n, c) => (state[row * grid.width + c] === PUBLISHED ? n : null));
  return { total: values.pop() as number | null, weeks: values };
}

/** The published form of a suppressed grid. */
export function presentGrid(grid: Grid, state: Uint8Array, k: number, generatedAt: string): PublishedTable {
  return {
    k,
    weeks: [...grid.weeks],
    generatedAt,
    provinces: grid.rows[0].children.map((p) => ({
      province: grid.rows[p].province as string,
      ...present(grid, state, p),
      cities: grid.rows[p].children.map((c) => ({ city: grid.rows[c].city, ...present(grid, state, c) })),
    })),
    national: present(grid, state, 0),
    suppressed: { primary: state.filter((s) => s === PRIMARY).length, complementary: state.filter((s) => s === COMPLEMENT).length },
    note: PUBLISH_NOTE,
  };
}

/** Builds, suppresses and presents the table of `rows` (see `PublishOptions`). */
export function publishTable(rows: readonly PublishRow[], opts: PublishOptions = {}): PublishedTable {
  const k = opts.k ?? DEFAULT_K;
  if (!Number.isSafeInteger(k) || k < MIN_K) throw new PublishError(`k must be an integer ≥ ${MIN_K} (got ${k})`);
  let weeks: string[];
  if (opts.weeks) {
    weeks = [...opts.weeks];
    checkWeeks(weeks);
  } else {
    const seen = rows.map((r) => r.week).sort();
    checkWeeks([...new Set(seen)]);
    weeks = seen.length ? weekRange(mondayOf(seen[0]), mondayOf(seen[seen.length - 1])) : [];
  }
  const grid = buildGrid(rows, k, weeks);
  return presentGrid(grid, suppressGrid(grid, k), k, (opts.now ?? new Date()).toISOString());
}

/** Number of values in a table, published or hidden (for the audit log). */
export function cellCount(t: PublishedTable): number {
  const rows = 1 + t.provinces.reduce((n, p) => n + 1 + p.cities.length, 0);
  return rows * (t.weeks.length + 1);
}

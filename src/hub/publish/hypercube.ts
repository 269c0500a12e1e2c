/**
 * The repair for a hidden cell the audit can still pin down: hide a whole "box" around it. A box is the support of
 * a table u ⊗ s where u is additive down the row tree (+1 on a city and every row above it; or +1 on one city's
 * rows and -1 on another's, below their common ancestor) and s on the columns (+1 and -1 on two weeks, or
 * +1 on a week and on the total). Such a table adds zero to every relation, so once all its cells
 * are hidden, adding it to the true counts gives another table consistent with everything published: no cell of
 * the box can be recovered exactly — whatever else is hidden or published later.
 * (This is the hypercube method of τ-ARGUS, used here only where the audit finds a leak.)
 */
import type { Grid } from "./grid.js";
import { PUBLISHED } from "./suppress.js";

/** Rows from `leaf` up to the nation. */
function pathOf(grid: Grid, leaf: number): number[] {
  const out: number[] = [];
  for (let r = leaf; r >= 0; r = grid.rows[r].parent) out.push(r);
  return out;
}

/** Every row set u can cover that contains `row`: root paths of its leaves, and pairs of leaves split at `row` or above. */
function rowSets(grid: Grid, row: number): number[][] {
  const leaves = grid.rows.flatMap((r, i) => (r.children.length === 0 && r.level === "city" ? [i] : []));
  const paths = new Map(leaves.map((l) => [l, pathOf(grid, l)]));
  const out: number[][] = [];
  for (const a of leaves) {
    const pa = paths.get(a) as number[];
    if (!pa.includes(row)) continue;
    out.push(pa);
    if (grid.rows[row].level === "national") continue;
    for (const b of leaves) {
      if (b === a) continue;
      const pb = paths.get(b) as number[];
      const both = new Set(pa.filter((r) => pb.includes(r)));
      const rows = [...pa, ...pb].filter((r) => !both.has(r));
      if (rows.includes(row)) out.push(rows);
    }
  }
  return out;
}

/** Column pairs s can cover that contain `column`: two weeks, or a week and the total. */
function columnPairs(weeks: number, column: number): [number, number][] {
  const out: [number, number][] = [];
  if (column === weeks) for (let w = 0; w < weeks; w++) out.push([column, w]);
  else {
    for (let w = 0; w < weeks; w++) if (w !== column) out.push([column, w]);
    out.push([column, weeks]);
  }
  return out;
}

type Cost = [zeros: number, ads: number, cells: number];

const isLess = (a: Cost, b: Cost): boolean => a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])));

/**
 * The box around `cell` that hides the fewest zero cells, then the fewest ads, then the fewest cells (the first
 * found on a tie): all its cells, and those of them still published. null when the table has no box (no weeks).
 */
export function cheapestBox(grid: Grid, state: Uint8Array, cell: number): { box: number[]; hide: number[] } | null {
  const W = grid.weeks.length;
  if (W === 0) return null;
  const row = Math.floor(cell / grid.width);
  const cols = columnPairs(W, cell % grid.width);
  let best: { box: number[]; hide: number[] } | null = null;
  let bestCost: Cost | null = null;
  for (const rows of rowSets(grid, row)) {
    for (const pair of cols) {
      const box: number[] = [];
      const open: number[] = [];
      let zeros = 0;
      let ads = 0;
      for (const r of rows) {
        for (const c of pair) {
          const id = r * grid.width + c;
          box.push(id);
          if (state[id] !== PUBLISHED) continue;
          open.push(id);
          ads += grid.counts[id];
          if (grid.counts[id] === 0) zeros++;
        }
      }
      const cost: Cost = [zeros, ads, open.length];
      if (bestCost === null || isLess(cost, bestCost)) {
        best = { box, hide: open };
        bestCost = cost;
      }
    }
  }
  return best;
}

/**
 * Primary and complementary suppression over a grid. A cell's state is PUBLISHED, PRIMARY (its count is 1 … k-1)
 * or COMPLEMENT (hidden only so that hidden cells cannot be worked out from what is published).
 */
import type { Grid } from "./grid.js";

export const PUBLISHED = 0;
export const PRIMARY = 1;
export const COMPLEMENT = 2;

/**
 * Hides every cell — week cells and marginals alike — whose count is 1 … k-1. Zeros are published: a zero says
 * no ad was seen there, which describes no one, and hiding zeros would hide where nothing happens — half of
 * what a hotspot map is for. (Zeros still take part in every relation the audit checks.)
 */
export function primarySuppression(grid: Grid, k: number): Uint8Array {
  const state = new Uint8Array(grid.counts.length);
  grid.counts.forEach((n, i) => {
    if (n >= 1 && n < k) state[i] = PRIMARY;
  });
  return state;
}

/** Whether `cell` is in the total column or on a nation/province row (a marginal, more informative to keep). */
export function isMarginal(grid: Grid, cell: number): boolean {
  return cell % grid.width === grid.width - 1 || grid.rows[Math.floor(cell / grid.width)].level !== "city";
}

/**
 * Order of preference for hiding a published cell: non-zero cells first (a hidden zero protects a neighbour
 * exactly but leaves it an interval [0, x] — a zero can only move up), then the smallest count (least
 * information lost), then week cells before marginals, then the cell id (the published order): deterministic.
 */
export function complementOrder(grid: Grid, a: number, b: number): number {
  const ca = grid.counts[a];
  const cb = grid.counts[b];
  return Number(ca === 0) - Number(cb === 0) || ca - cb || Number(isMarginal(grid, a)) - Number(isMarginal(grid, b)) || a - b;
}

/**
 * Complementary suppression to a fixpoint: while some relation (`total = sum(parts)`) has exactly one hidden term
 * — which it would give away — hides its cheapest published term (see `complementOrder`). Returns how many cells
 * it hid. Necessary but not sufficient: hidden cells can still be pinned down by combining several relations,
 * which `recoverableCells` finds.
 */
export function complementFixpoint(grid: Grid, state: Uint8Array): number {
  const queued = new Uint8Array(grid.relations.length).fill(1);
  const queue = grid.relations.map((_, i) => i);
  let added = 0;
  while (queue.length > 0) {
    const ri = queue.pop() as number;
    queued[ri] = 0;
    const rel = grid.relations[ri];
    const terms = [rel.total, ...rel.parts];
    if (terms.filter((c) => state[c] !== PUBLISHED).length !== 1) continue;
    const open = terms.filter((c) => state[c] === PUBLISHED).sort((a, b) => complementOrder(grid, a, b));
    if (open.length === 0) continue;
    state[open[0]] = COMPLEMENT;
    added++;
    for (const other of grid.relationsOf[open[0]]) {
      if (!queued[other]) {
        queued[other] = 1;
        queue.push(other);
      }
    }
  }
  return added;
}

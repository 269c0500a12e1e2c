/**
 * The disclosure audit: which hidden cells an attacker can work out exactly from the published cells and the
 * table's additive relations. Each relation restricted to the hidden cells is a linear equation with a known
 * right-hand side; a hidden cell is recoverable iff its unit vector lies in the row space of that system. The
 * system is brought to reduced row echelon form with exact integer arithmetic (BigInt, each row divided by the
 * gcd of its entries), one connected component of hidden cells at a time; a recoverable cell is then a pivot
 * whose row has no other entry.
 *
 * @example
 * recoverableCells(grid, state); // [] when no hidden value follows from what is published
 */
import type { Grid } from "./grid.js";
import { PUBLISHED } from "./suppress.js";

type SparseRow = Map<number, bigint>;

const abs = (a: bigint): bigint => (a < 0n ? -a : a);

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** `p * row - a * pivot`, divided by the gcd of its entries; zero entries dropped. */
function combine(row: SparseRow, p: bigint, pivot: SparseRow, a: bigint): SparseRow {
  const out: SparseRow = new Map();
  for (const [v, x] of row) out.set(v, p * x);
  for (const [v, x] of pivot) {
    const y = (out.get(v) ?? 0n) - a * x;
    if (y === 0n) out.delete(v);
    else out.set(v, y);
  }
  let g = 0n;
  for (const x of out.values()) g = gcd(g, x);
  if (g > 1n) for (const [v, x] of out) out.set(v, x / g);
  return out;
}

/** Reduced row echelon form of one component; returns the cells pinned down exactly. */
function pinnedIn(rows: SparseRow[]): number[] {
  const holders = new Map<number, Set<number>>();
  rows.forEach((row, i) => {
    for (const v of row.keys()) {
      let s = holders.get(v);
      if (!s) holders.set(v, (s = new Set()));
      s.add(i);
    }
  });
  const done = new Uint8Array(rows.length);
  const pivots: [number, number][] = [];
  for (;;) {
    // Sparsest remaining row first, and in it the cell held by the fewest rows: little fill-in.
    let i = -1;
    for (let j = 0; j < rows.length; j++) if (!done[j] && rows[j].size > 0 && (i < 0 || rows[j].size < rows[i].size)) i = j;
    if (i < 0) break;
    let v = -1;
    for (const c of rows[i].keys()) {
      const n = (holders.get(c) as Set<number>).size;
      if (v < 0 || n < (holders.get(v) as Set<number>).size || (n === (holders.get(v) as Set<number>).size && c < v)) v = c;
    }
    done[i] = 1;
    pivots.push([i, v]);
    const p = rows[i].get(v) as bigint;
    for (const j of [...(holders.get(v) as Set<number>)]) {
      if (j === i) continue;
      const before = rows[j];
      const after = combine(before, p, rows[i], before.get(v) as bigint);
      for (const c of before.keys()) if (!after.has(c)) holders.get(c)?.delete(j);
      for (const c of after.keys()) holders.get(c)?.add(j);
      rows[j] = after;
    }
  }
  return pivots.filter(([i]) => rows[i].size === 1).map(([, v]) => v);
}

/** Hidden cells (state ≠ PUBLISHED) whose exact value follows from the published ones, ascending. */
export function recoverableCells(grid: Grid, state: Uint8Array): number[] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as number;
    while (x !== r) {
      const next = parent.get(x) as number;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  const equations: number[][] = [];
  for (const rel of grid.relations) {
    const hidden = [rel.total, ...rel.parts].filter((c) => state[c] !== PUBLISHED);
    if (hidden.length === 0) continue;
    equations.push([rel.total, ...rel.parts]);
    for (const c of hidden) if (!parent.has(c)) parent.set(c, c);
    for (const c of hidden.slice(1)) parent.set(find(c), find(hidden[0]));
  }
  const components = new Map<number, SparseRow[]>();
  for (const [total, ...parts] of equations) {
    const row: SparseRow = new Map();
    // Published terms are constants: they only move the right-hand side, which does not decide recoverability.
    if (state[total] !== PUBLISHED) row.set(total, -1n);
    for (const c of parts) if (state[c] !== PUBLISHED) row.set(c, (row.get(c) ?? 0n) + 1n);
    const root = find(row.keys().next().value as number);
    const list = components.get(root);
    if (list) list.push(row);
    else components.set(root, [row]);
  }
  const out: number[] = [];
  for (const rows of components.values()) out.push(...pinnedIn(rows));
  return out.sort((a, b) => a - b);
}

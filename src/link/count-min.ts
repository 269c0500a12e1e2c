/**
 * Count-min sketch over 32-bit keys (plain update, so the counts do not depend on insertion order: batch = incremental). Fixed memory, counts that only
 * over-estimate; used for shingle document frequencies where exact maps would not fit at millions of ads.
 * @module
 */
import { fmix32 } from "./hash.js";

export class CountMin {
  readonly depth: number;
  readonly width: number;
  readonly table: Uint32Array<ArrayBufferLike>;
  private scratch = new Int32Array(256);

  constructor(depth = 4, widthLog2 = 20, table?: Uint32Array<ArrayBufferLike>) {
    this.depth = depth;
    this.width = 1 << widthLog2;
    this.table = table ?? new Uint32Array(depth * this.width);
  }

  private idx(key: number, row: number): number {
    return row * this.width + (fmix32(key ^ Math.imul(row + 1, 0x9e3779b1)) & (this.width - 1));
  }

  /** Add one to `key`; returns the new estimate. */
  add(key: number): number {
    let min = 0xffffffff;
    const t = this.table;
    const w = this.width;
    const mask = w - 1;
    for (let r = 0; r < this.depth; r++) {
      const i = r * w + (fmix32(key ^ Math.imul(r + 1, 0x9e3779b1)) & mask);
      const v = ++t[i];
      if (v < min) min = v;
    }
    return min;
  }

  /**
   * `add` of keys[0..n) in order, each new estimate into `est`: the same increments in the same order, but the
   * counters' positions are hashed first, so the increments (random reads in a table far larger than the CPU's
   * caches) are independent loads whose misses overlap instead of waiting one by one.
   */
  addMany(keys: ArrayLike<number>, n: number, est: Uint32Array): void {
    const d = this.depth;
    if (this.scratch.length < d * n) this.scratch = new Int32Array(d * n * 2);
    const idx = this.scratch;
    const mask = this.width - 1;
    for (let r = 0; r < d; r++) {
      const seed = Math.imul(r + 1, 0x9e3779b1);
      const base = r * this.width;
      const o = r * n;
      for (let i = 0; i < n; i++) idx[o + i] = base + (fmix32(keys[i] ^ seed) & mask);
    }
    const t = this.table;
    for (let i = 0; i < n; i++) {
      let min = 0xffffffff;
      for (let r = 0; r < d; r++) {
        const v = ++t[idx[r * n + i]];
        if (v < min) min = v;
      }
      est[i] = min;
    }
  }

  estimate(key: number): number {
    let min = 0xffffffff;
    for (let r = 0; r < this.depth; r++) {
      const v = this.table[this.idx(key, r)];
      if (v < min) min = v;
    }
    return min;
  }
}

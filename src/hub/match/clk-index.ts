/**
 * Uploaded name filters, searchable by Dice ≥ threshold. Exact, but prunes cheaply: filters are sorted by their
 * bit count, and Dice ≥ t bounds the other filter's count to [t/(2−t), (2−t)/t] × this one's; a comparison stops
 * after a quarter of the words once the bits left cannot reach the overlap it needs.
 */
import { CLK_WORDS, popcount, popcount32 } from "./clk.js";

const CHUNKS = 4;
const CHUNK_WORDS = CLK_WORDS / CHUNKS;

export class ClkIndex {
  private readonly packed: Uint32Array;
  private readonly pops: Int32Array;
  /** Bits set in each chunk of each filter (CHUNKS per filter). */
  private readonly chunkPops: Uint16Array;
  /** Sorted position → caller's id. */
  private readonly ids: Int32Array;

  /** `filters[id]`; ids are the caller's indexes into that array. */
  constructor(
    filters: readonly Uint32Array[],
    readonly threshold: number,
  ) {
    const n = filters.length;
    const order = filters.map((f, id) => ({ id, pop: popcount(f) })).sort((a, b) => a.pop - b.pop);
    this.packed = new Uint32Array(n * CLK_WORDS);
    this.pops = new Int32Array(n);
    this.chunkPops = new Uint16Array(n * CHUNKS);
    this.ids = new Int32Array(n);
    order.forEach(({ id, pop }, i) => {
      const f = filters[id];
      this.packed.set(f, i * CLK_WORDS);
      this.pops[i] = pop;
      this.ids[i] = id;
      for (let c = 0; c < CHUNKS; c++) {
        let p = 0;
        for (let w = c * CHUNK_WORDS; w < (c + 1) * CHUNK_WORDS; w++) p += popcount32(f[w]);
        this.chunkPops[i * CHUNKS + c] = p;
      }
    });
  }

  get size(): number {
    return this.ids.length;
  }

  /** Every indexed filter with Dice ≥ threshold against `b`, with its score. */
  search(b: Uint32Array): { id: number; score: number }[] {
    const out: { id: number; score: number }[] = [];
    const pb = popcount(b);
    if (pb === 0 || this.ids.length === 0) return out;
    const t = this.threshold;
    const lo = Math.ceil((pb * t) / (2 - t) - 1e-9);
    const hi = Math.floor((pb * (2 - t)) / t + 1e-9);
    const bChunks = new Int32Array(CHUNKS);
    for (let c = 0; c < CHUNKS; c++) for (let w = c * CHUNK_WORDS; w < (c + 1) * CHUNK_WORDS; w++) bChunks[c] += popcount32(b[w]);
    for (let i = this.firstAtLeast(lo); i < this.ids.length && this.pops[i] <= hi; i++) {
      const pa = this.pops[i];
      // |a∧b| must reach t(|a|+|b|)/2
      const need = (t * (pa + pb)) / 2 - 1e-9;
      const base = i * CLK_WORDS;
      let both = 0;
      let remA = pa;
      let remB = pb;
      let c = 0;
      for (; c < CHUNKS; c++) {
        for (let w = c * CHUNK_WORDS; w < (c + 1) * CHUNK_WORDS; w++) both += popcount32(this.packed[base + w] & b[w]);
        remA -= this.chunkPops[i * CHUNKS + c];
        remB -= bChunks[c];
        if (both + Math.min(remA, remB) < need) break;
      }
      if (c === CHUNKS && both >= need) out.push({ id: this.ids[i], score: (2 * both) / (pa + pb) });
    }
    return out;
  }

  private firstAtLeast(pop: number): number {
    let lo = 0;
    let hi = this.pops.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.pops[mid] < pop) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

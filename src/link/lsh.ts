/**
 * LSH banding over MinHash signatures, as an append-only typed-array hash table of buckets.
 *
 * A signature of `bands × rows` slots gives one 32-bit key per band. A new ad is compared with at most
 * `bucketCap` members of each bucket: the first (oldest) ones, its "anchors", which are all a bucket keeps (in
 * insertion order; later members are only counted). A bucket of 5,000 ads sharing chrome thus costs 5,000 × cap
 * comparisons, not 12.5 M, and because the anchors of a bucket are the same for every later member, its
 * members still meet through them (union-find closes the rest).
 * @module
 */
import { combine32, fmix32 } from "./hash.js";

/** Probability that a pair with Jaccard `j` becomes a candidate under `bands × rows` banding. */
export function candidateProbability(j: number, bands: number, rows: number): number {
  return 1 - Math.pow(1 - Math.pow(j, rows), bands);
}

/** Similarity at which the banding S-curve is steepest, ≈ (1/bands)^(1/rows). */
export function bandingThreshold(bands: number, rows: number): number {
  return Math.pow(1 / bands, 1 / rows);
}

/** Band keys of a signature (its first `bands × rows` slots). */
export function bandKeys(sig: Uint32Array<ArrayBufferLike>, bands: number, rows: number, out: Uint32Array<ArrayBufferLike> = new Uint32Array(bands)): Uint32Array<ArrayBufferLike> {
  for (let b = 0; b < bands; b++) {
    let h = fmix32(b + 0x3c6ef372);
    const o = b * rows;
    for (let r = 0; r < rows; r++) h = combine32(h, sig[o + r]);
    out[b] = h;
  }
  return out;
}

export interface LshStats {
  buckets: number;
  /** Buckets that reached the cap at least once. */
  cappedBuckets: number;
  largestBucket: number;
}

/**
 * Slot layout: [key, block, count, capacity] side by side, so a probe touches one cache line. A bucket's anchors
 * (its first `cap` members, all a later ad is compared with) sit in one block of `anchors`, so visiting them is a
 * sequential read; members past the cap are only counted. Blocks start at one member and double up to the cap.
 */
const KEY = 0;
const BLOCK = 1;
const COUNT = 2;
const CAPACITY = 3;
const STRIDE = 4;

export class LshIndex {
  readonly bands: number;
  readonly cap: number;
  /** Open-addressing table of buckets (STRIDE ints each); BLOCK = -1 marks an empty slot. */
  private slots: Int32Array;
  private mask: number;
  private used = 0;
  /** Anchor blocks, bump-allocated; a block that fills moves to a new one twice its size. */
  private anchors: Int32Array;
  private anchorsUsed = 0;
  private entries = 0;
  /** Sink for the warm-up loads in insert (kept so they are not optimized away). */
  private touched = 0;
  private capped = 0;
  private largest = 0;

  constructor(bands: number, bucketCap: number, expectedAds = 1024) {
    this.bands = bands;
    this.cap = bucketCap;
    let cap = 1024;
    while (cap < expectedAds * bands * 2) cap *= 2;
    this.slots = emptySlots(cap);
    this.mask = cap - 1;
    this.anchors = new Int32Array(Math.max(1024, expectedAds * bands));
  }

  stats(): LshStats {
    return { buckets: this.used, cappedBuckets: this.capped, largestBucket: this.largest };
  }

  /** Offset of `key`'s slot in `slots` (its own, or the empty one where it would go). */
  private findSlot(key: number): number {
    const slots = this.slots;
    const mask = this.mask;
    const k = key | 0;
    let i = fmix32(key) & mask;
    for (;;) {
      const o = i * STRIDE;
      if (slots[o + BLOCK] === -1 || slots[o + KEY] === k) return o;
      i = (i + 1) & mask;
    }
  }

  /** Pre-size for `ads` ads (avoids repeated rehashing while a large batch streams in). */
  reserve(ads: number): void {
    while (ads * this.bands * 2 > this.mask + 1) this.grow();
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.slots = emptySlots(cap);
    this.mask = cap - 1;
    for (let o = 0; o < old.length; o += STRIDE) {
      if (old[o + BLOCK] === -1) continue;
      const j = this.findSlot(old[o + KEY] >>> 0);
      this.slots.set(old.subarray(o, o + STRIDE), j);
    }
  }

  /**
   * Insert ad `ad` (a dense index ≥ 0) with its band keys; `visit(other)` is called for every anchor met
   * (possibly the same other ad more than once, across bands).
   */
  insert(ad: number, keys: Uint32Array<ArrayBufferLike>, visit: (other: number) => void): void {
    const bands = this.bands;
    if ((this.used + bands) * 2 > this.mask + 1) this.grow();
    // Touch every band's home slot first: independent loads, so their cache misses overlap instead of queueing
    // one behind the other in the probes below (a quarter of the text phase's insertion time at 200k ads).
    const mask = this.mask;
    let touched = 0;
    for (let b = 0; b < bands; b++) touched += this.slots[(fmix32(keys[b]) & mask) * STRIDE + BLOCK];
    this.touched = touched;
    for (let b = 0; b < bands; b++) {
      const s = this.findSlot(keys[b]);
      const slots = this.slots;
      if (slots[s + BLOCK] !== -1) {
        const from = slots[s + BLOCK];
        const to = from + Math.min(slots[s + COUNT], this.cap);
        for (let i = from; i < to; i++) visit(this.anchors[i]);
      }
      this.add(s, keys[b], ad);
    }
    this.entries += bands;
  }

  /** Add `ad` to the bucket of `key` at slot `s` (opening it when empty): an anchor while the bucket is under the cap. */
  private add(s: number, key: number, ad: number): void {
    const slots = this.slots;
    if (slots[s + BLOCK] === -1) {
      slots[s + KEY] = key | 0;
      slots[s + BLOCK] = this.alloc(1);
      slots[s + COUNT] = 0;
      slots[s + CAPACITY] = 1;
      this.used++;
    }
    const c = slots[s + COUNT];
    if (c < this.cap) {
      if (c === slots[s + CAPACITY]) {
        const size = Math.min(this.cap, c * 2);
        const block = this.alloc(size);
        const from = slots[s + BLOCK];
        this.anchors.copyWithin(block, from, from + c);
        slots[s + BLOCK] = block;
        slots[s + CAPACITY] = size;
      }
      this.anchors[slots[s + BLOCK] + c] = ad;
    }
    slots[s + COUNT] = c + 1;
    if (c + 1 === this.cap + 1) this.capped++;
    if (c + 1 > this.largest) this.largest = c + 1;
  }

  private alloc(size: number): number {
    if (this.anchorsUsed + size > this.anchors.length) {
      const a = new Int32Array(Math.max(this.anchors.length * 2, this.anchorsUsed + size));
      a.set(this.anchors.subarray(0, this.anchorsUsed));
      this.anchors = a;
    }
    const at = this.anchorsUsed;
    this.anchorsUsed += size;
    return at;
  }

  /** Approximate bytes held. */
  bytes(): number {
    return this.slots.byteLength + this.anchors.byteLength;
  }
}

function emptySlots(cap: number): Int32Array {
  const slots = new Int32Array(cap * STRIDE);
  for (let o = BLOCK; o < slots.length; o += STRIDE) slots[o] = -1;
  return slots;
}

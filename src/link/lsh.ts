/**
 * LSH banding over MinHash signatures, as an append-only typed-array hash table of buckets.
 *
 * A signature of `bands × rows` slots gives one 32-bit key per band. Each bucket is a linked list of entries in
 * insertion order (entry = ad × bands + band). A new ad is compared with at most `bucketCap` members of each
 * bucket: the first (oldest) ones, its "anchors". A bucket of 5,000 ads sharing chrome thus costs 5,000 × cap
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

export class LshIndex {
  readonly bands: number;
  readonly cap: number;
  private slotKey: Uint32Array<ArrayBufferLike>;
  private slotHead: Int32Array;
  private slotTail: Int32Array;
  private slotCount: Uint32Array<ArrayBufferLike>;
  private used = 0;
  private next: Int32Array;
  private entries = 0;
  private capped = 0;
  private largest = 0;

  constructor(bands: number, bucketCap: number, expectedAds = 1024) {
    this.bands = bands;
    this.cap = bucketCap;
    let cap = 1024;
    while (cap < expectedAds * bands * 2) cap *= 2;
    this.slotKey = new Uint32Array(cap);
    this.slotHead = new Int32Array(cap).fill(-1);
    this.slotTail = new Int32Array(cap);
    this.slotCount = new Uint32Array(cap);
    this.next = new Int32Array(Math.max(1024, expectedAds * bands));
  }

  stats(): LshStats {
    return { buckets: this.used, cappedBuckets: this.capped, largestBucket: this.largest };
  }

  private findSlot(key: number): number {
    const mask = this.slotKey.length - 1;
    let i = fmix32(key) & mask;
    while (this.slotHead[i] !== -1 && this.slotKey[i] !== key) i = (i + 1) & mask;
    return i;
  }

  /** Pre-size for `ads` ads (avoids repeated rehashing while a large batch streams in). */
  reserve(ads: number): void {
    while ((ads * this.bands) * 2 > this.slotKey.length) this.grow();
    const need = ads * this.bands;
    if (need > this.next.length) {
      // Doubling: reserved batch by batch, an exact fit would copy the whole table every batch.
      let cap = this.next.length;
      while (cap < need) cap *= 2;
      const n = new Int32Array(cap);
      n.set(this.next);
      this.next = n;
    }
  }

  private grow(): void {
    const oldKey = this.slotKey;
    const oldHead = this.slotHead;
    const oldTail = this.slotTail;
    const oldCount = this.slotCount;
    const cap = oldKey.length * 2;
    this.slotKey = new Uint32Array(cap);
    this.slotHead = new Int32Array(cap).fill(-1);
    this.slotTail = new Int32Array(cap);
    this.slotCount = new Uint32Array(cap);
    for (let i = 0; i < oldKey.length; i++) {
      if (oldHead[i] === -1) continue;
      const j = this.findSlot(oldKey[i]);
      this.slotKey[j] = oldKey[i];
      this.slotHead[j] = oldHead[i];
      this.slotTail[j] = oldTail[i];
      this.slotCount[j] = oldCount[i];
    }
  }

  /**
   * Insert ad `ad` (a dense index ≥ 0) with its band keys; `visit(other)` is called for every anchor met
   * (possibly the same other ad more than once, across bands).
   */
  insert(ad: number, keys: Uint32Array<ArrayBufferLike>, visit: (other: number) => void): void {
    const bands = this.bands;
    if ((this.used + bands) * 2 > this.slotKey.length) this.grow();
    const need = (ad + 1) * bands;
    if (need > this.next.length) {
      let cap = this.next.length;
      while (cap < need) cap *= 2;
      const n = new Int32Array(cap);
      n.set(this.next);
      this.next = n;
    }
    for (let b = 0; b < bands; b++) {
      const key = keys[b];
      const s = this.findSlot(key);
      const e = ad * bands + b;
      this.next[e] = -1;
      if (this.slotHead[s] === -1) {
        this.slotKey[s] = key;
        this.slotHead[s] = e;
        this.slotTail[s] = e;
        this.slotCount[s] = 1;
        this.used++;
        continue;
      }
      let cur = this.slotHead[s];
      let seen = 0;
      while (cur !== -1 && seen < this.cap) {
        visit((cur / bands) | 0);
        cur = this.next[cur];
        seen++;
      }
      this.next[this.slotTail[s]] = e;
      this.slotTail[s] = e;
      const c = ++this.slotCount[s];
      if (c === this.cap + 1) this.capped++;
      if (c > this.largest) this.largest = c;
    }
    this.entries += bands;
  }

  /** Approximate bytes held. */
  bytes(): number {
    return this.slotKey.byteLength * 4 + this.next.byteLength;
  }
}

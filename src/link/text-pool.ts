/**
 * Signs and verifies a full build's text in worker threads (see `LinkIndex.finishDeferredWith`).
 *
 * A full build's text phase was one thread's work: split each ad's shingles by the learned boilerplate, MinHash
 * them, band the signature, insert into LSH, and compute the exact Jaccard of every candidate. Only the LSH
 * insertion is order-dependent (an ad meets the anchors that precede it), so it stays on the caller's thread;
 * signing and verification are pure per ad and run here, on chunks of ads. The workers read every ad's shingles
 * (and later its content) from shared memory, so nothing the size of the corpus is copied per worker.
 */
import { WorkerCalls } from "./worker-calls.js";

/** What a worker needs once per build: every ad's shingles and how to split and sign them. */
export interface TextSetup {
  type: "setup";
  /** Ad d's shingles are all[allOffsets[d], allOffsets[d + 1]), sorted (shared memory). */
  all: Uint32Array<ArrayBufferLike>;
  allOffsets: Uint32Array<ArrayBufferLike>;
  /** Ad d's content (its shingles minus boilerplate), filled by the caller in ad order (shared memory). */
  content: Uint32Array<ArrayBufferLike>;
  contentOffsets: Uint32Array<ArrayBufferLike>;
  sourceOf: Uint16Array<ArrayBufferLike>;
  sourceHashes: number[];
  snapGlobal: Uint32Array<ArrayBufferLike>;
  snapSource: Uint32Array<ArrayBufferLike>;
  minhash: "oph" | "classic";
  seed: number;
  bands: number;
  rows: number;
  minContentShingles: number;
  threshold: number;
  maxLinks: number;
}

export interface SignJob {
  type: "sign";
  seq: number;
  lo: number;
  hi: number;
}

/** Ads lo..hi-1 split and signed: content/chrome as flat arrays with offsets relative to the chunk. */
export interface SignReply {
  seq: number;
  content: Uint32Array;
  contentOffsets: Uint32Array;
  chrome: Uint32Array;
  chromeOffsets: Uint32Array;
  /** (hi - lo) × bands band keys; all 0xffffffff for an ad with too little content. */
  bands: Uint32Array;
}

/** Candidates of ads `ads[i]`: cand[candOffsets[i], candOffsets[i + 1]), in the order LSH met them. */
export interface VerifyJob {
  type: "verify";
  seq: number;
  ads: Int32Array;
  candOffsets: Uint32Array;
  cand: Int32Array;
}

/** Text links in the order they are stored: (a, b) with a < b as dense indices, and exact Jaccard. */
export interface VerifyReply {
  seq: number;
  a: Uint32Array;
  b: Uint32Array;
  j: Float32Array;
}

const WORKER_URL = new URL("./text-worker.js", import.meta.url);

export class TextPool {
  /** False when running from TypeScript sources (tests), where there is no compiled worker to start. */
  static available(): boolean {
    return WorkerCalls.available(WORKER_URL);
  }

  readonly size: number;
  private readonly calls: WorkerCalls<SignReply | VerifyReply>;
  private turn = 0;

  constructor(size: number) {
    this.size = size;
    this.calls = new WorkerCalls(WORKER_URL, size);
  }

  setup(s: TextSetup): void {
    this.calls.broadcast(s);
  }

  sign(lo: number, hi: number): Promise<SignReply> {
    return this.calls.call<SignReply>(this.turn++, (seq): SignJob => ({ type: "sign", seq, lo, hi }));
  }

  verify(ads: Int32Array, candOffsets: Uint32Array, cand: Int32Array): Promise<VerifyReply> {
    const transfer = [ads.buffer as ArrayBuffer, candOffsets.buffer as ArrayBuffer, cand.buffer as ArrayBuffer];
    return this.calls.call<VerifyReply>(this.turn++, (seq): VerifyJob => ({ type: "verify", seq, ads, candOffsets, cand }), transfer);
  }

  close(): Promise<void> {
    return this.calls.close();
  }
}

/** A copy of `a` in shared memory (workers then read it without copying). */
export function sharedCopy(a: Uint32Array<ArrayBufferLike>): Uint32Array<ArrayBufferLike> {
  const s = new Uint32Array(new SharedArrayBuffer(Math.max(4, a.byteLength)), 0, a.length);
  s.set(a);
  return s;
}

export function sharedU32(n: number): Uint32Array<ArrayBufferLike> {
  return new Uint32Array(new SharedArrayBuffer(Math.max(4, n * 4)), 0, n);
}

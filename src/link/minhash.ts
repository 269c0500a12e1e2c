/**
 * MinHash signatures over sorted 32-bit shingle hashes, written into caller-owned `Uint32Array`s.
 *
 * - `minhashOph`: one-permutation hashing (Li et al. 2012) — one hash per shingle, its top bits pick one of `k`
 *   bins, its low bits compete for the bin minimum — then optimal densification (Shrivastava 2017): an empty bin
 *   copies the bin chosen by a bin-specific hash sequence until a non-empty one is hit. O(n + k) per set.
 * - `minhashClassic`: `k` independent hash functions, O(n·k). Kept for measurement and as a reference.
 * Both give `P(sig_a[i] === sig_b[i]) ≈ J(a, b)`.
 * @module
 */
import { fmix32 } from "./hash.js";

/** Value that marks an empty set's signature (every slot). */
export const EMPTY_SLOT = 0xffffffff;

let filledScratch = new Uint8Array(256);
const seedsCache = new Map<number, Uint32Array>();
function seeds(k: number, seed: number): Uint32Array<ArrayBufferLike> {
  const key = k * 65599 + seed;
  let s = seedsCache.get(key);
  if (!s) {
    s = new Uint32Array(k);
    let x = fmix32(seed ^ 0xa5a5a5a5);
    for (let i = 0; i < k; i++) {
      x = fmix32(x + 0x9e3779b9);
      s[i] = x;
    }
    seedsCache.set(key, s);
  }
  return s;
}

/**
 * One-permutation MinHash with optimal densification. `k` must be a power of two ≤ 2^16.
 * @example const sig = new Uint32Array(64); minhashOph(shingles(tokens, 3), sig, 1);
 */
export function minhashOph(set: Uint32Array<ArrayBufferLike>, out: Uint32Array<ArrayBufferLike>, seed = 1): Uint32Array<ArrayBufferLike> {
  const k = out.length;
  const bits = 31 - Math.clz32(k);
  if (1 << bits !== k) throw new Error("link: minhashOph needs a power-of-two signature length");
  out.fill(EMPTY_SLOT);
  if (set.length === 0) return out;
  const s = fmix32(seed * 0x27d4eb2d + 0x165667b1);
  const shift = 32 - bits;
  const lowMask = bits === 0 ? 0xffffffff : (1 << shift) - 1;
  for (let i = 0; i < set.length; i++) {
    const h = fmix32(set[i] ^ s);
    const bin = bits === 0 ? 0 : h >>> shift;
    const v = (h & lowMask) >>> 0;
    if (v < out[bin]) out[bin] = v;
  }
  // Densify: empty bin i takes the value of the first non-empty bin in its own pseudo-random probe sequence.
  // Only original values are copied (never already-densified ones), which keeps the estimator unbiased.
  let empty = 0;
  for (let i = 0; i < k; i++) if (out[i] === EMPTY_SLOT) empty++;
  if (empty === 0 || empty === k) return out;
  if (filledScratch.length < k) filledScratch = new Uint8Array(k);
  const filled = filledScratch;
  for (let i = 0; i < k; i++) filled[i] = out[i] === EMPTY_SLOT ? 0 : 1;
  for (let i = 0; i < k; i++) {
    if (filled[i]) continue;
    let attempt = 1;
    for (;;) {
      const j = fmix32((i * 0x9e3779b1) ^ (attempt * 0x85ebca6b) ^ s) & (k - 1);
      if (filled[j]) {
        // Mix the source bin's value with the attempt so copies from different bins differ.
        out[i] = (out[j] + attempt * 0x01000193) >>> 0 & lowMask;
        break;
      }
      attempt++;
    }
  }
  return out;
}

/**
 * Classic MinHash with `out.length` independent hash functions (`fmix32(x ^ seed_i)`).
 */
export function minhashClassic(set: Uint32Array<ArrayBufferLike>, out: Uint32Array<ArrayBufferLike>, seed = 1): Uint32Array<ArrayBufferLike> {
  const k = out.length;
  const sd = seeds(k, seed);
  out.fill(EMPTY_SLOT);
  for (let j = 0; j < k; j++) {
    const sj = sd[j];
    let m = EMPTY_SLOT;
    for (let i = 0; i < set.length; i++) {
      const h = fmix32(set[i] ^ sj);
      if (h < m) m = h;
    }
    out[j] = m;
  }
  return out;
}

/** Fraction of equal slots: the MinHash estimate of Jaccard similarity. */
export function estimateJaccard(a: Uint32Array<ArrayBufferLike>, b: Uint32Array<ArrayBufferLike>): number {
  let eq = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i] && a[i] !== EMPTY_SLOT) eq++;
  return eq / a.length;
}

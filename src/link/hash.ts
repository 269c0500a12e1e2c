/**
 * Small, fast 32-bit hashes for hot loops (tokens, shingles, band keys). Not cryptographic.
 * @module
 */
import { fmix32 } from "../util/fmix32.js";
export { fmix32 };

/** FNV-1a over the UTF-16 code units of `s` (tokens are short; code units are fine for identity). */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}


/** Order-sensitive combination of two 32-bit hashes. */
export function combine32(a: number, b: number): number {
  return fmix32((Math.imul(a, 0x9e3779b1) ^ (b + 0x7f4a7c15 + (a << 6) + (a >>> 2))) >>> 0);
}

/**
 * Names as cryptographic long-term keys (CLK, after Schnell et al. 2009 and clkhash): the normalized name is cut
 * into padded bigrams ("jade" → _j ja ad de e_), and each bigram sets k bits of a 1024-bit Bloom filter. Similar
 * spellings share most bigrams and so most bits; the Dice coefficient of two filters approximates the Dice
 * coefficient of their bigram sets.
 *
 * Bit positions: each bigram's k positions are read from HMAC-SHA256(name-clk key, bigram), 10 bits per position
 * (1024 = 2^10, so no modulo bias). This is clkhash's "random hashing" rather than the original double hashing
 * (g_i = h1 + i·h2 mod m): Niedermeyer et al. (2014) decoded double-hashed filters *without the key*, because
 * double hashing gives each bigram one of only m² bit patterns, which an attacker can enumerate and align with
 * bigram frequencies. Independent keyed positions leave no such structure.
 *
 * k = 20: a given name is 4–10 letters, so 5–11 bigrams set 100–220 bits, a 10–20 % fill. At that fill few bits
 * collide, so Dice stays close to the bigram Dice (what the threshold is tuned on), while every bigram still
 * owns enough bits that a chance collision cannot fake a shared bigram. A larger k raises the fill towards 50 %,
 * which hides bigram boundaries better but blurs the scores; see docs/matching.md.
 *
 * @example
 * const f = clkEncode(fieldKeys(secret).nameClk, "Jasmine");
 * dice(f, clkEncode(key, "Jazmine")); // ≈ 0.75
 */
import { createHmac } from "node:crypto";
import { normalizeName } from "./normalize.js";

export const CLK_BITS = 1024;
export const CLK_WORDS = CLK_BITS / 32;
export const CLK_BYTES = CLK_BITS / 8;
/** Bit positions per bigram (see the module comment). */
export const CLK_K = 20;
/** Default Dice threshold for a name match. */
export const DEFAULT_NAME_THRESHOLD = 0.85;

const POSITION_BITS = 10;
const PAD = "_";

/** Padded bigrams (q = 2) of a normalized name, distinct, in first-seen order. Empty for an empty name. */
export function nameTokens(normalized: string): string[] {
  if (normalized === "") return [];
  const s = [...`${PAD}${normalized}${PAD}`];
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s[i] + s[i + 1]);
  return [...out];
}

/** The k bit positions of one token: 10-bit slices of HMAC-SHA256 blocks (a counter extends past 256 bits). */
function positions(key: Buffer, token: string, k: number): number[] {
  const out: number[] = [];
  for (let block = 0; out.length < k; block++) {
    const h = createHmac("sha256", key).update(token, "utf8");
    if (block > 0) h.update(Uint8Array.of(0, block));
    const d = h.digest();
    for (let bit = 0; bit + POSITION_BITS <= d.length * 8 && out.length < k; bit += POSITION_BITS) {
      const byte = bit >>> 3;
      const word = (d[byte] << 16) | (d[byte + 1] << 8) | (byte + 2 < d.length ? d[byte + 2] : 0);
      out.push((word >>> (24 - POSITION_BITS - (bit & 7))) & (CLK_BITS - 1));
    }
  }
  return out;
}

/** The CLK of a raw name (normalized here), as 32 little-endian 32-bit words. All zero when no letter remains. */
export function clkEncode(key: Buffer, rawName: string, k = CLK_K): Uint32Array {
  const f = new Uint32Array(CLK_WORDS);
  for (const t of nameTokens(normalizeName(rawName))) {
    for (const p of positions(key, t, k)) f[p >>> 5] |= 1 << (p & 31);
  }
  return f;
}

/** Bytes of the filter (bit p is byte p>>3, bit p&7), base64: the same on every platform's endianness. */
export function clkToBase64(f: Uint32Array): string {
  const b = Buffer.alloc(CLK_BYTES);
  for (let w = 0; w < CLK_WORDS; w++) {
    const v = f[w];
    b[4 * w] = v & 0xff;
    b[4 * w + 1] = (v >>> 8) & 0xff;
    b[4 * w + 2] = (v >>> 16) & 0xff;
    b[4 * w + 3] = v >>> 24;
  }
  return b.toString("base64");
}

/** The filter of a base64 CLK, or null when it is not exactly 1024 bits. */
export function clkFromBase64(s: string): Uint32Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(s)) return null;
  const b = Buffer.from(s, "base64");
  if (b.length !== CLK_BYTES) return null;
  const f = new Uint32Array(CLK_WORDS);
  for (let w = 0; w < CLK_WORDS; w++) f[w] = (b[4 * w] | (b[4 * w + 1] << 8) | (b[4 * w + 2] << 16) | (b[4 * w + 3] << 24)) >>> 0;
  return f;
}

export function popcount32(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Set bits of a filter, or of the filter at word offset `at` in a packed array of filters. */
export function popcount(f: Uint32Array, at = 0): number {
  let n = 0;
  for (let i = 0; i < CLK_WORDS; i++) n += popcount32(f[at + i]);
  return n;
}

/** Dice coefficient 2|a∧b| / (|a| + |b|) of two filters (0 when both are empty). */
export function dice(a: Uint32Array, b: Uint32Array): number {
  const total = popcount(a) + popcount(b);
  return total === 0 ? 0 : (2 * andCount(a, 0, b, 0)) / total;
}

/** |a∧b| for filters at word offsets in packed arrays. */
export function andCount(a: Uint32Array, aAt: number, b: Uint32Array, bAt: number): number {
  let n = 0;
  for (let i = 0; i < CLK_WORDS; i++) n += popcount32(a[aAt + i] & b[bAt + i]);
  return n;
}

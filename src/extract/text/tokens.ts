/**
 * Place-name tokens, as TOKEN in `place.ts` finds them: a run of letters and numbers, then any number of
 * apostrophe-and-letters parts ("Sault", "Ste", "d'Arcy"), found by
 * hand-written scanners on char codes. `tokenBounds` lists every token of a text; `capitalTokenStarts` finds only
 * the tokens a place name can start with outside the city/region fields (a capital, or t/y/g/m for "the Soo",
 * "yyc", "gta", "mtl"), and `tokenEnd`/`nextTokenStart` walk on from one token to the next, so a long ad is
 * never tokenized in full.
 *
 * @example
 * const starts: number[] = [];
 * const ends: number[] = [];
 * tokenBounds("Visit d'Arcy, BC", starts, ends); // starts [0, 6, 14], ends [5, 12, 16]
 */
import { charClass, codePointAtIndex } from "./chars.js";
import type { NormalizedText } from "./normalize.js";
import { wordFamilyByFirst, wordStarts } from "./triggers.js";

/** Width in UTF-16 units of the code point at `i` when it is in `\p{L}` (letters) or, with `numbers`, `\p{N}`; else 0. */
export function wordCharWidth(s: string, i: number, numbers: boolean): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (numbers && c >= 48 && c <= 57) ? 1 : 0;
  const cp = codePointAtIndex(s, i);
  const k = charClass(cp);
  return k === 1 || (numbers && k === 2) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** 1 for ASCII letters and digits (`[\p{L}\p{N}]` in ASCII), else 0. */
const ASCII_WORD_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD_CHAR[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;

/** End of the token starting at `start` (a letter or number): its letters and numbers, then `['’][\p{L}]+` parts. */
export function tokenEnd(s: string, start: number): number {
  const n = s.length;
  let i = start;
  let w: number;
  while (i < n) {
    const d = s.charCodeAt(i);
    w = d < 0x80 ? ASCII_WORD_CHAR[d] : wordCharWidth(s, i, true);
    if (w === 0) break;
    i += w;
  }
  // (?:['’][\p{L}]+)*
  while (i + 1 < n) {
    const a = s.charCodeAt(i);
    if (a !== 39 && a !== 0x2019) break;
    w = wordCharWidth(s, i + 1, false);
    if (w === 0) break;
    i += 1 + w;
    while (i < n && (w = wordCharWidth(s, i, false)) > 0) i += w;
  }
  return i;
}

/** Start of the first token at or after `from` (which is not inside a token), or -1. */
export function nextTokenStart(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x80 ? ASCII_WORD_CHAR[c] : wordCharWidth(s, i, true)) !== 0) return i;
  }
  return -1;
}

/** Token boundaries of `s`, into the empty arrays `starts`/`ends`. */
export function tokenBounds(s: string, starts: number[], ends: number[]): void {
  for (let i = nextTokenStart(s, 0); i >= 0; ) {
    const e = tokenEnd(s, i);
    starts.push(i);
    ends.push(e);
    i = nextTokenStart(s, e);
  }
}

/** Word starts on an ASCII capital or on t/y/g/m (see `text/triggers.ts`). */
const CAPITAL_FAMILY = wordFamilyByFirst("ABCDEFGHIJKLMNOPQRSTUVWXYZtygm");

/** Per BMP code unit: 0 = not yet known, 1 = has a different lower case (a capital), 2 = not. */
const CAPITAL = new Uint8Array(0x10000);

/** True when `String.fromCharCode(u).toLowerCase() !== String.fromCharCode(u)`, cached. */
export function isCapitalUnit(u: number): boolean {
  if (u < 0x80) return u >= 65 && u <= 90;
  let k = CAPITAL[u];
  if (k === 0) {
    const ch = String.fromCharCode(u);
    k = ch.toLowerCase() !== ch ? 1 : 2;
    CAPITAL[u] = k;
  }
  return k === 1;
}

/** Code units outside ASCII that can be capitals: Latin-1 capitals and everything from U+0100 except surrogates. */
const MAYBE_CAPITAL = /[\u00c0-\u00d6\u00d8-\u00de\u0100-\ud7ff\ue000-\uffff]/g;

function isLN(cp: number): boolean {
  const k = charClass(cp);
  return k === 1 || k === 2;
}

/** The code point ending just before `i` (a surrogate pair counts as one), or -1 at the start. */
function codePointBefore(s: string, i: number): number {
  if (i <= 0) return -1;
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  return c;
}

/**
 * True when a token starts at `p`, given that the code point at `p` is a letter: the code point before is not a
 * letter or number, and it is not an apostrophe that continues the token before it ("d'Arcy": a letter after an
 * apostrophe after a letter or number belongs to that token). Numbers right after a `'…` part start a token of
 * their own ("rock'n9"), but no caller asks about them.
 */
function letterStartsToken(s: string, p: number): boolean {
  const before = codePointBefore(s, p);
  if (before < 0) return true;
  if (isLN(before)) return false;
  if (before !== 39 && before !== 0x2019) return true;
  const b2 = codePointBefore(s, p - 1);
  return b2 < 0 || !isLN(b2);
}

/**
 * Starts of the tokens whose first code unit is a capital (`isCapitalUnit`) or one of "t", "y", "g", "m",
 * ascending. ASCII letters there start a word in the sense of `\b` (`wordStarts`) unless they follow "_";
 * other capitals are found by a scan for the code units that can be capitals. Null when the text holds a capital
 * that is a number ("Ⅰ", which normalization folds away): the caller then lists every token.
 */
export function capitalTokenStarts(n: NormalizedText): number[] | null {
  const s = n.text;
  const out: number[] = [];
  for (const p of wordStarts(n).at(CAPITAL_FAMILY)) if (letterStartsToken(s, p)) out.push(p);
  let extra: number[] | null = null;
  for (let u = s.indexOf("_"); u >= 0; u = s.indexOf("_", u + 1)) {
    const c = s.charCodeAt(u + 1);
    if ((c >= 65 && c <= 90) || c === 116 || c === 121 || c === 103 || c === 109) (extra ??= []).push(u + 1);
  }
  MAYBE_CAPITAL.lastIndex = 0;
  while (MAYBE_CAPITAL.test(s)) {
    const p = MAYBE_CAPITAL.lastIndex - 1;
    if (!isCapitalUnit(s.charCodeAt(p))) continue;
    const cp = codePointAtIndex(s, p);
    const k = charClass(cp);
    if (k === 2) return null;
    if (k === 1 && letterStartsToken(s, p)) (extra ??= []).push(p);
  }
  if (extra === null) return out;
  return [...out, ...extra].sort((a, b) => a - b);
}

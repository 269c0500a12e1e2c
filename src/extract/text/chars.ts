/**
 * Character classes on UTF-16 char codes for the hand-written scanners (`digits.ts`, `place.ts`): ASCII is
 * decided inline, other code points by a Unicode property test whose answer is cached per BMP code point.
 * Equivalent to `\p{L}` / `\p{N}` in a `u`-flag regex, without a regex call per character.
 */

const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;
/** Per BMP code point: 0 = not yet classified, 1 = letter, 2 = number, 3 = neither. */
const BMP_CLASS = new Uint8Array(0x10000);

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return LETTER.test(ch) ? 1 : NUMBER.test(ch) ? 2 : 3;
}

/** The class of astral code points seen (emoji, mostly), as BMP_CLASS caches the others. */
const ASTRAL_CLASS = new Map<number, number>();

/** 1 = letter (`\p{L}`), 2 = number (`\p{N}`), 3 = neither, for any code point. */
export function charClass(cp: number): number {
  if (cp < 0x80) {
    if ((cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)) return 1;
    return cp >= 48 && cp <= 57 ? 2 : 3;
  }
  if (cp > 0xffff) {
    let a = ASTRAL_CLASS.get(cp);
    if (a === undefined) {
      a = classify(cp);
      if (ASTRAL_CLASS.size < 50_000) ASTRAL_CLASS.set(cp, a);
    }
    return a;
  }
  let c = BMP_CLASS[cp];
  if (c === 0) {
    c = classify(cp);
    BMP_CLASS[cp] = c;
  }
  return c;
}

/** The code point starting at `i` (a lone surrogate stands for itself), as `String.prototype.codePointAt`. */
export function codePointAtIndex(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** True for the characters JavaScript's `\s` matches. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Text → normalized tokens → hashed word k-shingles (sorted, unique `Uint32Array`).
 *
 * Normalization: lower case, diacritics stripped (NFKD), every token that contains a digit becomes the single
 * placeholder `#` (ages, rates, phone fragments are slots, not text; phones link through identifiers instead),
 * emoji and pictographs are one-character tokens. Optionally (see `TokenizeOptions`) two more kinds of token
 * are slots: spelled-out digits (`four one six …`: a phone written in words) and the words of the ad's own
 * contact values (`jade`, `gmail` in `jade (at) gmail (dot) com`). Both vary per ad where the contact does —
 * a scam flood puts a fresh one in every ad — and contacts are compared as identifiers already.
 * @module
 */
import { combine32, fmix32, fnv1a32 } from "./hash.js";

const DIGIT_TOKEN = fnv1a32("#");
/** A token that never occurs in text: separates title from body so no shingle spans both. */
const FIELD_BREAK = fnv1a32("\u0000|");

/** Spelled-out digits in the languages of the corpus (English, French, Spanish), after normalization. */
const NUMBER_WORDS: ReadonlySet<number> = new Set(
  (
    "zero one two three four five six seven eight nine oh " +
    "un deux trois quatre cinq sept huit neuf " +
    "cero uno dos tres cuatro cinco seis siete ocho nueve"
  )
    .split(" ")
    .map(fnv1a32),
);

const MAX_NUMBER_WORD = 6;

export interface TokenizeOptions {
  /** Keep the token strings (display, learned phrases). */
  words?: boolean;
  /** Spelled-out digits become `#`. */
  numberWords?: boolean;
  /** Token hashes that become `#` (see `slotWords`). */
  slots?: ReadonlySet<number>;
}

/**
 * Hashes of the letter runs of contact values (e-mail, handle, url), as `tokenize` hashes tokens: passed as
 * `slots`, the ad's own contact is a slot in its text.
 * @example tokenize(["mail jade (at) gmail (dot) com"], { slots: slotWords(["jade@gmail.com"]) }) // mail # (at) # (dot) #
 */
export function slotWords(values: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const v of values) {
    const t = normalizeText(v);
    let i = 0;
    while (i < t.length) {
      if (!isWordCode(t.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      while (i < t.length && isWordCode(t.charCodeAt(i))) i++;
      out.add(fnv1a32(t.slice(start, i)));
    }
  }
  return out;
}

export interface Tokens {
  /** FNV-1a hash per token (digit-bearing tokens share one hash). */
  hashes: Uint32Array<ArrayBufferLike>;
  /** The token strings, only when requested (display, learned phrases). */
  words?: string[];
}

/** Characters whose NFKD form differs in a way that matters (accents, full-width and math letters). */
const needsNfkd = /[\u00c0-\u02ff\u1e00-\u1eff\uff00-\uffef\ud835]/;
const combining = /\p{M}+/gu;

function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, symbols, arrows, dingbats: handled as pictographs
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogates (emoji): handled as pictographs
  if (c === 0xfe0f || c === 0x200d) return false;
  return true;
}

function isPictograph(c: number): boolean {
  return (c >= 0x2600 && c <= 0x27bf) || (c >= 0x2b00 && c <= 0x2bff) || (c >= 0xd800 && c <= 0xdbff);
}

/** Normalize text for matching (lower case, no diacritics). */
export function normalizeText(text: string): string {
  let t = text.toLowerCase();
  if (needsNfkd.test(t)) t = t.normalize("NFKD").replace(combining, "");
  return t;
}

/**
 * Tokenize one or more fields; a field break token separates them.
 * @example tokenize(["Hot new girl", "Call 416 555 0101"]).hashes.length // 3 + 1 + 4
 * @example tokenize(["call four one six"], { numberWords: true, words: true }).words // ["call", "#", "#", "#"]
 */
let scratch = new Uint32Array(4096);

export function tokenize(fields: readonly string[], opts: TokenizeOptions = {}): Tokens {
  const out = new TokenBuffer();
  const words: string[] | undefined = opts.words ? [] : undefined;
  const numbers = opts.numberWords === true;
  const slots = opts.slots !== undefined && opts.slots.size > 0 ? opts.slots : null;
  for (let f = 0; f < fields.length; f++) {
    if (f > 0 && out.length > 0 && out.last() !== FIELD_BREAK) {
      out.push(FIELD_BREAK);
      words?.push("|");
    }
    const t = normalizeText(fields[f]);
    let i = 0;
    const n = t.length;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (isWordCode(c)) {
        const start = i;
        let h = 0x811c9dc5;
        let digit = false;
        while (i < n) {
          const d = t.charCodeAt(i);
          if (!isWordCode(d)) break;
          if (d >= 48 && d <= 57) digit = true;
          h = Math.imul(h ^ d, 0x01000193);
          i++;
        }
        h >>>= 0;
        const slot = digit || (numbers && i - start <= MAX_NUMBER_WORD && NUMBER_WORDS.has(h)) || (slots !== null && slots.has(h));
        out.push(slot ? DIGIT_TOKEN : h);
        words?.push(slot ? "#" : t.slice(start, i));
      } else if (isPictograph(c)) {
        const len = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
        const s = t.slice(i, i + len);
        out.push(fnv1a32(s));
        words?.push(s);
        i += len;
      } else {
        i++;
      }
    }
  }
  if (out.length > 0 && out.last() === FIELD_BREAK) {
    out.length--;
    words?.pop();
  }
  return { hashes: scratch.slice(0, out.length), words };
}

/** Appends into the module scratch buffer (tokenize is not re-entrant). */
class TokenBuffer {
  length = 0;
  push(h: number): void {
    if (this.length === scratch.length) {
      const b = new Uint32Array(scratch.length * 2);
      b.set(scratch);
      scratch = b;
    }
    scratch[this.length++] = h;
  }
  last(): number {
    return scratch[this.length - 1];
  }
}

/** Hash of the `k` tokens starting at `i`. */
export function shingleAt(tokens: Uint32Array<ArrayBufferLike>, i: number, k: number): number {
  let h = fmix32(tokens[i] ^ 0x5bd1e995);
  for (let j = 1; j < k; j++) h = combine32(h, tokens[i + j]);
  return h;
}

/**
 * Sorted unique hashes of the word `k`-shingles of `tokens` (a text shorter than `k` tokens yields one shingle of
 * all its tokens). Shingles that span the field break are skipped.
 */
export function shingles(tokens: Uint32Array<ArrayBufferLike>, k: number): Uint32Array<ArrayBufferLike> {
  const n = tokens.length;
  if (n === 0) return new Uint32Array(0);
  if (n < k) return Uint32Array.of(shingleAt(tokens, 0, n));
  const out = new Uint32Array(n - k + 1);
  let m = 0;
  outer: for (let i = 0; i + k <= n; i++) {
    for (let j = 0; j < k; j++) if (tokens[i + j] === FIELD_BREAK) continue outer;
    out[m++] = shingleAt(tokens, i, k);
  }
  return uniqueSorted(out.subarray(0, m));
}

/** Sort in place and drop duplicates; returns a (possibly shorter) view. */
export function uniqueSorted(a: Uint32Array<ArrayBufferLike>): Uint32Array<ArrayBufferLike> {
  if (a.length < 2) return a.slice();
  a.sort();
  let m = 1;
  for (let i = 1; i < a.length; i++) if (a[i] !== a[m - 1]) a[m++] = a[i];
  return a.slice(0, m);
}

/** Exact Jaccard of two sorted unique runs `a[as, ae)` and `b[bs, be)` (the two may be one pool). */
export function jaccardRuns(
  a: Uint32Array<ArrayBufferLike>,
  as: number,
  ae: number,
  b: Uint32Array<ArrayBufferLike>,
  bs: number,
  be: number,
): number {
  return jaccardAtLeast(a, as, ae, b, bs, be, 0);
}

/**
 * `jaccardRuns`, or -1 as soon as the runs provably cannot reach `threshold`: the pairs LSH proposes mostly fail,
 * and most of them fail early. The merge is branch-free (the comparisons become 0/1 steps), which the CPU runs
 * about twice as fast as a branch it cannot predict.
 */
export function jaccardAtLeast(
  a: Uint32Array<ArrayBufferLike>,
  as: number,
  ae: number,
  b: Uint32Array<ArrayBufferLike>,
  bs: number,
  be: number,
  threshold: number,
): number {
  const m = ae - as;
  const n = be - bs;
  // J ≥ t ⟺ inter ≥ t(m + n)/(1 + t); one below the rounded bound, so float error can never reject a pair.
  const need = Math.ceil((threshold * (m + n)) / (1 + threshold)) - 1;
  let i = as;
  let j = bs;
  let inter = 0;
  for (;;) {
    const left = Math.min(ae - i, be - j);
    if (left <= 0) break;
    if (inter + left < need) return -1;
    // Each step advances i or j (or both), so `left` steps stay inside both runs.
    const steps = Math.min(left, 16);
    for (let k = 0; k < steps; k++) {
      const x = a[i];
      const y = b[j];
      inter += +(x === y);
      i += +(x <= y);
      j += +(y <= x);
    }
  }
  const union = m + n - inter;
  return union === 0 ? 0 : inter / union;
}

/** Exact Jaccard of two sorted unique hash sets. */
export function jaccardSorted(a: Uint32Array<ArrayBufferLike>, b: Uint32Array<ArrayBufferLike>): number {
  return jaccardRuns(a, 0, a.length, b, 0, b.length);
}

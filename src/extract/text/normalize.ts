/**
 * Character-level normalization with an offset map back to the original text.
 *
 * Every extractor reads the normalized text and reports spans in the ORIGINAL text, so an analyst always sees
 * the exact characters the fact came from. The fold is per code point: NFKC (mathematical, fullwidth, circled
 * and superscript digits, ligatures), hand tables for what NFKC leaves alone (dingbat digits, Cyrillic/Greek
 * look-alikes), digits of other scripts to ASCII, and removal of invisible characters (zero-width joiners,
 * variation selectors, the keycap combiner, so "4️⃣" becomes "4").
 *
 * Context-dependent rewrites (letters standing for digits, spelled digits) are NOT done here: they only make
 * sense inside a digit run, see `digits.ts`.
 *
 * @example
 * const n = normalizeText("call 𝟒𝟏𝟔");
 * n.text; // "call 416"
 * originalSpan(n, 5, 8); // [5, 11] (each mathematical digit is two UTF-16 units)
 */
import { isInvisible, tableFold } from "./charmap.js";
import { codePointAtIndex } from "./chars.js";

export interface NormalizedText {
  /** The text as given. */
  readonly original: string;
  /** The folded text all extractors read. */
  readonly text: string;
  /** For each UTF-16 unit of `text`, the start offset in `original` of the character it came from; null = identity. */
  readonly starts: Int32Array | null;
  /** For each UTF-16 unit of `text`, the end offset in `original` of the character it came from; null = identity. */
  readonly ends: Int32Array | null;
}

const NON_ASCII_DIGIT = /\p{Nd}/u;
const foldCache = new Map<number, string>();

/** The folded form of one code point (possibly empty or several units). Cached. */
export function foldCodePoint(cp: number): string {
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  let out: string;
  if (isInvisible(cp)) out = "";
  else {
    const table = tableFold(cp);
    if (table !== undefined) out = table;
    else {
      const ch = String.fromCodePoint(cp);
      const nfkc = ch.normalize("NFKC");
      if (nfkc !== ch) {
        // NFKC may produce characters that fold further (e.g. a Cyrillic letter inside a compatibility form).
        let folded = "";
        for (const c of nfkc) {
          const c0 = c.codePointAt(0) as number;
          folded += c0 < 0x80 ? c : (tableFold(c0) ?? c);
        }
        out = folded;
      } else if (NON_ASCII_DIGIT.test(ch)) out = String(otherScriptDigit(cp));
      else out = ch;
    }
  }
  if (foldCache.size < 50_000) foldCache.set(cp, out);
  return out;
}

/** Digit value of a non-ASCII decimal digit: decimal digit blocks are runs of ten starting at zero. */
function otherScriptDigit(cp: number): number {
  let zero = cp;
  while (zero > 0 && cp - zero < 9 && NON_ASCII_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return (cp - zero) % 10;
}

let lastInput: string | undefined;
let lastResult: NormalizedText | undefined;

/**
 * Normalize `original`. Pure; the last result is memoized so that several extractors reading the same field
 * share one normalization.
 */
export function normalizeText(original: string): NormalizedText {
  if (original === lastInput && lastResult !== undefined) return lastResult;
  const result = foldsToItself(original) ? { original, text: original, starts: null, ends: null } : foldAll(original);
  lastInput = original;
  lastResult = result;
  return result;
}

/** Per BMP code point: 0 = unknown, 1 = folds to itself, 2 = changes. */
const IDENTITY = new Uint8Array(0x10000);

/** Astral code points (emoji) that fold to themselves, cached like IDENTITY. */
const ASTRAL_IDENTITY = new Map<number, boolean>();
/** Anything but printable ASCII, tab, newline and CR: the characters worth a look. */
const NOT_PLAIN = /[^\x20-\x7e\t\n\r]/g;

/**
 * True when every character folds to itself (plain ASCII without C0 controls other than tab/newline/CR,
 * "café •", most emoji): no offset map needed. The regex skips the plain ASCII; `test` (not `exec`) allocates
 * nothing, and the character it stopped on is the one before `lastIndex`.
 */
function foldsToItself(original: string): boolean {
  NOT_PLAIN.lastIndex = 0;
  while (NOT_PLAIN.test(original)) {
    const i = NOT_PLAIN.lastIndex - 1;
    const cp = codePointAtIndex(original, i);
    if (cp > 0xffff) {
      let same = ASTRAL_IDENTITY.get(cp);
      if (same === undefined) {
        same = foldCodePoint(cp) === String.fromCodePoint(cp);
        if (ASTRAL_IDENTITY.size < 50_000) ASTRAL_IDENTITY.set(cp, same);
      }
      if (!same) return false;
      NOT_PLAIN.lastIndex = i + 2;
      continue;
    }
    let id = IDENTITY[cp];
    if (id === 0) {
      id = foldCodePoint(cp) === String.fromCharCode(cp) ? 1 : 2;
      IDENTITY[cp] = id;
    }
    if (id === 2) return false;
  }
  return true;
}

let lowerFor: NormalizedText | undefined;
let lowerValue = "";

/**
 * `n.text.toLowerCase()`, computed once per normalized text and shared by the extractors that scan lower-cased
 * text. Offsets match `n.text` unless the text holds the rare characters whose lower case is longer ("İ"):
 * callers that rely on offsets check the lengths.
 */
export function lowerText(n: NormalizedText): string {
  if (n !== lowerFor) {
    lowerFor = n;
    lowerValue = n.text.toLowerCase();
  }
  return lowerValue;
}

function foldAll(original: string): NormalizedText {
  const n = original.length;
  let cap = n + 16;
  // Starts and ends share one buffer: a typed array this size is allocated outside the heap, one at a time.
  let buffer = new Int32Array(2 * cap);
  let starts = buffer.subarray(0, cap);
  let ends = buffer.subarray(cap);
  const pieces: string[] = [];
  let len = 0; // UTF-16 units written so far
  let plainFrom = 0; // start of the pending run of unchanged characters
  const flushPlain = (upTo: number): void => {
    if (upTo > plainFrom) pieces.push(original.slice(plainFrom, upTo));
  };
  const ensure = (extra: number): void => {
    if (len + extra <= cap) return;
    cap = Math.max(cap * 2, len + extra);
    buffer = new Int32Array(2 * cap);
    buffer.set(starts);
    buffer.set(ends, cap);
    starts = buffer.subarray(0, cap);
    ends = buffer.subarray(cap);
  };
  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      ensure(1);
      starts[len] = i;
      ends[len] = i + 1;
      len++;
      i++;
      continue;
    }
    const cp = original.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const out = foldCodePoint(cp);
    if (out.length === width && out === original.slice(i, i + width)) {
      ensure(width);
      for (let k = 0; k < width; k++) {
        starts[len] = i;
        ends[len] = i + width;
        len++;
      }
      i += width;
      continue;
    }
    flushPlain(i);
    plainFrom = i + width;
    // A removed character (keycap combiner, variation selector) belongs to the character before it.
    if (out.length === 0 && len > 0) ends[len - 1] = i + width;
    ensure(out.length);
    for (let k = 0; k < out.length; k++) {
      starts[len] = i;
      ends[len] = i + width;
      len++;
    }
    pieces.push(out);
    i += width;
  }
  flushPlain(n);
  return { original, text: pieces.join(""), starts: starts.subarray(0, len), ends: ends.subarray(0, len) };
}

/** Map a `[start, end)` span of the normalized text to the original text. */
export function originalSpan(n: NormalizedText, start: number, end: number): [number, number] {
  if (n.starts === null || n.ends === null) return [start, end];
  if (end <= start) {
    const at = start < n.starts.length ? n.starts[start] : n.original.length;
    return [at, at];
  }
  return [n.starts[start], n.ends[end - 1]];
}

/** Lower-case and strip diacritics: the key form used by lexicon lookups ("Montréal" → "montreal"). */
export function foldKey(s: string): string {
  // ASCII has no decomposition and no combining marks: only the lower case to do.
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  return s.toLowerCase();
}

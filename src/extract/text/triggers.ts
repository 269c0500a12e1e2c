/**
 * Trigger prefilter for the word-anchored regex families (cues, descriptors, ages, names): instead of scanning
 * the whole text once per regex, one pass over the text lists the word starts (a word character after a
 * non-word character, `\b` in a non-Unicode regex) and files each under the families whose patterns can begin
 * with its first two (or three) characters. Each family's regex then runs sticky, at its candidate positions only.
 * The same pass collects the runs of ASCII digits (`asciiDigitRuns`), which lie inside words.
 *
 * Exact, not a heuristic: a family's prefixes must cover every way its pattern can start (lower-cased, ASCII);
 * `runSticky` then finds the same matches, in the same order, as a global scan from the start of the text.
 *
 * @example
 * const TRUST = triggered("trust", /\b(?:professional|discreet)\b/gi, ["pr", "di"]);
 * runSticky(TRUST, normalizeText(text), (m) => …); // word starts are computed once per text
 */
import type { NormalizedText } from "./normalize.js";
import { execAt } from "./sticky.js";

/** Families by the first two characters of a word (lower-cased ASCII; 127 = a non-ASCII second character or none). */
const TABLE = new Uint32Array(128 * 128);
/** Families whose prefix for a pair has no third character (so any third character passes). */
const OPEN = new Uint32Array(128 * 128);
/**
 * For pairs with three-character prefixes, 1 + the pair's row in THIRD; 0 = none. (A sparse JS array indexed by
 * pair would be a dictionary, hashed at every word start.)
 */
const THIRD_ROW = new Uint16Array(128 * 128);
/** Rows of 128: the families allowed by the third character (127 = non-ASCII or none). */
let THIRD = new Uint32Array(0);
/** Families by the exact (case-sensitive) first character of a word, for `wordFamilyByFirst`. */
const FIRST_EXACT = new Uint32Array(128);
let families = 0;

/**
 * Register a family by the prefixes its matches can start with: three characters ("pro"), two ("pr", "i'",
 * "2 "), or one ("2": any second character). Letters are given in lower case; the first character is a word
 * character; a third character is matched exactly (after ASCII lower-casing), so give only two when the third
 * can vary ("me\s+" → "me"), or list its variants (`thenSpace`). A second or third character "\x7f" stands for
 * any non-ASCII character or the end of the text.
 */
function defineFamily(prefixes: string[]): number {
  if (families >= 32) throw new Error("too many trigger families");
  const id = families++;
  const bit = 1 << id;
  for (const p of prefixes) {
    const c0 = p.charCodeAt(0);
    const bad = (): Error => new Error(`bad trigger prefix ${JSON.stringify(p)}`);
    if (p.length === 0 || p.length > 3 || c0 >= 128 || !isWordCode(c0) || p !== p.toLowerCase()) throw bad();
    if (p.length === 1) {
      for (let c1 = 0; c1 < 128; c1++) {
        TABLE[c0 * 128 + c1] |= bit;
        OPEN[c0 * 128 + c1] |= bit;
      }
      continue;
    }
    const c1 = p.charCodeAt(1);
    if (c1 >= 128) throw bad();
    const pair = c0 * 128 + c1;
    TABLE[pair] |= bit;
    if (p.length === 2) {
      OPEN[pair] |= bit;
      continue;
    }
    const c2 = p.charCodeAt(2);
    if (c2 > 127) throw bad();
    const row = thirdRow(pair); // before reading THIRD, which it may replace
    THIRD[row + c2] |= bit;
  }
  return id;
}

/** The offset in THIRD of the row of `pair`, added on first use. */
function thirdRow(pair: number): number {
  if (THIRD_ROW[pair] === 0) {
    const grown = new Uint32Array(THIRD.length + 128);
    grown.set(THIRD);
    THIRD = grown;
    THIRD_ROW[pair] = grown.length / 128;
  }
  return (THIRD_ROW[pair] - 1) * 128;
}

/**
 * The prefixes `p` + a character `\s` can match: the ASCII white space, and "\x7f" for the non-ASCII ones (no-break
 * and other Unicode spaces). For patterns where `p` is followed by `\s*` or `\s+`: "2\s*girls" → thenSpace("2").
 */
export function thenSpace(p: string): string[] {
  return [" ", "\t", "\n", "\v", "\f", "\r", "\x7f"].map((s) => p + s);
}

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Candidate positions per family for one text. */
export interface WordStarts {
  /** Positions where a match of family `id` may start, ascending. */
  at(id: number): readonly number[];
}

const EMPTY: readonly number[] = [];

class Starts implements WordStarts {
  readonly lists: number[][] = [];
  /** Runs of ASCII digits, flat `[start, end, start, end, …]`. */
  readonly digitRuns: number[] = [];
  at(id: number): readonly number[] {
    return this.lists[id] ?? EMPTY;
  }
}

let lastFor: NormalizedText | undefined;
let last = new Starts();

/** ASCII word characters (`\w` without the u flag): 1 = letter or "_", 2 = digit; 0 = not a word character. */
const WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD[c] = c >= 48 && c <= 57 ? 2 : isWordCode(c) ? 1 : 0;

/** The word starts of `n.text` filed by family (memoized for the last text). */
export function wordStarts(n: NormalizedText): WordStarts {
  return wordPass(n);
}

/**
 * The runs of ASCII digits in `n.text` as flat `[start, end, start, end, …]` (what `/[0-9]+/g` finds), shared by
 * the digit zones and price anchors. Digits are word characters, so the word-start pass collects them on its way.
 * Callers must not modify the array.
 */
export function asciiDigitRuns(n: NormalizedText): readonly number[] {
  return wordPass(n).digitRuns;
}

/** One pass over `n.text`: word starts filed by family, and digit runs (memoized for the last text). */
function wordPass(n: NormalizedText): Starts {
  if (n === lastFor) return last;
  const out = new Starts();
  const t = n.text;
  const len = t.length;
  let i = 0;
  while (i < len) {
    const c = t.charCodeAt(i);
    if (c >= 128 || WORD[c] === 0) {
      i++;
      continue;
    }
    fileWordStart(out, t, i, c);
    i = scanWord(out.digitRuns, t, i);
  }
  lastFor = n;
  last = out;
  return out;
}

/** File the word start `i` (first character `c`) under every family whose prefixes its first characters fit. */
function fileWordStart(out: Starts, t: string, i: number, c: number): void {
  const len = t.length;
  // A non-ASCII second character (or none) is filed as 127: only one-character prefixes take it.
  const d = i + 1 < len ? t.charCodeAt(i + 1) : 127;
  const pair = lowerAscii(c) * 128 + (d < 128 ? lowerAscii(d) : 127);
  let mask = TABLE[pair] | FIRST_EXACT[c];
  const row = THIRD_ROW[pair];
  if (row !== 0) {
    const e = i + 2 < len ? t.charCodeAt(i + 2) : 127;
    mask &= OPEN[pair] | FIRST_EXACT[c] | THIRD[(row - 1) * 128 + (e < 128 ? lowerAscii(e) : 127)];
  }
  while (mask !== 0) {
    const id = 31 - Math.clz32(mask);
    mask &= ~(1 << id);
    (out.lists[id] ??= []).push(i);
  }
}

/** The end of the word starting at `i`; its runs of digits are appended to `digitRuns`. */
function scanWord(digitRuns: number[], t: string, i: number): number {
  const len = t.length;
  let digitsFrom = -1;
  for (; i < len; i++) {
    const e = t.charCodeAt(i);
    const kind = e < 128 ? WORD[e] : 0;
    if (kind === 2) {
      if (digitsFrom < 0) digitsFrom = i;
      continue;
    }
    if (digitsFrom >= 0) {
      digitRuns.push(digitsFrom, i);
      digitsFrom = -1;
    }
    if (kind === 0) break;
  }
  if (digitsFrom >= 0) digitRuns.push(digitsFrom, i);
  return i;
}

/** A family of word starts without a pattern, for scanners that check the candidates themselves. */
export function wordFamily(prefixes: string[]): number {
  return defineFamily(prefixes);
}

/** A family of the word starts whose first character is one of `chars` (ASCII word characters, case as given). */
export function wordFamilyByFirst(chars: string): number {
  const id = defineFamily([]);
  for (const ch of chars) {
    const c = ch.charCodeAt(0);
    if (c >= 128 || !isWordCode(c)) throw new Error(`bad first character ${JSON.stringify(ch)}`);
    FIRST_EXACT[c] |= 1 << id;
  }
  return id;
}

/** A word-anchored pattern and its trigger family. */
export interface Triggered {
  name: string;
  /** The pattern as written (global), for tests that compare against a full scan. */
  global: RegExp;
  /** Its sticky copy, for `runSticky`. */
  sticky: RegExp;
  family: number;
}

const REGISTRY: Triggered[] = [];

/**
 * Register a global, word-anchored `re` whose matches start with one of `prefixes` (see `defineFamily`).
 * `listed: false` keeps it out of `triggeredPatterns()` (the equivalence test over the cue corpus, which needs at
 * least one match per pattern); such patterns are checked in `test/extract/anchors.test.ts` instead.
 */
export function triggered(name: string, re: RegExp, prefixes: string[], listed = true): Triggered {
  if (!re.global) throw new Error(`${name}: pattern must be global`);
  const t = { name, global: re, sticky: new RegExp(re.source, `${re.flags.replace("g", "")}y`), family: defineFamily(prefixes) };
  if (listed) REGISTRY.push(t);
  return t;
}

/** Every registered pattern (for the equivalence test). */
export function triggeredPatterns(): readonly Triggered[] {
  return REGISTRY;
}

/**
 * Run a sticky regex at each candidate position, skipping positions inside the previous match: the same matches a
 * global scan of `text` would find, provided every match starts at a candidate.
 */
export function runSticky(t: Triggered, n: NormalizedText, onMatch: (m: RegExpExecArray) => void): void {
  execAt(t.sticky, n.text, wordStarts(n).at(t.family), onMatch);
}

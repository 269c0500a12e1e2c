/**
 * Trigger prefilter for the word-anchored regex families (cues, descriptors, ages, names): instead of scanning
 * the whole text once per regex, one pass over the text lists the word starts (a word character after a
 * non-word character, `\b` in a non-Unicode regex) and files each under the families whose patterns can begin
 * with its first two characters. Each family's regex then runs sticky, at its candidate positions only.
 *
 * Exact, not a heuristic: a family's prefixes must cover every way its pattern can start (lower-cased, ASCII);
 * `runSticky` then finds the same matches, in the same order, as a global scan from the start of the text.
 *
 * @example
 * const TRUST = triggered("trust", /\b(?:professional|discreet)\b/gi, ["pr", "di"]);
 * runSticky(TRUST, normalizeText(text), (m) => …); // word starts are computed once per text
 */
import type { NormalizedText } from "./normalize.js";

const TABLE = new Uint32Array(128 * 128);
let families = 0;

/**
 * Register a family by the prefixes its matches can start with: two characters ("pr", "i'", "2 "), or one
 * ("2": any second character). Letters are given in lower case; the first character is a word character.
 */
function defineFamily(prefixes: string[]): number {
  if (families >= 32) throw new Error("too many trigger families");
  const id = families++;
  const bit = 1 << id;
  for (const p of prefixes) {
    const c0 = p.charCodeAt(0);
    if (p.length === 0 || p.length > 2 || c0 >= 128 || !isWordCode(c0) || p !== p.toLowerCase()) {
      throw new Error(`bad trigger prefix ${JSON.stringify(p)}`);
    }
    if (p.length === 1) for (let c1 = 0; c1 < 128; c1++) TABLE[c0 * 128 + c1] |= bit;
    else {
      const c1 = p.charCodeAt(1);
      if (c1 >= 128) throw new Error(`bad trigger prefix ${JSON.stringify(p)}`);
      TABLE[c0 * 128 + c1] |= bit;
    }
  }
  return id;
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
  at(id: number): readonly number[] {
    return this.lists[id] ?? EMPTY;
  }
}

let lastFor: NormalizedText | undefined;
let last = new Starts();

/** The word starts of `n.text` filed by family (memoized for the last text). */
export function wordStarts(n: NormalizedText): WordStarts {
  if (n === lastFor) return last;
  const out = new Starts();
  const t = n.text;
  const len = t.length;
  let prevWord = false;
  for (let i = 0; i < len; i++) {
    const c = t.charCodeAt(i);
    const word = c < 128 && isWordCode(c);
    if (word && !prevWord) {
      // A non-ASCII second character (or none) is filed as 127: only one-character prefixes take it.
      const d = i + 1 < len ? t.charCodeAt(i + 1) : 127;
      let mask = TABLE[lowerAscii(c) * 128 + (d < 128 ? lowerAscii(d) : 127)];
      while (mask !== 0) {
        const id = 31 - Math.clz32(mask);
        mask &= ~(1 << id);
        (out.lists[id] ??= []).push(i);
      }
    }
    prevWord = word;
  }
  lastFor = n;
  last = out;
  return out;
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

/** Register a global, word-anchored `re` whose matches start with one of `prefixes` (see `defineFamily`). */
export function triggered(name: string, re: RegExp, prefixes: string[]): Triggered {
  if (!re.global) throw new Error(`${name}: pattern must be global`);
  const t = { name, global: re, sticky: new RegExp(re.source, `${re.flags.replace("g", "")}y`), family: defineFamily(prefixes) };
  REGISTRY.push(t);
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
  const re = t.sticky;
  const text = n.text;
  const positions = wordStarts(n).at(t.family);
  let from = 0;
  for (const p of positions) {
    if (p < from) continue;
    re.lastIndex = p;
    const m = re.exec(text);
    if (m === null) continue;
    onMatch(m);
    from = m.index + Math.max(1, m[0].length);
  }
}

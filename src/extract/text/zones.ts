/**
 * Digit zones: the parts of a text worth reading for digits — ranges of ±24 characters around ASCII digits and
 * spelled digit words ("fouronesix"), merged where they touch and widened to word edges. Everything else is
 * skipped by the digit reader (`digits.ts`).
 *
 * Two regex scans and no sorting: digits and digit words each yield their merged ranges in order, and the union
 * of the two lists is the same as merging all the points together.
 *
 * @example
 * digitZones("call me at 416 555 0123 tonight").zones; // [{ start: 0, end: 31 }]
 */
import { STRONG_WORDS } from "./digit-words.js";
import type { NormalizedText } from "./normalize.js";
import { wordFamily, wordStarts } from "./triggers.js";

export interface Range {
  start: number;
  end: number;
}

/** Where digits could be: ranges around digits, spelled digits and look-alike letters next to digits. */
export interface DigitZones {
  zones: Range[];
  /** Digit-like tokens seen: digits, spelled digit words, look-alike letters touching a digit. */
  count: number;
}

const ZONE_PAD = 24;
const LOOKALIKE = new Uint8Array(128);
for (const c of "OoIil|SsBZzGg") LOOKALIKE[c.charCodeAt(0)] = 1;

/**
 * Spelled digits as whole words or glued together ("fouronesix", "four1six"), for the zone scan: a maximal
 * run of `[a-zà-ÿ]` in the lower-cased text that splits completely into strong digit words. Homophones ("for",
 * "oh") are left out: they only matter next to digits, which the zone around those digits already covers.
 */
const DIGIT_WORDS_BY_FIRST: string[][] = [];
for (let c = 0; c < 256; c++) DIGIT_WORDS_BY_FIRST.push([]);
for (const w of [...Object.keys(STRONG_WORDS), "zéro"]) {
  DIGIT_WORDS_BY_FIRST[w.charCodeAt(0)].push(w);
}

function isWordRunCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xe0 && c <= 0xff);
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAlnumCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0x7f || c === 124;
}

let reach = new Uint8Array(64);

/** True when `lower[start, end)` (chars in `[a-zà-ÿ]`) is a concatenation of strong digit words. */
function splitsIntoDigitWords(lower: string, start: number, end: number): boolean {
  const L = end - start;
  // Most words fail on the first word: check it before setting up the table.
  let any = false;
  for (const w of DIGIT_WORDS_BY_FIRST[lower.charCodeAt(start)]) {
    if (w.length <= L && lower.startsWith(w, start)) {
      if (w.length === L) return true;
      any = true;
    }
  }
  if (!any) return false;
  if (reach.length < L + 1) reach = new Uint8Array(L + 1);
  reach.fill(0, 0, L + 1);
  reach[0] = 1;
  for (let i = 0; i < L; i++) {
    if (reach[i] === 0) continue;
    for (const w of DIGIT_WORDS_BY_FIRST[lower.charCodeAt(start + i)]) {
      if (w.length <= L - i && lower.startsWith(w, start + i)) reach[i + w.length] = 1;
    }
  }
  return reach[L] === 1;
}

/** Add the range around point `p` to the flat `[start, end, …]` list `out`, merging with the last one. */
function addPoint(out: number[], p: number, len: number): void {
  const start = p > ZONE_PAD ? p - ZONE_PAD : 0;
  const end = p + ZONE_PAD < len ? p + ZONE_PAD : len;
  const k = out.length;
  if (k > 0 && start <= out[k - 1]) {
    if (end > out[k - 1]) out[k - 1] = end;
  } else out.push(start, end);
}

/** Strong digit words at the start of a run of `[a-zà-ÿ]`, with the rest of the run (see `digitWordRuns`). */
const WORD_RUN = new RegExp(
  `(?:${[...Object.keys(STRONG_WORDS), "zéro"].sort((x, y) => y.length - x.length).join("|")})[a-zà-ÿ]*`,
  "g",
);

/**
 * Calls `onRun(start, end)` for every maximal run of `[a-zà-ÿ]` in `lower` that splits into strong digit words.
 * The regex finds runs that start with a digit word (it is several times faster than a char loop over every
 * word); a match inside a run ("someone") is skipped and the scan resumes one character on.
 */
function digitWordRuns(lower: string, onRun: (start: number, end: number) => void): void {
  WORD_RUN.lastIndex = 0;
  for (let m = WORD_RUN.exec(lower); m !== null; m = WORD_RUN.exec(lower)) {
    const i = m.index;
    if (i > 0 && isWordRunCode(lower.charCodeAt(i - 1))) {
      WORD_RUN.lastIndex = i + 1;
      continue;
    }
    const e = i + m[0].length;
    if (splitsIntoDigitWords(lower, i, e)) onRun(i, e);
  }
}

/**
 * How a strong digit word can start (see `text/triggers.ts`): its first three letters, "un" (a word of its own),
 * and "z" for "zéro" (a non-ASCII second letter takes only one-letter prefixes).
 */
const DIGIT_WORD_FAMILY = wordFamily([
  "z", "one", "two", "thr", "fou", "fiv", "six", "sev", "eig", "nin", "un", "deu", "tro", "qua", "cin", "sep", "hui",
  "neu", "cer", "dos", "tre", "cua", "sei", "sie", "och", "nue",
]);

/**
 * `digitWordRuns` from candidate positions instead of a scan: a run that splits into digit words starts with one,
 * so it starts either at a word start (in the sense of `\b`) filed under DIGIT_WORD_FAMILY, or right after an ASCII
 * digit or "_" (word characters that are not run characters). `lower` must have the offsets of `n.text`.
 */
function digitWordRunsAt(n: NormalizedText, lower: string, digitRuns: readonly number[], onRun: (start: number, end: number) => void): void {
  const found: number[] = [];
  const tryAt = (i: number): void => {
    if (i > 0 && isWordRunCode(lower.charCodeAt(i - 1))) return;
    if (i >= lower.length || !isWordRunCode(lower.charCodeAt(i))) return;
    let e = i + 1;
    while (e < lower.length && isWordRunCode(lower.charCodeAt(e))) e++;
    if (e - i >= 2 && splitsIntoDigitWords(lower, i, e)) found.push(i, e);
  };
  for (const i of wordStarts(n).at(DIGIT_WORD_FAMILY)) tryAt(i);
  const fromWords = found.length;
  for (let k = 1; k < digitRuns.length; k += 2) tryAt(digitRuns[k]);
  for (let u = lower.indexOf("_"); u >= 0; u = lower.indexOf("_", u + 1)) tryAt(u + 1);
  if (found.length > fromWords) {
    // Runs found after a digit or "_" come in another order (and a start can be found twice): sort the few found.
    const pairs: [number, number][] = [];
    for (let k = 0; k < found.length; k += 2) pairs.push([found[k], found[k + 1]]);
    pairs.sort((x, y) => x[0] - y[0]);
    let last = -1;
    for (const [i, e] of pairs) {
      if (i !== last) onRun(i, e);
      last = i;
    }
    return;
  }
  for (let k = 0; k < found.length; k += 2) onRun(found[k], found[k + 1]);
}

const DIGITS = /[0-9]+/g;

function digitRunsOf(text: string): number[] {
  const out: number[] = [];
  DIGITS.lastIndex = 0;
  for (let m = DIGITS.exec(text); m !== null; m = DIGITS.exec(text)) out.push(m.index, m.index + m[0].length);
  return out;
}

/**
 * The parts of `text` worth reading for digits (the `zones` of {@link digitZones} without the count). `lowerOf` is
 * `text.toLowerCase()` and `digitRuns` its runs of ASCII digits (flat `[start, end, …]`) when the caller has them;
 * with `n` (whose text is `text`), digit words are looked for at its word starts instead of by a scan.
 */
export function digitZoneRanges(text: string, lowerOf?: string, digitRuns?: readonly number[], n?: NormalizedText): Range[] {
  const len = text.length;
  const fromDigits: number[] = [];
  const runs = digitRuns ?? digitRunsOf(text);
  for (let k = 0; k < runs.length; k += 2) {
    // The ranges around consecutive digits merge: the first and last digit of the group are enough.
    addPoint(fromDigits, runs[k], len);
    if (runs[k + 1] - runs[k] > 1) addPoint(fromDigits, runs[k + 1] - 1, len);
  }
  const lower = lowerOf === undefined ? text.toLowerCase() : lowerOf;
  const fromWords: number[] = [];
  const wordPoints: number[] = [];
  const onRun = (i: number, e: number): void => {
    addPoint(fromWords, i, len);
    addPoint(fromWords, e - 1, len);
    wordPoints.push(i, e - 1);
  };
  if (n !== undefined && n.text === text && lower.length === len) digitWordRunsAt(n, lower, runs, onRun);
  else digitWordRuns(lower, onRun);
  // Lower-casing changed the length (rare: "İ"): word offsets are then off, so merge the points the long way.
  const zones = lower.length === len ? union(fromDigits, fromWords) : unionSorted(text, wordPoints);
  // Never cut a word in half.
  for (const z of zones) {
    while (z.start > 0 && isAlnumCode(text.charCodeAt(z.start - 1))) z.start--;
    while (z.end < len && isAlnumCode(text.charCodeAt(z.end))) z.end++;
  }
  return zones;
}

/**
 * Find the parts of `text` worth reading for digits, and count the digit-like tokens. `lowerOf` is
 * `text.toLowerCase()` when the caller already has it.
 */
export function digitZones(text: string, lowerOf?: string): DigitZones {
  const lower = lowerOf === undefined ? text.toLowerCase() : lowerOf;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) count++;
    else if (c < 128 && LOOKALIKE[c] === 1 && ((i > 0 && isDigitCode(text.charCodeAt(i - 1))) || isDigitCode(text.charCodeAt(i + 1)))) {
      count++;
    }
  }
  digitWordRuns(lower, (i, e) => {
    count += Math.max(1, Math.round((e - i) / 4));
  });
  return { zones: digitZoneRanges(text, lower), count };
}

/**
 * The zones merged from the sorted points themselves, as `union` would if lower-casing had kept offsets: used when
 * the lower-cased text has another length (rare: "İ"), so that word offsets may fall past the end of `text`.
 */
function unionSorted(text: string, wordPoints: number[]): Range[] {
  const points: number[] = [...wordPoints];
  for (let i = 0; i < text.length; i++) if (isDigitCode(text.charCodeAt(i))) points.push(i);
  points.sort((x, y) => x - y);
  const zones: Range[] = [];
  for (const p of points) {
    const start = Math.max(0, p - ZONE_PAD);
    const end = Math.min(text.length, p + ZONE_PAD);
    const last = zones[zones.length - 1];
    if (last !== undefined && start <= last.end) {
      last.end = Math.max(last.end, end);
      continue;
    }
    zones.push({ start, end });
  }
  return zones;
}

/** Union of two ordered lists of disjoint ranges (flat `[start, end, …]`), merging ranges that touch. */
function union(a: number[], b: number[]): Range[] {
  const out: Range[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let start: number;
    let end: number;
    if (j >= b.length || (i < a.length && a[i] <= b[j])) {
      start = a[i];
      end = a[i + 1];
      i += 2;
    } else {
      start = b[j];
      end = b[j + 1];
      j += 2;
    }
    const last = out.length > 0 ? out[out.length - 1] : undefined;
    if (last !== undefined && start <= last.end) {
      if (end > last.end) last.end = end;
    } else out.push({ start, end });
  }
  return out;
}

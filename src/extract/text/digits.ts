/**
 * Digit runs: read digits the way a person would, from a normalized text.
 *
 * The text is cut into chunks (maximal runs of letters, digits and "|"). A chunk becomes a digit group when it
 * parses completely into digit units:
 * - ASCII digits (after normalization, so also 𝟒, ４, ④, 4️⃣ …);
 * - spelled digits in English, French and Spanish ("four", "quatre", "cuatro"), also glued to digits ("four1six");
 * - homophones inside a glued chunk only ("for80", "zerofor", "2too"): standing alone they are ordinary words;
 * - letters standing for digits next to real digits in the same chunk: O/o → 0, I/l/i/| → 1; S/s → 5, B → 8,
 *   Z/z → 2, G → 6, g → 9 when sandwiched between two digits ("4S6"), or as capitals in a chunk with two real
 *   digits ("S55") — but never in a bra size ("34B");
 * - a standalone homophone ("for", "to") only between two digit groups ("…0 for 80…");
 * - a standalone "oh"/"o" as zero, only right after another digit group ("six oh four").
 * Consecutive groups separated by at most a few non-alphanumeric characters (spaces, dots, dashes, bullets,
 * emoji …) form a run. Dates, clock times and body measurements are masked first so they never join a run.
 */
import { charClass, codePointAtIndex, isSpaceCode } from "./chars.js";
import { HOMOPHONES, STRONG_WORDS } from "./digit-words.js";
import type { NormalizedText } from "./normalize.js";
import { digitZoneRanges, type Range } from "./zones.js";

export { digitZoneRanges, digitZones, type DigitZones, type Range } from "./zones.js";

export type UnitKind = "digit" | "word" | "homophone" | "letter" | "oh";

export interface DigitUnit {
  digit: number;
  /** Offsets in the normalized text. */
  start: number;
  end: number;
  kind: UnitKind;
}

export interface DigitGroup {
  units: DigitUnit[];
  start: number;
  end: number;
  /** Separator text between the previous group of the run and this one ("" for the first). */
  sep: string;
}

export interface DigitRun {
  groups: DigitGroup[];
}

const STRONG_MAP = new Map<string, number>(Object.entries(STRONG_WORDS));
const HOMOPHONE_MAP = new Map<string, number>(Object.entries(HOMOPHONES));
STRONG_MAP.set("zéro", 0);
const ONE_LETTER: Record<string, number> = { O: 0, o: 0, I: 1, l: 1, i: 1, "|": 1 };
const SANDWICH: Record<string, number> = { S: 5, s: 5, B: 8, Z: 2, z: 2, G: 6, g: 9 };

interface WordEntry {
  word: string;
  digit: number;
  kind: UnitKind;
}
const WORDS_BY_FIRST = new Map<string, WordEntry[]>();
for (const [word, digit] of Object.entries(STRONG_WORDS)) addWord(word, digit, "word");
for (const [word, digit] of Object.entries(HOMOPHONES)) addWord(word, digit, "homophone");
for (const list of WORDS_BY_FIRST.values()) list.sort((a, b) => b.word.length - a.word.length);
const PREFIXES = new Set<string>();
for (const w of [...Object.keys(STRONG_WORDS), ...Object.keys(HOMOPHONES)]) PREFIXES.add(w.slice(0, 2));

function addWord(word: string, digit: number, kind: UnitKind): void {
  const list = WORDS_BY_FIRST.get(word[0]) ?? [];
  list.push({ word, digit, kind });
  WORDS_BY_FIRST.set(word[0], list);
}

/** PREFIXES as a table over two lower-case ASCII char codes (for a check without allocating). */
const PREFIX_TABLE = new Uint8Array(128 * 128);
for (const p of PREFIXES) if (p.charCodeAt(0) < 128 && p.charCodeAt(1) < 128) PREFIX_TABLE[p.charCodeAt(0) * 128 + p.charCodeAt(1)] = 1;

// Masks: things made of digits that are never phone numbers.
const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
const MASKS: RegExp[] = [
  /\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}\b/g, // 12/12/2023
  /\b(?:19|20)\d{2}[/.\s-]\d{1,2}[/.\s-]\d{1,2}\b/g, // 2023-12-12, 2023 12 25
  new RegExp(`\\b${MONTH}\\s*\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2}\\b`, "gi"), // Dec 12, 2023
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s*,?\\s*(?:19|20)\\d{2}\\b`, "gi"), // 12 Dec 2023
  /\b\d{1,2}(?:[:h.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])/gi, // 10am, 10:30 pm
  /\b\d{1,2}:\d{2}\b/g, // 22:30
  /\b[2-5]\d\s?[a-h]{0,3}\s*[-/]\s*[1-4]\d\s*[-/]\s*[2-5]\d\b/gi, // 34D-24-36
  /\b\d'\s?\d{1,2}(?:"|'')?/g, // 5'4"
];

/**
 * A character every match of each mask must contain (checked with `includes` before the regex runs), or null.
 * Masks 0–3 (dates) all need a year, tested once with YEAR.
 */
const MASK_NEEDS: (string | null)[] = [null, null, null, null, null, ":", null, "'"];
const YEAR = /(?:19|20)\d\d/;

function maskRanges(text: string, zone: Range): Range[] {
  const out: Range[] = [];
  const sub = text.slice(zone.start, zone.end);
  const year = YEAR.test(sub);
  const dashOrSlash = sub.includes("-") || sub.includes("/");
  for (let k = 0; k < MASKS.length; k++) {
    if (k < 4 && !year) continue;
    if (k === 6 && !dashOrSlash) continue;
    const needs = MASK_NEEDS[k];
    if (needs !== null && !sub.includes(needs)) continue;
    const re = MASKS[k];
    re.lastIndex = 0;
    for (let m = re.exec(sub); m !== null; m = re.exec(sub)) {
      out.push({ start: zone.start + m.index, end: zone.start + m.index + m[0].length });
    }
  }
  return out;
}

const MAX_SEP = 6;

/**
 * Groups ending at `aEnd` and starting at `bStart` join when at most MAX_SEP characters separate them and the
 * separator holds none of `$ € £ % @ =` and no blank line (`\n\s*\n`).
 */
function joinable(text: string, aEnd: number, bStart: number): boolean {
  if (bStart - aEnd > MAX_SEP) return false;
  let newline = false;
  for (let k = aEnd; k < bStart; k++) {
    const c = text.charCodeAt(k);
    if (c === 36 || c === 0x20ac || c === 0xa3 || c === 37 || c === 64 || c === 61) return false;
    if (c === 10) {
      if (newline) return false;
      newline = true;
    } else if (!isSpaceCode(c)) newline = false;
  }
  return true;
}

let chunkEnd = 0;

/**
 * Start of the next chunk (a maximal run of `\p{L}`, ASCII digits and, with `pipe`, "|") at or after `from`, or
 * -1; its end is left in `chunkEnd`.
 */
function nextChunk(text: string, from: number, pipe: boolean): number {
  const n = text.length;
  let start = -1;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    let w = 1;
    let inChunk: boolean;
    if (c < 0x80) inChunk = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (pipe && c === 124);
    else {
      const cp = codePointAtIndex(text, i);
      if (cp > 0xffff) w = 2;
      inChunk = charClass(cp) === 1;
    }
    if (inChunk) {
      if (start < 0) start = i;
    } else if (start >= 0) break;
    i += w;
  }
  chunkEnd = i;
  return start;
}

export interface DigitRunOptions {
  /** Read "|" as the digit one (otherwise it is a separator). */
  pipeIsOne?: boolean;
  /** Skip zones with fewer parsed digit units than this (a speed-up for callers that need long runs). */
  minUnits?: number;
  /**
   * Return only runs of at least this many units (a speed-up for callers that need long runs): a zone whose runs
   * are all shorter before masking is skipped without running the masks, since masking only removes units.
   */
  minRunUnits?: number;
  /**
   * With `minRunUnits`: the length that suffices instead for a run whose first group follows a "+" (at most
   * `minRunUnits`). Phones: a NANP number needs 10 digits, a "+" international number 8.
   */
  minPlusRunUnits?: number;
}

/** Cut a normalized text into digit runs. */
export function digitRuns(n: NormalizedText, options: DigitRunOptions = {}, zones?: Range[]): DigitRun[] {
  const runs: DigitRun[] = [];
  const text = n.text;
  for (const zone of zones ?? digitZoneRanges(text)) runsInZone(text, zone, options, runs);
  return runs;
}

interface Chunk {
  start: number;
  end: number;
  masked: boolean;
  units: DigitUnit[] | null;
}

function runsInZone(text: string, zone: Range, options: DigitRunOptions, runs: DigitRun[]): void {
  if ((options.minRunUnits ?? 0) > 0) {
    longRunsInZone(text, zone, options, runs);
    return;
  }
  const pipe = options.pipeIsOne === true;
  const chunks: Chunk[] = [];
  let unitCount = 0;
  for (let at = nextChunk(text, zone.start, pipe); at >= 0 && at < zone.end; at = nextChunk(text, chunkEnd, pipe)) {
    const parsed = parseChunkAt(text, at, chunkEnd);
    if (parsed !== null) unitCount += parsed.length;
    chunks.push({ start: at, end: chunkEnd, masked: false, units: parsed });
  }
  // Too few digits to matter to the caller: skip masks and run building.
  if (unitCount < (options.minUnits ?? 0)) return;
  applyMasks(chunks, maskRanges(text, zone));
  for (const r of buildRuns(text, chunks)) runs.push(r);
}

/** Mark the chunks that overlap a mask as breaks; true when any does. */
function applyMasks(chunks: Chunk[], masks: Range[]): boolean {
  let any = false;
  if (masks.length === 0) return any;
  for (const c of chunks) {
    if (masks.some((r) => r.start < c.end && c.start < r.end)) {
      c.masked = true;
      c.units = null;
      any = true;
    }
  }
  return any;
}

/** The chunks of the zone being read (reused: the readers are not re-entered). */
const chunkStarts: number[] = [];
const chunkEnds: number[] = [];
/** Upper bound on the units of each chunk (`unitBound`). */
const chunkBounds: number[] = [];
/** 1 when the chunk is all ASCII digits (then it parses to exactly one unit per digit). */
const chunkAllDigits: number[] = [];

/**
 * `runsInZone` for callers that want only runs of at least `minRunUnits` units (phones). First an upper bound on
 * the units of every run, from the chunks' characters alone (`unitBound`): most zones (prices, sizes) and most of
 * the rest of a zone around a number cannot hold a long run, and their chunks are never parsed. Only the stretches
 * of joinable chunks whose bounds add up to `minRunUnits` are parsed and read; a run never extends past such a
 * stretch (its edges are a chunk that is never a group, or a separator no run crosses), so reading a stretch on
 * its own yields the same runs as reading the whole zone.
 */
function longRunsInZone(text: string, zone: Range, options: DigitRunOptions, runs: DigitRun[]): void {
  const minRun = options.minRunUnits ?? 0;
  const minPlus = Math.min(minRun, options.minPlusRunUnits ?? minRun);
  const count = scanChunks(text, zone, options.pipeIsOne === true);
  const stretches: number[] = [];
  let sum = 0;
  let first = 0;
  // A stretch with a chunk after a "+" may hold a run that needs only `minPlus` units.
  let plus = false;
  for (let k = 0; k < count; k++) {
    const b = chunkBounds[k];
    if (b > 0 && sum > 0 && joinable(text, chunkEnds[k - 1], chunkStarts[k])) {
      sum += b;
      plus ||= afterPlus(text, chunkStarts[k]);
      continue;
    }
    if (sum >= (plus ? minPlus : minRun)) stretches.push(first, k - 1);
    sum = b;
    first = k;
    plus = b > 0 && afterPlus(text, chunkStarts[k]);
  }
  if (sum >= (plus ? minPlus : minRun) && count > 0) stretches.push(first, count - 1);
  if (stretches.length === 0) return;
  // The zone's parsed units (the `minUnits` check): all-digit chunks count their length, the rest only when needed.
  const parsed: (DigitUnit[] | null | undefined)[] = new Array<DigitUnit[] | null | undefined>(count);
  const minUnits = options.minUnits ?? 0;
  let unitCount = 0;
  for (let k = 0; k < count; k++) if (chunkAllDigits[k] === 1) unitCount += chunkEnds[k] - chunkStarts[k];
  for (let k = 0; k < count && unitCount < minUnits; k++) {
    if (chunkAllDigits[k] === 1 || chunkBounds[k] === 0) continue;
    const units = parseChunkAt(text, chunkStarts[k], chunkEnds[k]);
    parsed[k] = units;
    if (units !== null) unitCount += units.length;
  }
  if (unitCount < minUnits) return;
  const lists: Chunk[][] = [];
  const built: DigitRun[][] = [];
  let long = false;
  for (let j = 0; j < stretches.length; j += 2) {
    const chunks: Chunk[] = [];
    for (let k = stretches[j]; k <= stretches[j + 1]; k++) {
      let units = parsed[k];
      if (units === undefined) units = chunkBounds[k] === 0 ? null : parseChunkAt(text, chunkStarts[k], chunkEnds[k]);
      chunks.push({ start: chunkStarts[k], end: chunkEnds[k], masked: false, units });
    }
    const r = buildRuns(text, chunks);
    // A run with a group after a "+" may, once masks cut what comes before that group, start there.
    long ||= r.some((x) => runUnits(x) >= (x.groups.some((g) => afterPlus(text, g.start)) ? minPlus : minRun));
    lists.push(chunks);
    built.push(r);
  }
  // Masking only turns groups into breaks, so runs after masking are never longer than before: when none is long
  // enough before (or starts after a "+" and is, see above), none will be after.
  if (!long) return;
  const masks = maskRanges(text, zone);
  for (let j = 0; j < lists.length; j++) {
    const r = applyMasks(lists[j], masks) ? buildRuns(text, lists[j]) : built[j];
    for (const x of r) if (runUnits(x) >= (afterPlus(text, x.groups[0].start) ? minPlus : minRun)) runs.push(x);
  }
}

function afterPlus(text: string, at: number): boolean {
  return at > 0 && text.charCodeAt(at - 1) === 43;
}

/**
 * The chunks of `zone` as `nextChunk` finds them, into `chunkStarts`/`chunkEnds` with their `unitBound` and
 * all-digits flag: one pass over the characters. Returns the number of chunks.
 */
function scanChunks(text: string, zone: Range, pipe: boolean): number {
  const n = text.length;
  const inChunk = pipe ? IN_CHUNK_PIPE : IN_CHUNK;
  let count = 0;
  let i = zone.start;
  while (i < zone.end) {
    const c = text.charCodeAt(i);
    if (c < 0x80 ? (CHUNK_CLASS[c] & inChunk) === 0 : !isLetterAt(text, i)) {
      i += c >= 0xd800 && c <= 0xdbff && codePointAtIndex(text, i) > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let digits = 0;
    let subs = 0;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d < 0x80) {
        const k = CHUNK_CLASS[d];
        if ((k & inChunk) === 0) break;
        if (k === DIGIT) digits++;
        else if ((k & LOOK_ALIKE) !== 0) subs++;
        i++;
      } else {
        if (!isLetterAt(text, i)) break;
        i += codePointAtIndex(text, i) > 0xffff ? 2 : 1;
      }
    }
    chunkStarts[count] = start;
    chunkEnds[count] = i;
    chunkAllDigits[count] = digits === i - start ? 1 : 0;
    chunkBounds[count] = unitBound(text, start, i, digits, subs);
    count++;
  }
  return count;
}

function isLetterAt(text: string, i: number): boolean {
  return charClass(codePointAtIndex(text, i)) === 1;
}

/** ASCII classes for `scanChunks`, so its inner loop does one table look-up per character. */
const LETTER = 1;
const DIGIT = 2;
const PIPE = 4;
/** "O", "o", "I", "l", "|": count as digits in a chunk without any other letter ("OOOl"). */
const LOOK_ALIKE = 8;
const CHUNK_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c >= 48 && c <= 57) CHUNK_CLASS[c] = DIGIT;
  else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) CHUNK_CLASS[c] = LETTER;
}
CHUNK_CLASS[124] = PIPE;
for (const c of "OoIl|") CHUNK_CLASS[c.charCodeAt(0)] |= LOOK_ALIKE;
/**
 * The classes of chunk characters, without and with "|". Constants, not `LETTER | DIGIT | PIPE` in `scanChunks`:
 * an operation first met on a rare text (one with a "|" to read as a one) has no type feedback, and meeting it
 * throws the optimized code away.
 */
const IN_CHUNK = LETTER | DIGIT;
const IN_CHUNK_PIPE = LETTER | DIGIT | PIPE;

/**
 * At least as many units as the chunk `text[start, end)` (holding `digits` ASCII digits and `subs` of "OoIl|") can
 * yield, parsed or standalone: every character when it holds a digit or only look-alikes ("OOOl"); half its length
 * for other letters (digit words and homophones have two letters or more); none when it is one other character
 * or its first two ASCII letters start no digit word. 0 is exact (the chunk is never a digit group), so the sum
 * over joinable chunks bounds every run.
 */
function unitBound(text: string, start: number, end: number, digits: number, subs: number): number {
  const L = end - start;
  if (digits > 0 || subs === L) return L;
  if (L === 1) return 0;
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(start + 1);
  if (isAsciiLetterCode(a) && isAsciiLetterCode(b) && PREFIX_TABLE[(a | 0x20) * 128 + (b | 0x20)] !== 1) return 0;
  return L >> 1;
}

function runUnits(r: DigitRun): number {
  let k = 0;
  for (const g of r.groups) k += g.units.length;
  return k;
}

/** Consecutive digit groups with short separators between them form a run. */
function buildRuns(text: string, chunks: Chunk[]): DigitRun[] {
  const runs: DigitRun[] = [];
  let current: DigitGroup[] = [];
  let prevEnd = -1;
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i];
    const joins = current.length > 0 && prevEnd >= 0 && joinable(text, prevEnd, c.start);
    let units = c.units;
    if (units === null && !c.masked) units = standaloneUnits(text, c, joins, chunks[i + 1]);
    if (units === null) {
      if (current.length > 0) runs.push({ groups: current });
      current = [];
      prevEnd = c.end;
      continue;
    }
    if (!joins && current.length > 0) {
      runs.push({ groups: current });
      current = [];
    }
    current.push({ units, start: c.start, end: c.end, sep: current.length === 0 ? "" : text.slice(prevEnd, c.start) });
    prevEnd = c.end;
  }
  if (current.length > 0) runs.push({ groups: current });
  return runs;
}

const ALL_SUBS = /^[OoIl|]{2,}$/;

/**
 * Chunks that are digits only next to other digits: "oh"/"o" after a digit group, a homophone ("for", "to")
 * or a run of look-alike letters ("OOOl") next to a digit group on either side.
 */
function standaloneUnits(text: string, c: Chunk, joinsPrev: boolean, next: Chunk | undefined): DigitUnit[] | null {
  const joinsNext = next !== undefined && next.units !== null && joinable(text, c.end, next.start);
  if (!joinsPrev && !joinsNext) return null;
  const chunk = text.slice(c.start, c.end);
  if (joinsPrev && isStandaloneZero(chunk)) return [{ digit: 0, start: c.start, end: c.end, kind: "oh" }];
  const homophone = HOMOPHONE_MAP.get(chunk.toLowerCase());
  // "…0 for 80…": a standalone homophone only between two digit groups ("call 416… for fun" keeps its "for").
  if (homophone !== undefined) {
    return joinsPrev && joinsNext ? [{ digit: homophone, start: c.start, end: c.end, kind: "homophone" }] : null;
  }
  if (ALL_SUBS.test(chunk)) {
    return [...chunk].map((ch, k) => ({ digit: ONE_LETTER[ch], start: c.start + k, end: c.start + k + 1, kind: "letter" as const }));
  }
  return null;
}

/**
 * `parseChunk(text.slice(start, end), start)` without the slice in the common cases: an all-digit chunk, and a
 * word whose first two ASCII letters start no digit word.
 */
function parseChunkAt(text: string, start: number, end: number): DigitUnit[] | null {
  let digits = 0;
  for (let i = start; i < end; i++) if (isDigitCode(text.charCodeAt(i))) digits++;
  if (digits === end - start) {
    const units: DigitUnit[] = [];
    for (let i = start; i < end; i++) units.push({ digit: text.charCodeAt(i) - 48, start: i, end: i + 1, kind: "digit" });
    return units;
  }
  if (digits === 0) {
    if (end - start < 2) return null;
    const a = text.charCodeAt(start);
    const b = text.charCodeAt(start + 1);
    const c0 = a | 0x20;
    const c1 = b | 0x20;
    if (c0 < 128 && c1 < 128 && isAsciiLetterCode(a) && isAsciiLetterCode(b) && PREFIX_TABLE[c0 * 128 + c1] !== 1) return null;
  }
  return parseChunk(text.slice(start, end), start);
}

function isStandaloneZero(chunk: string): boolean {
  return chunk === "oh" || chunk === "Oh" || chunk === "OH" || chunk === "o" || chunk === "O";
}

function isAsciiLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Parse one chunk completely into digit units, or return null. */
export function parseChunk(chunk: string, offset: number): DigitUnit[] | null {
  let hasDigit = false;
  let allDigits = true;
  for (let i = 0; i < chunk.length; i++) {
    if (isDigitCode(chunk.charCodeAt(i))) hasDigit = true;
    else allDigits = false;
  }
  // The common case, "416": one unit per digit (what the segmentation below yields, without its tables).
  if (allDigits && hasDigit) {
    const units: DigitUnit[] = [];
    for (let i = 0; i < chunk.length; i++) {
      units.push({ digit: chunk.charCodeAt(i) - 48, start: offset + i, end: offset + i + 1, kind: "digit" });
    }
    return units;
  }
  if (!hasDigit) {
    // Digit words are 2–6 letters; glued ones ("fouronesix") at least 5. Reject ordinary words cheaply: a word
    // or a glued chunk starts with the first two letters of a digit word (checked without allocating when both
    // are ASCII, which accent folding leaves alone).
    const L = chunk.length;
    if (L < 2) return null;
    const c0 = chunk.charCodeAt(0) | 0x20;
    const c1 = chunk.charCodeAt(1) | 0x20;
    if (c0 < 128 && c1 < 128 && isAsciiLetterCode(chunk.charCodeAt(0)) && isAsciiLetterCode(chunk.charCodeAt(1))) {
      if (PREFIX_TABLE[c0 * 128 + c1] !== 1) return null;
    } else if (L > 6 && !PREFIXES.has(chunk.slice(0, 2).toLowerCase())) return null;
    const lower = chunk.toLowerCase();
    const strong = STRONG_MAP.get(lower) ?? STRONG_MAP.get(foldAscii(lower));
    if (strong !== undefined) return [{ digit: strong, start: offset, end: offset + L, kind: "word" }];
    if (L < 5 || !PREFIXES.has(lower.slice(0, 2))) return null;
    return parseGlued(chunk, foldAscii(lower), offset, false);
  }
  return parseGlued(chunk, foldAscii(chunk.toLowerCase()), offset, true);
}

function foldAscii(s: string): string {
  // Only pay for NFD when there is something to strip.
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  return s;
}

function sandwiched(chunk: string, i: number): boolean {
  return i > 0 && i + 1 < chunk.length && isDigitCode(chunk.charCodeAt(i - 1)) && isDigitCode(chunk.charCodeAt(i + 1));
}

/**
 * "S55", "BI9": a capital S/B/Z/G in a chunk of digits and capital look-alikes only, unless the chunk is a bra
 * size ("34B").
 */
function capitalSub(chunk: string, ch: string): boolean {
  if (ch !== "S" && ch !== "B" && ch !== "Z" && ch !== "G") return false;
  return CAPITAL_SUB_CHUNK.test(chunk) && !BRA_SIZE.test(chunk);
}
const CAPITAL_SUB_CHUNK = /^(?=.*\d)[0-9OoIilSBZG|]{3,}$/;
const BRA_SIZE = /^[2-5]\d[A-H]{1,3}$/;

interface Step {
  prev: number;
  unit: DigitUnit;
}

/** Minimum-unit segmentation of a glued chunk such as "for80", "one9zerofor" or "3O9l". */
function parseGlued(chunk: string, lower: string, offset: number, hasDigit: boolean): DigitUnit[] | null {
  if (lower.length !== chunk.length) return null;
  const L = chunk.length;
  const best = new Array<number>(L + 1).fill(Infinity);
  const step = new Array<Step | undefined>(L + 1);
  best[0] = 0;
  for (let i = 0; i < L; i++) {
    if (best[i] === Infinity) continue;
    const ch = chunk[i];
    const code = chunk.charCodeAt(i);
    const relax = (j: number, unit: DigitUnit): void => {
      if (best[i] + 1 < best[j]) {
        best[j] = best[i] + 1;
        step[j] = { prev: i, unit };
      }
    };
    if (isDigitCode(code)) {
      relax(i + 1, { digit: code - 48, start: offset + i, end: offset + i + 1, kind: "digit" });
      continue;
    }
    const words = WORDS_BY_FIRST.get(lower[i]);
    if (words !== undefined) {
      for (const w of words) {
        if (lower.startsWith(w.word, i)) {
          relax(i + w.word.length, { digit: w.digit, start: offset + i, end: offset + i + w.word.length, kind: w.kind });
        }
      }
    }
    if (hasDigit) {
      const one = ONE_LETTER[ch];
      if (one !== undefined) relax(i + 1, { digit: one, start: offset + i, end: offset + i + 1, kind: "letter" });
      const sandwich = SANDWICH[ch];
      if (sandwich !== undefined && (sandwiched(chunk, i) || capitalSub(chunk, ch))) {
        relax(i + 1, { digit: sandwich, start: offset + i, end: offset + i + 1, kind: "letter" });
      }
    }
  }
  if (best[L] === Infinity) return null;
  const units: DigitUnit[] = [];
  for (let j = L; j > 0; ) {
    const s = step[j] as Step;
    units.push(s.unit);
    j = s.prev;
  }
  units.reverse();
  // A glued chunk must contain a real digit or a strong spelled digit: "tool" is not "201".
  if (!units.some((u) => u.kind === "digit" || u.kind === "word")) return null;
  // Homophones only count glued to something else ("for80"); "for" alone is the preposition.
  if (units.length === 1 && units[0].kind !== "digit" && units[0].kind !== "word") return null;
  return units;
}

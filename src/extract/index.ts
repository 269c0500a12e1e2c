/**
 * The extract stage: every extractor over every field of an ad.
 *
 * @example
 * const facts = extractAd({ title: "Jade here", body: "call four1six 8nine3 22four5", city: "Toronto" });
 * facts.filter((f) => f.kind === "phone")[0].value; // "+14168932245"
 */
import type { Fact, TextField } from "../domain/fact.js";
import { FactEncoder, indexedPairs, tuplesJson, type EncodedFacts } from "../store/fact-codec.js";
import { extractAges } from "./age.js";
import { extractCues } from "./cue.js";
import { extractDescriptors } from "./descriptor.js";
import { extractEmails } from "./email.js";
import { extractHandles } from "./handle.js";
import { extractNames } from "./name.js";
import { extractPhones } from "./phone.js";
import { extractPlaces, placesFromAreaCodes } from "./place.js";
import { extractPrices } from "./price.js";
import { lowerText, normalizeText } from "./text/normalize.js";
import { wordStarts } from "./text/triggers.js";
import { extractUrls } from "./url.js";

/** Stamped on stored facts; bump the minor version when an extractor's output changes. */
export const EXTRACTOR_VERSION = "1.0.0";

/** The text fields of an ad that extraction reads. */
export interface AdText {
  title?: string | null;
  body?: string | null;
  phone?: string | null;
  email?: string | null;
  city?: string | null;
  region?: string | null;
}

export type Extractor = (text: string, field?: TextField) => Fact[];

/** The independent extractors by name (cues depend on phones, ages and descriptors and run last). */
export const EXTRACTORS: Readonly<Record<string, Extractor>> = {
  phone: extractPhones,
  email: extractEmails,
  handle: extractHandles,
  url: extractUrls,
  price: extractPrices,
  age: extractAges,
  name: extractNames,
  place: extractPlaces,
  descriptor: extractDescriptors,
};

const FIELDS: TextField[] = ["title", "body", "phone", "email", "city", "region"];
// Site contact and location fields hold one kind of thing; other extractors would only add noise there.
const FIELD_EXTRACTORS: Record<TextField, string[]> = {
  title: Object.keys(EXTRACTORS),
  body: Object.keys(EXTRACTORS),
  phone: ["phone", "handle"],
  email: ["email", "handle", "url"],
  city: ["place"],
  region: ["place"],
};

/**
 * `encodeFacts(extractAd(ad))` (the stored form of an ad's facts, `src/store/fact-codec.ts`), without making
 * facts for the repeated short fields: their tuples' JSON is kept with the cached facts and reused as it is.
 */
export function extractAdEncoded(ad: AdText): EncodedFacts {
  const enc = new FactEncoder();
  for (const field of FIELDS) {
    const text = ad[field];
    if (text === undefined || text === null || text.length === 0) continue;
    if (!CACHED.has(field) || text.length > 200) {
      enc.add(extractField(text, field));
      continue;
    }
    const entry = cachedEntry(text, field, null);
    entry.json ??= tuplesJson(entry.facts);
    entry.pairs ??= indexedPairs(entry.facts);
    enc.addEncoded(entry.json, entry.facts.length, entry.pairs);
  }
  return enc.finish();
}

/** Run every extractor over every field of `ad`; facts are ordered by field, then span. */
export function extractAd(ad: AdText, timings?: Record<string, number>): Fact[] {
  const out: Fact[] = [];
  for (const field of FIELDS) {
    const text = ad[field];
    if (text === undefined || text === null || text.length === 0) continue;
    const facts = timings === undefined ? cachedField(text, field) : extractField(text, field, timings);
    for (const f of facts) out.push(f);
  }
  return out;
}

/** The facts of one field, ordered by span. With `timings`, the shared per-text passes are charged to "text". */
function extractField(text: string, field: TextField, timings?: Record<string, number>): Fact[] {
  if (timings !== undefined) {
    const t0 = performance.now();
    const n = normalizeText(text);
    lowerText(n);
    wordStarts(n); // and the digit runs, in the same pass
    timings.text = (timings.text ?? 0) + performance.now() - t0;
  }
  const facts: Fact[] = [];
  for (const name of FIELD_EXTRACTORS[field]) {
    const t0 = timings === undefined ? 0 : performance.now();
    for (const f of EXTRACTORS[name](text, field)) facts.push(f);
    if (timings !== undefined) timings[name] = (timings[name] ?? 0) + performance.now() - t0;
  }
  if (field === "title" || field === "body") {
    const t0 = timings === undefined ? 0 : performance.now();
    for (const f of extractCues(text, field, facts)) facts.push(f);
    if (timings !== undefined) timings.cue = (timings.cue ?? 0) + performance.now() - t0;
  }
  const phones = facts.filter((f) => f.kind === "phone");
  for (const f of placesFromAreaCodes(phones)) facts.push(f);
  // Kinds are lower-case ASCII words, for which code-unit order is the collation order (no localeCompare).
  facts.sort((a, b) => a.span[0] - b.span[0] || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  return facts;
}

/**
 * Short fields repeat across ads (a title re-posted as is, a site's city, region or contact fields), and a field's
 * facts depend only on its text: those are extracted once and copied after. Bodies are nearly always new.
 */
const CACHED: ReadonlySet<TextField> = new Set<TextField>(["title", "phone", "email", "city", "region"]);
const CACHE_LIMIT = 4096;

/**
 * One field's cache: the entries by text, and the texts in the order they came, in a ring of CACHE_LIMIT slots. A
 * new text takes the oldest slot and its text leaves the map: the cache keeps the last CACHE_LIMIT texts it
 * extracted (first in, first out; a hit does not renew a text). Every insert deletes the slot's text ("" until the
 * ring has gone round once, which no field holds: empty fields are skipped), so the hot path has no branch first
 * taken when the cache fills, a branch whose first run would throw away the optimized code of `extractAdEncoded`
 * and of what inlines it.
 */
interface FieldCache {
  entries: Map<string, CachedFacts>;
  ring: string[];
  next: number;
}
const fieldCache = new Map<TextField, FieldCache>();

/**
 * A field's facts as cached (copies never handed out), with the keys of each fact's data that hold arrays (copied
 * apart), and, once `extractAdEncoded` asks, their tuples' JSON and indexed pairs.
 */
interface CachedFacts {
  facts: Fact[];
  arrayKeys: (string[] | null)[];
  json?: string;
  pairs?: string[];
}

function cachedField(text: string, field: TextField): Fact[] {
  if (!CACHED.has(field) || text.length > 200) return extractField(text, field);
  const out: Fact[][] = [];
  const hit = cachedEntry(text, field, out);
  if (out.length > 0) return out[0];
  const facts = new Array<Fact>(hit.facts.length);
  for (let i = 0; i < facts.length; i++) facts[i] = copyFact(hit.facts[i], hit.arrayKeys[i]);
  return facts;
}

/**
 * The cache entry of `text` in `field`, extracted and added when missing; then the facts extracted (the entry holds
 * copies) go to `fresh` when given.
 */
function cachedEntry(text: string, field: TextField, fresh: Fact[][] | null): CachedFacts {
  let cache = fieldCache.get(field);
  if (cache === undefined) fieldCache.set(field, (cache = { entries: new Map(), ring: new Array<string>(CACHE_LIMIT).fill(""), next: 0 }));
  const hit = cache.entries.get(text);
  if (hit !== undefined) return hit;
  const facts = extractField(text, field);
  const arrayKeys = facts.map(arrayKeysOf);
  // Pushed into a literal, not `facts.map`: map makes an empty result an array of another kind (small integers)
  // than a full one, and the first empty field to reach the encoder would throw its optimized code away.
  const copies: Fact[] = [];
  for (let i = 0; i < facts.length; i++) copies.push(copyFact(facts[i], arrayKeys[i]));
  const entry: CachedFacts = { facts: copies, arrayKeys };
  cache.entries.delete(cache.ring[cache.next]);
  cache.ring[cache.next] = text;
  cache.next = (cache.next + 1) % CACHE_LIMIT;
  cache.entries.set(text, entry);
  fresh?.push(facts);
  return entry;
}

/** The keys of `f.data` whose values are arrays, or null. */
function arrayKeysOf(f: Fact): string[] | null {
  let keys: string[] | null = null;
  if (f.data !== undefined) for (const k in f.data) if (Array.isArray(f.data[k])) (keys ??= []).push(k);
  return keys;
}

/**
 * A copy sharing nothing mutable (fact data holds primitives and arrays of primitives: `arrayKeys` are those
 * holding arrays), with the keys in the order every extractor writes them.
 */
function copyFact(f: Fact, arrayKeys: string[] | null): Fact {
  const span: [number, number] = [f.span[0], f.span[1]];
  if (f.data === undefined) {
    if (f.obfuscated === undefined) return { kind: f.kind, value: f.value, field: f.field, span, confidence: f.confidence };
    return { kind: f.kind, value: f.value, field: f.field, span, confidence: f.confidence, obfuscated: f.obfuscated };
  }
  const data: Record<string, unknown> = { ...f.data };
  if (arrayKeys !== null) for (const k of arrayKeys) data[k] = (data[k] as unknown[]).slice();
  // One literal per combination of optional keys: the object is made with its final shape.
  if (f.obfuscated === undefined) return { kind: f.kind, value: f.value, field: f.field, span, confidence: f.confidence, data };
  return { kind: f.kind, value: f.value, field: f.field, span, confidence: f.confidence, obfuscated: f.obfuscated, data };
}

export { extractAges, extractCues, extractDescriptors, extractEmails, extractHandles, extractNames, extractPhones };
export { extractPlaces, extractPrices, extractUrls, placesFromAreaCodes };

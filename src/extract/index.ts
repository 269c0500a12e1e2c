/**
 * The extract stage: every extractor over every field of an ad.
 *
 * @example
 * const facts = extractAd({ title: "Jade here", body: "call four1six 8nine3 22four5", city: "Toronto" });
 * facts.filter((f) => f.kind === "phone")[0].value; // "+14168932245"
 */
import type { Fact, TextField } from "../domain/fact.js";
import { extractAges } from "./age.js";
import { extractCues } from "./cue.js";
import { extractDescriptors } from "./descriptor.js";
import { extractEmails } from "./email.js";
import { extractHandles } from "./handle.js";
import { extractNames } from "./name.js";
import { extractPhones } from "./phone.js";
import { extractPlaces, placesFromAreaCodes } from "./place.js";
import { extractPrices } from "./price.js";
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

/** Run every extractor over every field of `ad`; facts are ordered by field, then span. */
export function extractAd(ad: AdText, timings?: Record<string, number>): Fact[] {
  const out: Fact[] = [];
  for (const field of FIELDS) {
    const text = ad[field];
    if (text === undefined || text === null || text.length === 0) continue;
    const facts: Fact[] = [];
    for (const name of FIELD_EXTRACTORS[field]) {
      const t0 = timings === undefined ? 0 : performance.now();
      facts.push(...EXTRACTORS[name](text, field));
      if (timings !== undefined) timings[name] = (timings[name] ?? 0) + performance.now() - t0;
    }
    if (field === "title" || field === "body") {
      const t0 = timings === undefined ? 0 : performance.now();
      facts.push(...extractCues(text, field, facts));
      if (timings !== undefined) timings.cue = (timings.cue ?? 0) + performance.now() - t0;
    }
    const phones = facts.filter((f) => f.kind === "phone");
    facts.push(...placesFromAreaCodes(phones));
    facts.sort((a, b) => a.span[0] - b.span[0] || a.kind.localeCompare(b.kind));
    out.push(...facts);
  }
  return out;
}

export { extractAges, extractCues, extractDescriptors, extractEmails, extractHandles, extractNames, extractPhones };
export { extractPlaces, extractPrices, extractUrls, placesFromAreaCodes };

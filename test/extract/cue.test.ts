import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { extractCues } from "../../src/extract/cue.js";
import { CUE_LEXICON, SOURCES } from "../../src/extract/cue-lexicon.js";
import { expectSpans } from "./helpers.js";

type Case = [text: string, codes: string[], evidence?: string[]];

const CASES: Case[] = [
  ["100% real pics, discreet", ["trustworthy_language", "trustworthy_language"], ["100% real", "discreet"]],
  ["safe & clean, professional", ["trustworthy_language", "trustworthy_language"]],
  ["no games no drama", ["trustworthy_language", "trustworthy_language"]],
  ["young and fresh", ["youthful_language", "youthful_language"]],
  ["barely legal", ["youthful_language"]],
  ["new to this", ["youthful_language"]],
  ["NEW IN TOWN", ["movement_language"], ["NEW IN TOWN"]],
  ["leaving soon, last days", ["movement_language", "movement_language"]],
  ["limited time only", ["movement_language"]],
  ["screening required", ["client_screening"]],
  ["she is waiting for you", ["third_person"]],
  ["ask for her", ["third_person"]],
  ["no black men", ["restriction_race"], ["no black men"]],
  ["NO AA", ["restriction_race"]],
  ["bbfs available", ["unprotected_services"]],
  ["no condom extra", ["unprotected_services"]],
  ["no LE", ["law_enforcement_restriction"]],
  ["available 24/7", ["availability_24_7"]],
  ["🌹🌹 200", ["emoji_code", "emoji_code"], ["🌹", "🌹"]],
  ["four1six 8nine3 22four5", ["obscured_phone"], ["four1six 8nine3 22four5"]],
  ["Asian girl", ["ethnicity_stated"], ["Asian"]],
  ["Age: 17", ["stated_age_under_18"], ["Age: 17"]],
  ["2 girls", ["multiple_providers"]],
  // negatives
  ["call 416-555-0123", []],
  ["Age: 19", []],
  ["I love black lingerie", []],
  ["Hello gentlemen", []],
  ["freshly showered", []],
  ["youngstown", []],
];

describe("extractCues", () => {
  it.each(CASES)("%s", (text, codes, evidence) => {
    const facts = extractCues(text);
    expect(facts.map((f) => f.value)).toEqual(codes);
    expectSpans(text, facts, evidence);
    for (const f of facts) expect(SOURCES[f.data?.source as string]).toBeDefined();
  });

  it("documents every cue code in docs/indicators.md", () => {
    const doc = readFileSync(new URL("../../docs/indicators.md", import.meta.url), "utf8");
    for (const c of CUE_LEXICON) expect(doc).toContain(`\`${c.code}\``);
  });
});

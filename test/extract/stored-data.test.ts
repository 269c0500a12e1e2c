/**
 * Stored fact data keeps only what cannot be derived: unpacking what was packed must give every field back, with its
 * value and in the extractor's order, for whatever the data holds (fields that disagree with the reference data,
 * fields the derivation does not know, derivable fields that are missing), and data stored whole must read as itself.
 */
import { describe, expect, it } from "vitest";
import type { Fact } from "../../src/domain/fact.js";
import { extractAd } from "../../src/extract/index.js";
import { packData, unpackData } from "../../src/extract/stored-data.js";
import { generateCorpus } from "../../src/synth/index.js";

type Data = Record<string, unknown>;

function roundTrip(kind: string, value: string, data: Data): Data {
  // Through JSON, as the database holds it.
  return unpackData(kind, value, JSON.parse(JSON.stringify(packData(kind, value, data))) as Data);
}

describe("stored fact data", () => {
  it("gives back every extracted fact's data, in its order, from much less", () => {
    let full = 0;
    let packed = 0;
    const kinds = new Set<string>();
    // The generator writes no messaging handles: two ads that do.
    const extra = [{ body: "snap: jadey22, kik = lola.b, insta @sweet_jade, +7 981 158 5164" }, { body: "telegram: @ruby_22, ask for Mary-Jane" }];
    for (const ad of [...[...generateCorpus({ ads: 2000, seed: 31 })].map((r) => r.ad), ...extra]) {
      for (const f of extractAd(ad) as (Fact & { data: Data })[]) {
        if (f.data === undefined) continue;
        kinds.add(f.kind);
        // JSON text equality: values and key order.
        expect(JSON.stringify(roundTrip(f.kind, f.value, f.data))).toBe(JSON.stringify(f.data));
        full += JSON.stringify(f.data).length;
        packed += JSON.stringify(packData(f.kind, f.value, f.data)).length;
      }
    }
    expect([...kinds].sort()).toEqual(["age", "cue", "descriptor", "email", "handle", "name", "phone", "place", "price", "url"]);
    expect(packed).toBeLessThan(full / 2);
  });

  it("keeps what the reference data does not give", () => {
    const cases: [string, string, Data][] = [
      // A cue whose source is not the lexicon's, with an extra field.
      ["cue", "movement_language", { evidence: "moderate", direction: "lower", source: "someone-else", matched: "new in town", note: 1 }],
      ["cue", "emoji_code", { evidence: "weak", direction: "unknown", source: "keyword-lists", matched: "🍒", meaning: "young" }],
      ["cue", "not_in_the_lexicon", { evidence: "weak", matched: "x" }],
      // A city whose coordinates were corrected, one with no GeoNames id, one with an unknown id.
      ["place", "Toronto, ON", { type: "city", name: "Toronto", province: "ON", lat: 1, lon: 2, matched: "T.O.", geonamesId: 6167865 }],
      ["place", "Toronto, ON", { type: "city", name: "Toronto", province: "ON", lat: 43.7, lon: -79.4 }],
      ["place", "Nowhere, ON", { type: "city", name: "Nowhere", province: "ON", lat: 1, lon: 2, matched: "Nowhere", geonamesId: -5 }],
      ["place", "CA-BC", { type: "province", name: "B.C.", province: "BC", lat: 0, lon: 0, matched: "BC" }],
      ["place", "CA-ZZ", { type: "province", name: "Zed", province: "ZZ", lat: 0, lon: 0, matched: "ZZ" }],
      ["place", "CA-NS|CA-PE", { type: "area-code", areaCode: "902", provinces: ["PE", "NS"] }],
      ["place", "CA-ON", { type: "area-code", areaCode: "999", provinces: ["ON"] }],
      // Phones: obfuscated styles, a NANP number without an area code field, an international number.
      ["phone", "+14165550123", { countryCode: "1", styles: ["letter", "word"], areaCode: "416" }],
      ["phone", "+14165550123", { countryCode: "1", styles: ["digit"] }],
      ["phone", "+79811585164", { countryCode: "7", styles: ["digit"], country: "RU" }],
      ["phone", "+14165550123", {}],
      // Values the derivation parses, with data that disagrees.
      ["price", "200 CAD/60min", { amount: 250, currency: "CAD", minutes: 60 }],
      ["price", "200 CAD", { amount: 200, currency: "CAD", minutes: 30 }],
      ["price", "oops", { amount: 1 }],
      ["age", "19", { age: "19" }],
      ["descriptor", "language:french", { type: "language", value: "French" }],
      ["descriptor", "nocolon", { type: "x" }],
      ["handle", "snapchat:jade:22", { platform: "snapchat", handle: "jade:22" }],
      ["email", "jade@mail.example", { domain: "other.example" }],
      ["name", "mary-jane", { display: "Mary-Jane", listed: false }],
      ["url", "example.com/x", {}],
      ["custom", "v", { a: [1, 2], b: { c: "d" } }],
    ];
    for (const [kind, value, data] of cases) expect(roundTrip(kind, value, data), `${kind} ${value}`).toEqual(data);
  });

  it("reads data stored whole as itself", () => {
    for (const r of generateCorpus({ ads: 300, seed: 32 })) {
      for (const f of extractAd(r.ad)) if (f.data) expect(unpackData(f.kind, f.value, JSON.parse(JSON.stringify(f.data)) as Data)).toEqual(f.data);
    }
  });

  it("hands out arrays nobody else holds", () => {
    const a = roundTrip("phone", "+14165550123", { countryCode: "1", styles: ["digit"], areaCode: "416" });
    (a.styles as string[]).push("word");
    const b = roundTrip("phone", "+14165550123", { countryCode: "1", styles: ["digit"], areaCode: "416" });
    expect(b.styles).toEqual(["digit"]);
    const p = roundTrip("place", "CA-NS|CA-PE", { type: "area-code", areaCode: "902", provinces: ["NS", "PE"] });
    (p.provinces as string[]).pop();
    expect(roundTrip("place", "CA-NS|CA-PE", { type: "area-code", areaCode: "902", provinces: ["NS", "PE"] }).provinces).toEqual(["NS", "PE"]);
  });
});

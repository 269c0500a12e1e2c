/**
 * The stored fact encoding: `encodeFacts(facts).json` must stay byte-identical to JSON.stringify of the tuples with
 * their packed data (the database holds it; `test/extract/stored-data.test.ts` checks the packing), its keys must list each indexed (kind, value) pair once in first-seen order (scanned while
 * few, a Set past 32 pairs), and `decodeFacts` must read it back. `extractAdEncoded` and `FactEncoder` must give
 * exactly what `encodeFacts(extractAd(ad))` gives.
 */
import { describe, expect, it } from "vitest";
import type { Fact, FactKind } from "../../src/domain/fact.js";
import { extractAd, extractAdEncoded } from "../../src/extract/index.js";
import { packData } from "../../src/extract/stored-data.js";
import { FactEncoder, decodeFactKeys, decodeFacts, encodeFacts, indexedPairs, isIndexedKind, tuplesJson } from "../../src/store/fact-codec.js";
import { generateCorpus } from "../../src/synth/index.js";

/** The encoding as first written: tuples through JSON.stringify, keys through a Set of joined pairs. */
function reference(facts: readonly Fact[]): { json: string; count: number; keys: string[] } {
  const keys: string[] = [];
  const seen = new Set<string>();
  const tuples = facts.map((f) => {
    const t: unknown[] = [f.kind, f.value, f.field, f.span[0], f.span[1], f.confidence, f.obfuscated ? 1 : 0];
    if (f.data) t.push(packData(f.kind, f.value, f.data));
    if (isIndexedKind(f.kind) && !seen.has(`${f.kind}\u0000${f.value}`)) {
      seen.add(`${f.kind}\u0000${f.value}`);
      keys.push(f.kind, f.value);
    }
    return t;
  });
  return { json: JSON.stringify(tuples), count: facts.length, keys };
}

const ODD_STRINGS = [
  'say "hi"', "back\\slash", "tab\tnew\nline\r", "\u0000\u0001\u001f\u007f", "lone \ud800 high", "lone \udc00 low",
  "pair 💋 ok", "Montréal", "ÉLISE", "\u2028\u2029", "", "ＪＡＤＥ", "a\u0000b",
];

function fact(kind: FactKind, value: string, extra: Partial<Fact> = {}): Fact {
  return { kind, value, field: "body", span: [0, 1], confidence: 0.9, ...extra };
}

describe("fact codec", () => {
  it("encodes extracted facts as the reference does", () => {
    let n = 0;
    for (const r of generateCorpus({ ads: 1500, seed: 21 })) {
      const facts = extractAd(r.ad);
      const enc = encodeFacts(facts);
      expect(enc).toEqual(reference(facts));
      // Read back whole: every field of every fact's data (an absent `obfuscated` reads as false).
      expect(decodeFacts(enc.json)).toEqual(facts.map((f) => (f.obfuscated === false ? { ...f, obfuscated: undefined } : f)));
      const kinds = new Set(["phone", "cue", "name"]);
      expect(decodeFactKeys(enc.json, kinds)).toEqual(facts.filter((f) => kinds.has(f.kind)).flatMap((f) => [f.kind, f.value]));
      n += facts.length;
    }
    expect(n).toBeGreaterThan(10_000);
  });

  it("escapes odd strings as JSON.stringify does and reads them back", () => {
    const facts: Fact[] = ODD_STRINGS.map((s, i) =>
      fact(i % 2 === 0 ? "name" : "handle", s, { obfuscated: i % 3 === 0, data: { display: s, list: [s, 1.5, -0, true, null], n: i / 7 } }),
    );
    const enc = encodeFacts(facts);
    expect(enc).toEqual(reference(facts));
    const back = decodeFacts(enc.json);
    expect(back.map((f) => f.value)).toEqual(ODD_STRINGS);
    expect(back.map((f) => f.data?.display)).toEqual(ODD_STRINGS);
  });

  it("lists each indexed pair once, in first-seen order, with few and with many pairs", () => {
    for (const distinct of [3, 31, 32, 33, 80]) {
      const facts: Fact[] = [];
      for (let i = 0; i < distinct * 3; i++) {
        const k = (i * 7) % distinct;
        facts.push(fact(k % 2 === 0 ? "phone" : "email", `v${k}`));
        facts.push(fact("price", `v${k}`)); // not indexed
        facts.push(fact(k % 2 === 0 ? "email" : "phone", `v${k}`)); // the same value under another kind
      }
      const enc = encodeFacts(facts);
      expect(enc.keys).toEqual(reference(facts).keys);
      expect(enc.keys.length).toBe(4 * distinct);
    }
  });

  it("keeps data keys and drops nothing JSON keeps", () => {
    const facts = [fact("place", "Toronto, ON", { data: { type: "city", lat: 43.7001, lon: -79.4163, skip: undefined } })];
    expect(encodeFacts(facts).json).toBe(JSON.stringify([["place", "Toronto, ON", "body", 0, 1, 0.9, 0, { type: "city", lat: 43.7001, lon: -79.4163 }]]));
    expect(decodeFacts(encodeFacts(facts).json)[0].data).toEqual({ type: "city", lat: 43.7001, lon: -79.4163 });
    expect(decodeFacts(encodeFacts(facts).json, new Set(["phone"]))).toEqual([]);
  });
});

describe("extractAdEncoded", () => {
  it("encodes what encodeFacts(extractAd(ad)) encodes, cached fields or not", () => {
    const ads = [...generateCorpus({ ads: 1500, seed: 22 })].map((r) => r.ad);
    // Twice: the first pass fills the field cache (both paths share it), the second reads it.
    for (let pass = 0; pass < 2; pass++) {
      for (const [i, ad] of ads.entries()) {
        // Alternate which path sees an ad first.
        if ((i + pass) % 2 === 0) {
          const want = encodeFacts(extractAd(ad));
          expect(extractAdEncoded(ad)).toEqual(want);
        } else {
          const got = extractAdEncoded(ad);
          expect(got).toEqual(encodeFacts(extractAd(ad)));
        }
      }
    }
  });

  it("stays right when more distinct short fields pass than the cache keeps", () => {
    // 5,000 distinct titles wrap the cache's 4,096-slot ring; the early ones are evicted and extracted again.
    const title = (i: number) => `Jade ${i} here, call 416-555-${String(1000 + (i % 9000))} in Toronto`;
    const want = new Map<number, ReturnType<typeof encodeFacts>>();
    for (let i = 0; i < 5000; i++) {
      const ad = { title: title(i), city: `Town ${i}`, body: "hi" };
      const got = extractAdEncoded(ad);
      if (i % 250 === 0) {
        expect(got).toEqual(encodeFacts(extractAd(ad)));
        want.set(i, got);
      }
    }
    for (const [i, enc] of want) expect(extractAdEncoded({ title: title(i), city: `Town ${i}`, body: "hi" })).toEqual(enc);
  });

  it("handles empty and missing fields, long fields and many repeated keys", () => {
    const phones = Array.from({ length: 40 }, (_, i) => `416-555-${String(1000 + i)}`).join(" ");
    const cases = [
      {},
      { title: "", body: "" },
      { title: null, body: "call 416-555-0123", phone: "416-555-0123", email: "", city: "Toronto" },
      { title: `Jade ${"x".repeat(300)} 416-555-0123`, body: phones, phone: "416-555-0123", email: "jade@x.com", region: "ON" },
      { title: phones.slice(0, 150), body: `${phones} jade@x.com snap: jadey`, phone: phones.slice(0, 190), email: "jade@x.com" },
    ];
    for (let pass = 0; pass < 2; pass++) {
      for (const ad of cases) expect(extractAdEncoded(ad)).toEqual(encodeFacts(extractAd(ad)));
    }
  });

  it("is not affected by what callers do with facts extractAd returned", () => {
    const ad = { title: "Jade 💋 416-555-0199", phone: "+1 416 555 0199", city: "Toronto", region: "ON" };
    const want = encodeFacts(extractAd(ad));
    for (const f of extractAd(ad)) {
      f.value = "x";
      f.span[1] = 0;
      if (f.data) f.data.x = 1;
    }
    expect(extractAdEncoded(ad)).toEqual(want);
  });
});

describe("FactEncoder", () => {
  it("concatenates parts as encodeFacts encodes them whole", () => {
    const facts = extractAd({ body: "call 416-555-0123 or jade@x.com, snap: jadey, Toronto $200/hr", phone: "4165550123" });
    for (let cut = 0; cut <= facts.length; cut++) {
      const enc = new FactEncoder();
      enc.add(facts.slice(0, cut));
      const rest = facts.slice(cut);
      enc.addEncoded(tuplesJson(rest), rest.length, indexedPairs(rest));
      expect(enc.finish()).toEqual(encodeFacts(facts));
    }
    expect(new FactEncoder().finish()).toEqual(encodeFacts([]));
  });
});

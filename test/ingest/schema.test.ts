/**
 * Record validation: the plain path (`plainRecord`, no zod) must give exactly what zod gives for every record it
 * accepts, and must leave to zod (null) every record zod rejects, so errors keep zod's explanations.
 */
import { describe, expect, it } from "vitest";
import { adRecord, plainRecord, validateRecord } from "../../src/ingest/schema.js";
import { generateCorpus } from "../../src/synth/index.js";

const HEX = "0123456789abcdef".repeat(4);

/** Values to try in each field: valid, invalid and odd ones. */
const VALUES: Record<string, unknown[]> = {
  id: ["a1", "  padded  ", "", "   ", "x".repeat(512), "x".repeat(513), 7, -1, 1.5, null, true, { a: 1 }],
  source: ["site", "  site ", "", " ", "s".repeat(200), "s".repeat(201), null, 5, ["a"]],
  url: ["https://a.example/1", "", "u".repeat(4096), "u".repeat(4097), null, 3, {}],
  posted_at: ["2023-01-01", " 2023-01-01T10:00:00Z ", "2023-01-01 10:00", "2023-02-30T10:00:00Z", "2023-13-01", "yesterday", "", null, 20230101],
  title: ["Jade 22", "", "t".repeat(100_000), "t".repeat(100_001), null, 12, []],
  body: ["call me", "", null, false],
  city: ["Toronto", "  Ottawa ", "", 416, null, true, ["x"]],
  region: ["ON", " ", null, 1.5, {}],
  phone: ["416 555 0123", 4165550123, "", null, [4165550123]],
  email: ["a@b.example", null, "", 0, {}],
  images: [
    [], null, "img", [null], [[]], [{}], [{ sha256: HEX }], [{ sha256: HEX.toUpperCase(), phash: "ab", url: "u" }],
    [{ phash: "ab", sha256: HEX }], [{ sha256: "xyz" }], [{ phash: "" }], [{ phash: "p".repeat(65) }], [{ url: "u".repeat(4097) }],
    [{ sha256: HEX, other: 1 }], [{ sha256: HEX, url: null }], Array.from({ length: 201 }, () => ({})), Array.from({ length: 200 }, () => ({ phash: "a" })),
  ],
  extra: [{ a: 1 }, {}, null, "x", [1]],
};

function agrees(record: Record<string, unknown>): "plain" | "zod" {
  const plain = plainRecord(record);
  const z = adRecord.safeParse(record);
  if (plain === null) return "zod";
  expect(z.success, JSON.stringify(record).slice(0, 200)).toBe(true);
  if (z.success) {
    // zod keeps unknown keys (passthrough); validateRecord reads those from the record itself.
    const known = Object.fromEntries(Object.entries(z.data).filter(([k]) => k in VALUES));
    expect(plain).toStrictEqual(known);
  }
  return "plain";
}

describe("record validation", () => {
  it("takes the plain path for generated records and agrees with zod on them", () => {
    const ads = [...generateCorpus({ ads: 500, seed: 41 })].map((r) => JSON.parse(JSON.stringify(r.ad)) as Record<string, unknown>);
    for (const ad of ads) expect(agrees(ad)).toBe("plain");
  });

  it("agrees with zod, or leaves the record to zod, whatever a field holds", () => {
    const base = JSON.parse(JSON.stringify([...generateCorpus({ ads: 1, seed: 42 })][0].ad)) as Record<string, unknown>;
    const seen = { plain: 0, zod: 0 };
    for (const [field, values] of Object.entries(VALUES)) {
      for (const v of values) {
        seen[agrees({ ...base, [field]: v })]++;
        const without = { ...base };
        delete without[field];
        seen[agrees(without)]++;
      }
    }
    // Both paths were exercised.
    expect(seen.plain).toBeGreaterThan(40);
    expect(seen.zod).toBeGreaterThan(40);
  });

  it("gives the same answers and errors through validateRecord", () => {
    expect(validateRecord({ id: " a ", source: "s", title: "Hi", city: 5, images: [{ phash: "ab", sha256: HEX }] }, undefined)).toEqual({
      ok: true,
      ad: { id: "a", source: "s", title: "Hi", city: "5", images: [{ sha256: HEX, phash: "ab" }] },
    });
    expect(validateRecord({ id: "a", source: "s", title: "Hi", images: [{ sha256: "nope" }] }, undefined)).toEqual({
      ok: false,
      recordId: "a",
      reason: "images.0.sha256: sha256 must be 64 hex digits",
    });
    expect(validateRecord({ id: "a", title: "Hi", posted_at: "2023-13-01" }, "d")).toEqual({ ok: false, recordId: "a", reason: "posted_at: is not an ISO 8601 date" });
  });
});

/** Word-in-a-city search: the bitmap walk (terms + cities only) finds the same candidates and ranks as the general query. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/ingest/ingest.js";
import type { AdFilter, AdHit, AdSortKey } from "../../src/store/read-model.js";
import { RANK_CAP } from "../../src/store/sqlite/search.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { buildAd, tempDir, writeJsonl } from "../helpers.js";

const t = tempDir();
let store: SqliteStore;
const CITIES = ["Toronto", "Ottawa", "Hamilton", "Kingston"];

beforeAll(async () => {
  store = await SqliteStore.open(t.file("s.db"));
  // 6,000 ads: "sweet" in every other one (with repeats, so bm25 differs), spread over four cities; Kingston is rare,
  // so its newest 1,000 "sweet" matches do not exist and every match must be ranked.
  const ads = Array.from({ length: 6000 }, (_, i) =>
    buildAd({
      id: `c${i}`,
      title: i % 7 === 0 ? "sweet sweet" : "hello",
      body: `${i % 2 === 0 ? "sweet ".repeat(1 + (i % 5)) : "kind "}friendly words ${i % 13} here`,
      city: i % 40 === 0 ? "Kingston" : CITIES[i % 3],
      posted_at: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    }),
  );
  await ingestFiles(store, [writeJsonl(t.file("a.jsonl"), ads)], { extract: false });
});
afterAll(async () => {
  await store.close();
  t.cleanup();
});

/** Every page of a search, following the keyset cursor as the API does. */
async function all(f: AdFilter, limit: number): Promise<AdHit[]> {
  const reads = store.reads({ org: "public", all: false });
  const out: AdHit[] = [];
  let after: AdSortKey | null = null;
  for (;;) {
    const page = await reads.searchAds(f, after, limit);
    out.push(...page);
    if (page.length < limit) return out;
    const last = page[page.length - 1]!;
    after = [last.rank, last.id];
  }
}

describe("search: terms in cities", () => {
  for (const cities of [["Toronto"], ["Toronto", "Ottawa"], ["Kingston"]]) {
    it(`matches the general query for ${cities.join(" + ")}`, async () => {
      const fast = await all({ terms: ["sweet"], cities }, 97);
      // A filter every ad passes sends the same search down the general (SQL-only) path.
      const general = await all({ terms: ["sweet"], cities, from: "2000-01-01T00:00:00.000Z" }, 97);
      expect(fast.length).toBe(general.length);
      expect(fast.map((h) => [h.id, h.rank])).toEqual(general.map((h) => [h.id, h.rank]));
      expect(fast.length).toBeLessThanOrEqual(RANK_CAP);
      for (const h of fast) expect(cities).toContain(h.city);
      if (cities[0] !== "Kingston") expect(fast.length).toBe(RANK_CAP);
      else expect(fast.length).toBe(150); // every Kingston ad (i % 40 === 0) is even, so each says "sweet"
    });
  }
});

/**
 * Word searches with at most a city filter check matches against a bitmap (the viewer's visible ads in the cities,
 * or the ads hidden from the viewer): the same candidates and ranks as the general query.
 */
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
  // Another organization's own ads (one in eleven), which a `public` viewer must never match.
  store.raw.prepare("insert into orgs (id, name, created_at) values ('other', 'Other', '2024-01-01T00:00:00Z')").run();
  store.raw.prepare("update ads set org_id = 'other', sharing = 'private' where id % 11 = 0").run();
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

describe("search: words, with or without cities", () => {
  for (const cities of [["Toronto"], ["Toronto", "Ottawa"], ["Kingston"], undefined]) {
    it(`matches the general query for ${cities?.join(" + ") ?? "no city"}`, async () => {
      const fast = await all({ terms: ["sweet"], ...(cities ? { cities } : {}) }, 97);
      // A filter every ad passes sends the same search down the general (SQL-only) path.
      const general = await all({ terms: ["sweet"], ...(cities ? { cities } : {}), from: "2000-01-01T00:00:00.000Z" }, 97);
      expect(fast.length).toBe(general.length);
      expect(fast.map((h) => [h.id, h.rank])).toEqual(general.map((h) => [h.id, h.rank]));
      expect(fast.length).toBeLessThanOrEqual(RANK_CAP);
      const hidden = new Set(store.raw.prepare("select id from ads where org_id = 'other'").pluck().all() as number[]);
      for (const h of fast) {
        if (cities) expect(cities).toContain(h.city);
        expect(hidden.has(h.id), `ad ${h.id} is private to another organization`).toBe(false);
      }
      // The newest RANK_CAP of the visible matches, or all of them when fewer (Kingston: 150 ads, all saying "sweet").
      const inCities = cities ? `and a.city in (${cities.map(() => "?").join(",")})` : "";
      const visible = store.raw
        .prepare(`select count(*) from ads_fts f join ads a on a.id = f.rowid where ads_fts match 'sweet' and a.org_id = 'public' ${inCities}`)
        .pluck()
        .get(...(cities ?? [])) as number;
      expect(fast.length).toBe(Math.min(RANK_CAP, visible));
      if (cities?.[0] === "Kingston") expect(visible).toBeLessThan(150);
    });
  }
});

describe("search: bitmaps and runs in progress", () => {
  it("an ad made private while a run is writing disappears at once, whatever was cached since the run began", async () => {
    const reads = store.reads({ org: "public", all: false });
    const run = await store.startRun("ingest", {});
    // A search after the run started and before its batch commits (the content version moved at its start).
    const before = await reads.searchAds({ terms: ["sweet"] }, null, 20);
    const victim = before[0]!.id;
    // What a batch of that run commits: another organization now owns the ad, unshared.
    store.raw.prepare("update ads set org_id = 'other', sharing = 'private' where id = ?").run(victim);
    const during = await reads.searchAds({ terms: ["sweet"] }, null, 20);
    expect(during.map((h) => h.id)).not.toContain(victim);
    await store.finishRun(run, "ok", {}, {});
    const after = await reads.searchAds({ terms: ["sweet"] }, null, 20);
    expect(after.map((h) => h.id)).not.toContain(victim);
    expect(after.map((h) => h.id)).toEqual(during.map((h) => h.id));
  });
});


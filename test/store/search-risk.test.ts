/**
 * "Risk ≥ x" searches read a few high-scoring ads by the score index and, for a low threshold matching many ads,
 * walk newest first checking each ad's score: both give exactly the ads a plain query gives, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/ingest/ingest.js";
import type { AdFilter, AdHit, AdSortKey } from "../../src/store/read-model.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { buildAd, tempDir, writeJsonl } from "../helpers.js";

const t = tempDir();
let store: SqliteStore;

beforeAll(async () => {
  store = await SqliteStore.open(t.file("k.db"));
  const ads = Array.from({ length: 3000 }, (_, i) =>
    buildAd({ id: `k${i}`, body: `sweet ${i % 3 === 0 ? "quiet" : "kind"} words`, city: i % 2 ? "Toronto" : "Ottawa", posted_at: new Date(Date.UTC(2024, 0, 1) + ((i * 7919) % 3000) * 60_000).toISOString() }),
  );
  await ingestFiles(store, [writeJsonl(t.file("a.jsonl"), ads)], { extract: false });
  // Scores as the analyze stage writes them: 0.00–0.99 by ad, so 0.99 is 1% of ads and 0.5 half of them.
  const run = store.raw.prepare("insert into runs (kind, status, started_at, finished_at, params, counts, timings) values ('analyze', 'done', '2024-01-01', '2024-01-01', '{}', '{}', '{}')").run().lastInsertRowid;
  const ins = store.raw.prepare("insert into ad_scores (ad_id, run_id, score, cues) values (?, ?, ?, '[]')");
  for (const id of store.raw.prepare("select id from ads").pluck().all() as number[]) ins.run(id, run, ((id * 37) % 100) / 100);
  store.raw.prepare("insert into orgs (id, name, created_at) values ('other', 'Other', '2024-01-01T00:00:00Z')").run();
  store.raw.prepare("update ads set org_id = 'other', sharing = 'private' where id % 7 = 0").run();
});
afterAll(async () => {
  await store.close();
  t.cleanup();
});

async function all(f: AdFilter): Promise<AdHit[]> {
  const reads = store.reads({ org: "public", all: false });
  const out: AdHit[] = [];
  let after: AdSortKey | null = null;
  for (;;) {
    const page = await reads.searchAds(f, after, 50);
    out.push(...page);
    if (page.length < 50) return out;
    const last = page[page.length - 1]!;
    after = f.terms ? [last.rank, last.id] : [last.postedAt, last.id];
  }
}

describe("search: risk at least x", () => {
  for (const minRisk of [0.99, 0.9, 0.5, 0]) {
    it(`gives the visible ads scoring ${minRisk} or more, newest first (${minRisk >= 0.99 ? "read by the score index" : "checked walking newest first"})`, async () => {
      const want = store.raw
        .prepare(
          `select a.id from ads a join ad_scores s on s.ad_id = a.id where s.score >= ? and a.org_id = 'public' order by a.posted_at desc, a.id desc`,
        )
        .pluck()
        .all(minRisk) as number[];
      expect(want.length).toBeGreaterThan(10);
      const got = await all({ minRisk });
      expect(got.map((h) => h.id)).toEqual(want);
      for (const h of got) expect(h.risk).toBeGreaterThanOrEqual(minRisk);
      // With words and a city too.
      const words = await all({ minRisk, terms: ["quiet"], cities: ["Toronto"] });
      const wantWords = store.raw
        .prepare(
          `select a.id from ads a join ad_scores s on s.ad_id = a.id where s.score >= ? and a.org_id = 'public' and a.city = 'Toronto' and a.body like '%quiet%'`,
        )
        .pluck()
        .all(minRisk) as number[];
      expect(words.map((h) => h.id).sort((x, y) => x - y)).toEqual(wantWords.sort((x, y) => x - y));
    });
  }
});

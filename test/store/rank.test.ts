/**
 * Searches rank with the native `tl_bm25()` given cached document counts (native/tl_fts.c): the same ranks as
 * FTS5's `bm25()`, and counts that follow the data when a run adds ads.
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/ingest/ingest.js";
import type { AdFilter, AdHit } from "../../src/store/read-model.js";
import { hasNativeRank, nativeRankPath } from "../../src/store/sqlite/rank.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { buildAd, tempDir, writeJsonl } from "../helpers.js";

const t = tempDir();
let store: SqliteStore;
const WORDS = ["sweet", "new", "in", "town", "petite", "upscale", "kind", "quiet"];

/** Deterministic ad texts with uneven word frequencies and lengths, so IDF and length normalization both matter. */
function ads(from: number, n: number, city = "Toronto") {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const words = Array.from({ length: 3 + (i % 17) }, (_, j) => WORDS[(i * 7 + j * j * 3) % (1 + (i % WORDS.length))]);
    return buildAd({ id: `r${i}`, title: i % 5 === 0 ? `${WORDS[i % 4]} ${WORDS[(i >> 2) % 8]}` : "hello there", body: `${words.join(" ")} end`, city, posted_at: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString() });
  });
}

beforeAll(async () => {
  store = await SqliteStore.open(t.file("r.db"));
  await ingestFiles(store, [writeJsonl(t.file("a.jsonl"), ads(0, 3000))], { extract: false });
});
afterAll(async () => {
  await store.close();
  t.cleanup();
});

const QUERIES = ['"sweet"', '"new" "in" "town"', '"petite" "upscale"', '"quiet"', '"in" "nosuchword"', '"kind" "!!!"', '"sweet" "sweet"'];

describe("native ranking", () => {
  it("is built and loads (npm run build compiles native/tl_fts.c)", () => {
    expect(nativeRankPath(), "native/build/tl_fts.* missing: was `npm run build` run with a C compiler?").not.toBeNull();
    expect(hasNativeRank(store.raw)).toBe(true);
  });

  it("tl_bm25 with tl_phrase_docs' counts, or with none, equals bm25 for every row", () => {
    const db = store.raw;
    hasNativeRank(db);
    let compared = 0;
    for (const q of QUERIES) {
      const counts = db.prepare("select tl_phrase_docs(ads_fts) from ads_fts where ads_fts match ? limit 1").pluck().get(q) as string | undefined;
      const rows = db
        .prepare("select rowid as id, bm25(ads_fts, 2.0, 1.0) as a, tl_bm25(ads_fts, ?, 2.0, 1.0) as b, tl_bm25(ads_fts, null, 2.0, 1.0) as c from ads_fts where ads_fts match ?")
        .all(counts ?? null, q) as { id: number; a: number; b: number; c: number }[];
      for (const r of rows) {
        expect(r.b, `${q} row ${r.id}`).toBe(r.a);
        expect(r.c, `${q} row ${r.id}`).toBe(r.a);
      }
      compared += rows.length;
    }
    expect(compared).toBeGreaterThan(3000);
  });

  it("wrong counts change the ranks (the counts are used), and counts that do not fit the phrases are ignored", () => {
    const db = store.raw;
    hasNativeRank(db);
    const q = '"new" "in" "town"';
    const rank = (counts: string | null) => db.prepare("select tl_bm25(ads_fts, ?, 2.0, 1.0) from ads_fts where ads_fts match ? order by rowid limit 50").pluck().all(counts, q) as number[];
    const exact = db.prepare("select bm25(ads_fts, 2.0, 1.0) from ads_fts where ads_fts match ? order by rowid limit 50").pluck().all(q) as number[];
    expect(exact.length).toBeGreaterThan(10);
    expect(rank("1,1,1")).not.toEqual(exact);
    for (const odd of ["1,1", "1,1,1,1", "x", "", "1,,1", "-1,2,3", "1,1,1|", "1,1,1|2", "1,1,1|2,3,4", "1,1,1|x,3"]) expect(rank(odd), odd).toEqual(exact);
  });

  it("searches rank as with FTS5's bm25, before and after a run adds ads holding the words", async () => {
    // A second connection that never loads the extension ranks with bm25().
    const plain = new Database(t.file("r.db"), { readonly: true });
    const reference = (f: AdFilter) =>
      plain
        .prepare(
          `with h as materialized (select rowid as id, bm25(ads_fts, 2.0, 1.0) as rank from ads_fts where ads_fts match ? order by rowid desc limit 1000)
           select id, rank from h order by rank, id limit 40`,
        )
        .all((f.terms ?? []).map((w) => `"${w}"`).join(" ")) as { id: number; rank: number }[];
    const reads = store.reads({ org: "public", all: false });
    const check = async (terms: string[]) => {
      const hits: AdHit[] = await reads.searchAds({ terms }, null, 40);
      const want = reference({ terms });
      expect(want.length).toBeGreaterThan(0);
      expect(hits.map((h) => [h.id, h.rank])).toEqual(want.map((r) => [r.id, r.rank]));
    };
    try {
      await check(["quiet"]);
      await check(["new", "in", "town"]);
      // "quiet" becomes far more common: its cached count must not outlive the run.
      await ingestFiles(store, [writeJsonl(t.file("b.jsonl"), ads(3000, 1500).map((a) => ({ ...a, body: `quiet quiet ${a.body}` })))], { extract: false });
      await check(["quiet"]);
      await check(["new", "in", "town"]);
    } finally {
      plain.close();
    }
  });
});

describe("ranking as another organization sees it", () => {
  const u = tempDir();
  let s: SqliteStore;
  const mixed = (from: number, n: number) =>
    ads(from, n).map((a, k) => ({ ...a, id: `h${from + k}`, body: `${k % 3 === 0 ? "zqx " : ""}${k % 4 === 0 ? "quiet " : ""}${a.body}` }));

  beforeAll(async () => {
    s = await SqliteStore.open(u.file("h.db"));
    await ingestFiles(s, [writeJsonl(u.file("a.jsonl"), mixed(0, 2000))], { extract: false });
    s.raw.prepare("insert into orgs (id, name, created_at) values ('other', 'Other', '2024-01-01T00:00:00Z')").run();
    // Another organization's private ads, many of them using "zqx" and "quiet" over and over.
    s.raw.prepare("update ads set org_id = 'other', sharing = 'private', body = 'zqx zqx zqx quiet ' || body where id % 5 = 0").run();
  });
  afterAll(async () => {
    await s.close();
    u.cleanup();
  });

  it("is the ranking of a database without the hidden ads: their words move no relevance", async () => {
    // The reference: the same database with the hidden ads deleted (the FTS triggers take them out of the index).
    const copy = u.file("ref.db");
    await s.raw.backup(copy);
    const ref = new Database(copy);
    ref.prepare("delete from ads where org_id = 'other'").run();
    try {
      const reads = s.reads({ org: "public", all: false });
      for (const terms of [["zqx"], ["quiet", "zqx"], ["sweet"], ["new", "in", "town"]]) {
        const hits = await reads.searchAds({ terms }, null, 40);
        const want = ref
          .prepare(
            `with h as materialized (select rowid as id, bm25(ads_fts, 2.0, 1.0) as rank from ads_fts where ads_fts match ? order by rowid desc limit 1000)
             select id, rank from h order by rank, id limit 40`,
          )
          .all(terms.map((w) => `"${w}"`).join(" ")) as { id: number; rank: number }[];
        expect(want.length, terms.join(" ")).toBeGreaterThan(0);
        expect(hits.map((h) => h.id)).toEqual(want.map((r) => r.id));
        hits.forEach((h, i) => expect(h.rank, `${terms.join(" ")}: ad ${h.id}`).toBeCloseTo(want[i].rank, 12));
      }
      // The operator (who sees everything) ranks over every document, as bm25() does.
      const op = await s.reads({ org: "public", all: true }).searchAds({ terms: ["zqx"] }, null, 40);
      const every = s.raw
        .prepare(`with h as materialized (select rowid as id, bm25(ads_fts, 2.0, 1.0) as rank from ads_fts where ads_fts match '"zqx"' order by rowid desc limit 1000) select id, rank from h order by rank, id limit 40`)
        .all() as { id: number; rank: number }[];
      expect(op.map((h) => [h.id, h.rank])).toEqual(every.map((r) => [r.id, r.rank]));
    } finally {
      ref.close();
    }
  });
});

import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/ingest/ingest.js";
import { Kysely, SqliteDialect } from "kysely";
import { migrate } from "../../src/store/migrations/index.js";
import { SQLITE_MIGRATIONS } from "../../src/store/sqlite/connection.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { buildAd, tempDir, writeJsonl } from "../helpers.js";

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.cleanup());

describe("SQLite store", () => {
  it("migrates once, in WAL mode, and reopens without re-applying", async () => {
    const path = t.file("m.db");
    const s1 = await SqliteStore.open(path);
    expect(s1.raw.pragma("journal_mode", { simple: true })).toBe("wal");
    // Only the API server maps the file (batch stages' RSS would count the mapped pages).
    expect(s1.raw.pragma("mmap_size", { simple: true })).toBe(0);
    await s1.close();
    const s2 = await SqliteStore.open(path);
    const applied = s2.raw.prepare("select name from schema_migrations order by name").pluck().all();
    await s2.close();
    const mapped = await SqliteStore.open(path, { mmap: true });
    expect(mapped.raw.pragma("mmap_size", { simple: true })).toBeGreaterThan(0);
    await mapped.close();
    expect(applied).toEqual(["001-core", "001-sqlite-fts", "002-artifacts", "003-analysis", "004-cases", "005-stage-state", "006-hub", "007-sqlite-fts-explicit-insert", "008-ad-facts", "009-links-covering", "010-ad-scores-score"]);
  });

  it("carries facts stored one row per fact (before 008) over to one row per ad, unchanged", async () => {
    const path = t.file("old.db");
    const raw = new Database(path);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    await migrate(db, "sqlite", SQLITE_MIGRATIONS, "007-sqlite-fts-explicit-insert");
    raw.exec(`insert into sources (id, name, created_at) values (1, 'syn', 'x');
      insert into ads (id, source_id, source_ad_id, captured_at, first_seen_at, title, body, images, extra, content_hash, version, org_id, sharing)
        values (7, 1, 'a7', 'x', 'x', 't', 'call 555', '[]', '{}', 'h', 2, 'public', 'hub');
      insert into facts (ad_id, version, kind, value, field, span_start, span_end, obfuscated, confidence, data, extractor_version) values
        (7, 2, 'phone', '+15555550123', 'body', 5, 17, 1, 0.9, null, 'e1'),
        (7, 2, 'price', '160', 'body', 20, 26, 0, 0.8, '{"amount":160,"minutes":30}', 'e1'),
        (7, 2, 'phone', '+15555550123', 'title', 0, 3, 0, 0.7, null, 'e1');`);
    await db.destroy();
    const store = await SqliteStore.open(path);
    expect((await store.factsFor([7])).get(7)).toEqual([
      { kind: "phone", value: "+15555550123", field: "body", span: [5, 17], confidence: 0.9, obfuscated: true },
      { kind: "price", value: "160", field: "body", span: [20, 26], confidence: 0.8, data: { amount: 160, minutes: 30 } },
      { kind: "phone", value: "+15555550123", field: "title", span: [0, 3], confidence: 0.7 },
    ]);
    expect(store.raw.prepare("select version, extractor_version, n from ad_facts").all()).toEqual([{ version: 2, extractor_version: "e1", n: 3 }]);
    // The phone twice in one ad is one identifier row; prices are not looked up by value.
    expect(store.raw.prepare("select kind, value, ad_id from fact_index").all()).toEqual([{ kind: "phone", value: "+15555550123", ad_id: 7 }]);
    expect(await store.factValues(1, 10, ["phone", "price"])).toEqual([
      { adId: 7, kind: "phone", value: "+15555550123" },
      { adId: 7, kind: "price", value: "160" },
      { adId: 7, kind: "phone", value: "+15555550123" },
    ]);
    expect((await store.stats()).factsByKind).toEqual({ phone: 2, price: 1 });
    await store.close();
  });

  it("keeps the FTS index in step with inserts and new versions", async () => {
    const store = await SqliteStore.open(t.file("f.db"));
    await ingestFiles(store, [writeJsonl(t.file("1.jsonl"), [buildAd({ id: "q1", body: "velvet lounge downtown" })])]);
    const hits = (q: string) => store.raw.prepare("select rowid from ads_fts where ads_fts match ?").pluck().all(q);
    expect(hits("velvet")).toHaveLength(1);
    await ingestFiles(store, [writeJsonl(t.file("2.jsonl"), [buildAd({ id: "q1", body: "harbour view suite" })])]);
    expect(hits("velvet")).toHaveLength(0);
    expect(hits("harbour")).toHaveLength(1);
    // The index itself agrees with the stored text (throws SQLITE_CORRUPT_VTAB otherwise).
    store.raw.prepare("insert into ads_fts(ads_fts, rank) values ('integrity-check', 1)").run();
    await store.close();
  });

  it("records runs with parameters, counts and timings", async () => {
    const store = await SqliteStore.open(t.file("r.db"));
    await ingestFiles(store, [writeJsonl(t.file("1.jsonl"), [buildAd(), "bad"])], { source: "x" });
    const [run] = await store.listRuns(1);
    expect(run).toMatchObject({ kind: "ingest", status: "ok", params: { source: "x" }, counts: { read: 2, new: 1, rejected: 1 } });
    expect(run.timings.seconds).toBeGreaterThan(0);
    await store.close();
  });

  it("is a plain SQLite file other tools can read", async () => {
    const path = t.file("p.db");
    const store = await SqliteStore.open(path);
    await ingestFiles(store, [writeJsonl(t.file("1.jsonl"), [buildAd({ id: "z" })])]);
    await store.close();
    const d = new Database(path, { readonly: true });
    expect(d.prepare("select source_ad_id from ads").pluck().all()).toEqual(["z"]);
    d.close();
  });
});

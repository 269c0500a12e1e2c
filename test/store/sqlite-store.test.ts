import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/ingest/ingest.js";
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
    await s1.close();
    const s2 = await SqliteStore.open(path);
    const applied = s2.raw.prepare("select name from schema_migrations order by name").pluck().all();
    expect(applied).toEqual(["001-core", "001-sqlite-fts", "002-artifacts", "003-analysis", "004-cases", "005-stage-state", "006-hub", "007-sqlite-fts-explicit-insert"]);
    await s2.close();
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

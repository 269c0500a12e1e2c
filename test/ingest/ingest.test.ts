import { writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/ingest/ingest.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { buildAd, tempDir, writeJsonl } from "../helpers.js";

let t: ReturnType<typeof tempDir>;
let store: SqliteStore;
beforeEach(async () => {
  t = tempDir();
  store = await SqliteStore.open(t.file("t.db"));
});
afterEach(async () => {
  await store.close();
  t.cleanup();
});

describe("ingest paths", () => {
  it("stores JSON lines with provenance and extra fields", async () => {
    const f = writeJsonl(t.file("a.jsonl"), [buildAd({ id: "x1", url: "https://example.test/x1", posted_at: "2024-05-01T10:00:00Z", rating: 5 } as never), buildAd({ id: "x2" })]);
    const s = await ingestFiles(store, [f]);
    expect(s).toMatchObject({ read: 2, new: 2, rejected: 0 });
    const ad = await store.findAd("testsite", "x1");
    expect(ad?.url).toBe("https://example.test/x1");
    expect(ad?.postedAt).toBe("2024-05-01T10:00:00.000Z");
    expect(ad?.extra).toEqual({ rating: 5 });
    expect(ad?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(ad?.version).toBe(1);
    expect(ad?.sharing).toBe("hub");
  });

  it("reads gzipped JSON lines", async () => {
    const f = writeJsonl(t.file("a.jsonl.gz"), [buildAd(), buildAd(), buildAd()], true);
    expect((await ingestFiles(store, [f])).new).toBe(3);
  });

  it("reads CSV with a header row, quoted newlines and JSON images", async () => {
    const csv = 'id,source,title,body,images\nc1,site,Hello,"two\nlines",\nc2,site,Hi,"say ""hi""","[{""sha256"":""' + "a".repeat(64) + '""}]"\n';
    writeFileSync(t.file("a.csv"), csv);
    const s = await ingestFiles(store, [t.file("a.csv")]);
    expect(s).toMatchObject({ new: 2, rejected: 0 });
    expect((await store.findAd("site", "c1"))?.body).toBe("two\nlines");
    expect((await store.findAd("site", "c2"))?.images).toEqual([{ sha256: "a".repeat(64) }]);
  });

  it("uses --source for records without one, and rejects records with neither", async () => {
    const f = writeJsonl(t.file("a.jsonl"), [{ id: "1", body: "hello" }]);
    expect((await ingestFiles(store, [f])).rejected).toBe(1);
    expect((await ingestFiles(store, [f], { source: "cli" })).new).toBe(1);
    expect(await store.findAd("cli", "1")).not.toBeNull();
  });
});

describe("bad rows go to rejects and the rest of the file still goes in", () => {
  it("JSON lines: not JSON, missing id, wrong types, 10 MB body, invalid UTF-8, no text, bad date", async () => {
    const good = (id: string) => JSON.stringify(buildAd({ id }));
    const lines: (string | Buffer)[] = [
      good("g1"),
      "{not json",
      JSON.stringify({ source: "s", body: "no id" }),
      JSON.stringify({ id: "w1", source: "s", body: 42 }),
      JSON.stringify({ id: "big", source: "s", body: "x".repeat(10 * 1024 * 1024) }),
      Buffer.concat([Buffer.from('{"id":"u1","source":"s","body":"bad '), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
      JSON.stringify({ id: "e1", source: "s" }),
      JSON.stringify({ id: "d1", source: "s", body: "x", posted_at: "yesterday" }),
      good("g2"),
    ];
    writeFileSync(t.file("bad.jsonl"), Buffer.concat(lines.map((l) => Buffer.concat([Buffer.from(l), Buffer.from("\n")]))));
    const s = await ingestFiles(store, [t.file("bad.jsonl")]);
    expect(s).toMatchObject({ new: 2, rejected: 7 });
    const rejects = (await store.listRejects(100)).sort((a, b) => a.line - b.line);
    expect(rejects.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const reasons = rejects.map((r) => r.reason);
    expect(reasons[0]).toMatch(/not JSON/);
    expect(reasons[1]).toMatch(/id is required/);
    expect(reasons[2]).toMatch(/body/);
    expect(reasons[3]).toMatch(/longer than/);
    expect(reasons[4]).toMatch(/invalid UTF-8/);
    expect(reasons[5]).toMatch(/title or body is required/);
    expect(reasons[6]).toMatch(/posted_at.*ISO 8601/);
    expect(rejects[2].recordId).toBe("w1");
    expect((rejects[3].raw ?? "").length).toBeLessThan(10_000);
    expect(await store.findAd("testsite", "g2")).not.toBeNull();
  });

  it("CSV: a ragged row and invalid UTF-8 are rejected with their line numbers", async () => {
    const csv = Buffer.concat([
      Buffer.from("id,source,body\nr1,s,first\nr2,s\nr3,s,third\nr4,s,bad "),
      Buffer.from([0xc3, 0x28]),
      Buffer.from("\nr5,s,fifth\n"),
    ]);
    writeFileSync(t.file("bad.csv"), csv);
    const s = await ingestFiles(store, [t.file("bad.csv")]);
    expect(s).toMatchObject({ new: 3, rejected: 2 });
    const rejects = (await store.listRejects(10)).sort((a, b) => a.line - b.line);
    expect(rejects.map((r) => [r.line, r.reason.slice(0, 11)])).toEqual([[3, "bad CSV row"], [5, "invalid UTF"]]);
    expect(await store.findAd("s", "r5")).not.toBeNull();
  });
});

describe("idempotence and versions", () => {
  it("re-ingesting the same file changes nothing", async () => {
    const f = writeJsonl(t.file("a.jsonl"), [buildAd(), buildAd(), "oops"]);
    await ingestFiles(store, [f]);
    const before = await store.stats();
    const s = await ingestFiles(store, [f]);
    expect(s).toMatchObject({ new: 0, versions: 0, unchanged: 2 });
    expect(await store.stats()).toEqual(before);
  });

  it("a changed body under the same id becomes a new version; the old text is kept", async () => {
    const ad = buildAd({ id: "v1" });
    await ingestFiles(store, [writeJsonl(t.file("1.jsonl"), [ad])]);
    await ingestFiles(store, [writeJsonl(t.file("2.jsonl"), [{ ...ad, body: "new text" }])]);
    const cur = await store.findAd("testsite", "v1");
    expect(cur?.version).toBe(2);
    expect(cur?.body).toBe("new text");
    expect((await store.stats()).versions).toBe(2);
    // The older file again: its text is a known version, not a third one.
    const s = await ingestFiles(store, [t.file("1.jsonl")]);
    expect(s.unchanged).toBe(1);
    expect((await store.findAd("testsite", "v1"))?.version).toBe(2);
  });

});

describe("interruption", () => {
  it("aborting between batches keeps committed batches and nothing half-written; a re-run finishes", async () => {
    const rows = Array.from({ length: 5000 }, () => buildAd());
    const f = writeJsonl(t.file("big.jsonl"), rows);
    const ac = new AbortController();
    const s = await ingestFiles(store, [f], { batchSize: 1000, signal: ac.signal, onProgress: (p) => { if (p.read >= 2000) ac.abort(); } });
    expect(s.interrupted).toBe(true);
    const n = await store.countAds();
    expect(n % 1000).toBe(0);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(5000);
    const again = await ingestFiles(store, [f], { batchSize: 1000 });
    expect(again.new + again.unchanged).toBe(5000);
    expect(await store.countAds()).toBe(5000);
    const runs = await store.listRuns(5);
    expect(runs.map((r) => r.status)).toEqual(["ok", "interrupted"]);
  });
});

describe("text index upkeep", () => {
  const segments = () => store.raw.prepare("select count(distinct segid) from ads_fts_idx").pluck().get() as number;
  const load = async (name: string, n: number, from: number) => {
    const f = writeJsonl(t.file(name), Array.from({ length: n }, (_, i) => buildAd({ id: `b${from + i}`, body: `word${(from + i) % 97} shared text ${from + i}` })));
    return ingestFiles(store, [f], { extract: false });
  };

  it("a bulk load leaves the full-text index in one segment; a small top-up does not rewrite it", async () => {
    await load("a.jsonl", 12_000, 0);
    expect(segments()).toBe(1);
    store.raw.prepare("insert into ads_fts(ads_fts, rank) values ('integrity-check', 1)").run();
    await load("b.jsonl", 300, 12_000); // under a tenth of the store: left to FTS5's own merging
    expect(segments()).toBeGreaterThan(1);
    const hits = store.raw.prepare("select count(*) from ads_fts where ads_fts match ?").pluck();
    expect(hits.get("word5")).toBe(Math.ceil((12_300 - 5) / 97));
    store.raw.prepare("insert into ads_fts(ads_fts, rank) values ('integrity-check', 1)").run();
  });
});

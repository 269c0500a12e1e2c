/** The link stage against a real store: incremental = full, stable ids, explanations, pruning. */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/ingest/ingest.js";
import { linkStore } from "../../src/pipeline/link.js";
import { decodeLinkState, encodeLinkState } from "../../src/pipeline/link-state.js";
import { pruneTextLinks } from "../../src/pipeline/prune-links.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { generateCorpus } from "../../src/synth/index.js";
import { tempDir, writeJsonl } from "../helpers.js";

let t: ReturnType<typeof tempDir>;
let first: string;
let second: string;
beforeAll(() => {
  t = tempDir();
  const ads = [...generateCorpus({ ads: 4000, seed: 11 })].map((r) => r.ad);
  first = writeJsonl(t.file("a.jsonl"), ads.slice(0, 2500));
  second = writeJsonl(t.file("b.jsonl"), ads.slice(2500));
});
afterAll(() => t.cleanup());

async function partition(store: SqliteStore): Promise<Set<string>> {
  const groups = new Map<string, string[]>();
  for await (const r of store.exportAssignments()) {
    const k = r.networkId ?? `S-${r.adId}`;
    const g = groups.get(k) ?? [];
    g.push(r.sourceAdId);
    groups.set(k, g);
  }
  return new Set([...groups.values()].map((g) => g.sort().join(" ")));
}

describe("link stage", () => {
  it("linking a second batch incrementally gives the same networks as linking everything at once", async () => {
    const inc = await SqliteStore.open(t.file("inc.db"));
    await ingestFiles(inc, [first]);
    const s1 = await linkStore(inc);
    expect(s1.mode).toBe("full");
    await ingestFiles(inc, [second]);
    const s2 = await linkStore(inc);
    expect(s2.mode).toBe("incremental");
    expect(s2.newAds).toBe(1500);

    const all = await SqliteStore.open(t.file("all.db"));
    await ingestFiles(all, [first, second]);
    await linkStore(all, { full: true });
    expect(await partition(inc)).toEqual(await partition(all));
    await inc.close();
    await all.close();
  });

  it("shingling pages, and signing and verifying text, in worker threads stores the same links and networks as doing it on this thread", async () => {
    const links = async (store: SqliteStore) =>
      (store.raw.prepare("select ad_a, ad_b, kind, weight, evidence from links order by ad_a, ad_b, kind").raw().all() as unknown[][]).map((r) => r.join("|"));
    const local = await SqliteStore.open(t.file("local.db"));
    const pooled = await SqliteStore.open(t.file("pooled.db"));
    for (const s of [local, pooled]) await ingestFiles(s, [first, second]);
    // Small pages, so several pages are read ahead and shingled while the one before is linked.
    await linkStore(local, { full: true, pageSize: 700, shingleWorkers: 0 });
    // The compiled stage (dist/, built by `pretest`): worker threads need compiled JavaScript to start.
    const built = (await import(new URL("../../dist/pipeline/link.js", import.meta.url).href)) as { linkStore: typeof linkStore };
    await built.linkStore(pooled, { full: true, pageSize: 700, shingleWorkers: 2 });
    const a = await links(local);
    expect(a.length).toBeGreaterThan(1000);
    expect(await links(pooled)).toEqual(a);
    expect(await partition(pooled)).toEqual(await partition(local));
    // The pooled workers read the text from the file; the phrases shown for learned boilerplate still come out.
    const learned = async (store: SqliteStore) => (await store.getArtifact<{ phrase: string }[]>("link.boilerplate"))?.data ?? [];
    expect((await learned(local)).length).toBeGreaterThan(0);
    expect(await learned(pooled)).toEqual(await learned(local));
    await local.close();
    await pooled.close();
  });

  it("keeps network ids stable when nothing changed, and every member has a stored reason", async () => {
    const store = await SqliteStore.open(t.file("inc.db"));
    const before = await store.networkAssignments();
    const s = await linkStore(store);
    expect(s.newAds).toBe(0);
    expect(await store.networkAssignments()).toEqual(before);
    const [someNet] = [...new Set(before.values())];
    const net = await store.getNetwork(someNet);
    expect(net?.members.length).toBeGreaterThan(1);
    for (const m of net?.members ?? []) expect(Object.keys(m.reason).length).toBeGreaterThan(0);
    await store.close();
  });

  it("a new version of an already-linked ad forces a full rebuild", async () => {
    const store = await SqliteStore.open(t.file("inc.db"));
    const ad = (await store.adsForLinking(0, 1))[0];
    writeJsonl(t.file("v2.jsonl"), [{ id: ad.sourceAdId, source: ad.source, body: "completely different text now" }]);
    await ingestFiles(store, [t.file("v2.jsonl")]);
    const s = await linkStore(store);
    expect(s.mode).toBe("full");
    expect(s.reason).toMatch(/new versions/);
    await store.close();
  });

  it("a saved index of another format forces a full rebuild instead of mixing shingles", async () => {
    const store = await SqliteStore.open(t.file("inc.db"));
    await linkStore(store);
    const state = decodeLinkState((await store.getStageState("link")) ?? {});
    expect(state).not.toBeNull();
    if (!state) return;
    state.snapshot.meta.version = 1;
    await store.putStageState("link", encodeLinkState(state));
    const s = await linkStore(store);
    expect(s.mode).toBe("full");
    expect(s.reason).toMatch(/format 1/);
    await store.close();
  });

  it("a large saved index lives in a file beside the database; a missing or foreign file means a full rebuild", async () => {
    const store = await SqliteStore.open(t.file("file.db"));
    store.stateFileMinBytes = 0;
    await ingestFiles(store, [first]);
    await linkStore(store);
    const file = `${t.file("file.db")}-link.state`;
    expect(existsSync(file)).toBe(true);
    // Only a manifest is left in the database.
    expect(store.raw.prepare("select count(*) from stage_state where stage = 'link'").pluck().get()).toBe(1);
    await ingestFiles(store, [second]);
    const inc = await linkStore(store);
    expect(inc.mode).toBe("incremental");
    expect(inc.newAds).toBe(1500);
    // The same networks as one full build over both files: the restored index is the one saved.
    const all = await SqliteStore.open(t.file("file-all.db"));
    await ingestFiles(all, [first, second]);
    await linkStore(all, { full: true });
    expect(await partition(store)).toEqual(await partition(all));
    await all.close();
    // Another save's file (a stale copy, or one written by a crashed run) does not carry the manifest's token.
    const saved = readFileSync(file);
    await linkStore(store, { full: true });
    writeFileSync(file, saved);
    expect(await store.getStageState("link")).toBeNull();
    expect((await linkStore(store)).reason).toBe("no saved index");
    rmSync(file);
    expect((await linkStore(store)).reason).toBe("no saved index");
    // Deleting ads deletes the state that holds their shingles.
    expect(existsSync(file)).toBe(true);
    await store.deleteAds([(await store.adsForLinking(0, 1))[0].id]);
    expect(existsSync(file)).toBe(false);
    await store.close();
  });

  it("prunes dense text links to the strongest few per ad but keeps identifier links", () => {
    const links = [];
    for (let a = 1; a <= 10; a++) for (let b = a + 1; b <= 10; b++) links.push({ a, b, kind: "template" as const, weight: a + b, evidence: {} });
    links.push({ a: 1, b: 2, kind: "phone" as const, weight: 1, evidence: {} });
    const kept = pruneTextLinks(links, 2);
    expect(kept.filter((l) => l.kind === "phone")).toHaveLength(1);
    const text = kept.filter((x) => x.kind === "template");
    // Each ad keeps its own 2 strongest: at most 2 per ad in all, every ad explained, the strongest pair kept.
    expect(text.length).toBeLessThanOrEqual(2 * 10);
    expect(text.length).toBeLessThan(45);
    expect(new Set(text.flatMap((l) => [l.a, l.b])).size).toBe(10);
    expect(text.some((l) => l.a === 9 && l.b === 10)).toBe(true);
  });
});

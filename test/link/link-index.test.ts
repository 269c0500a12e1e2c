import { describe, expect, it } from "vitest";
import type { Link } from "../../src/domain/link.js";
import { byWeightThenIndex, LinkIndex } from "../../src/link/link-index.js";
import { pruneTextLinks } from "../../src/pipeline/prune-links.js";
import { partition, randomText, record, rng, smallWorld } from "./factory.js";

describe("LinkIndex", () => {
  it("links re-posts of one text and keeps unrelated texts apart", () => {
    const { records, truth } = smallWorld(1, 30, 6);
    const index = new LinkIndex({ boilerplate: { minAds: 20 } });
    index.addBatch(records);
    const { networkOf } = index.resolve();
    for (const [a, net] of networkOf)
      for (const [b, other] of networkOf) if (net === other) expect(truth.get(a)).toBe(truth.get(b));
    expect(networkOf.size).toBeGreaterThan(records.length * 0.9);
  });

  it("learns per-source chrome from the data and exposes it", () => {
    const { records } = smallWorld(2, 40, 5);
    const index = new LinkIndex({ boilerplate: { minAds: 20 } });
    index.addBatch(records);
    const learned = index.learnedBoilerplate();
    expect(learned.some((p) => p.source === "s1" && p.phrase.includes("report abuse"))).toBe(true);
  });

  it("hub guard: one number printed in 5,000 unrelated ads (each with its own number) merges none of them", () => {
    const r = rng(3);
    const records = Array.from({ length: 5000 }, (_, i) =>
      record({
        id: i + 1,
        body: randomText(r, 40),
        identifiers: [
          { kind: "phone", value: "+18005550000" },
          { kind: "phone", value: `+1416${String(1_000_000 + i)}` },
        ],
      }),
    );
    const index = new LinkIndex();
    const batch = index.addBatch(records);
    const res = index.resolve();
    expect(res.networks.length).toBe(0);
    expect(res.stats.hubSegments).toBe(1);
    // Even the batch's own links never form a clique around the hub: at most hubAds star links.
    expect(batch.links.filter((l) => l.kind === "phone").length).toBeLessThanOrEqual(index.config.identifiers.hubAds);
  });

  it("a number re-assigned years later does not join its two owners", () => {
    const day = 86_400_000;
    const t0 = Date.UTC(2023, 0, 1);
    const r = rng(4);
    const mk = (id: number, t: number, own: string): ReturnType<typeof record> =>
      record({ id, postedAt: t, body: randomText(r, 40), identifiers: [{ kind: "phone", value: own }] });
    const records = [mk(1, t0, "+14165550001"), mk(2, t0 + 3 * day, "+14165550001"), mk(3, t0 + 500 * day, "+14165550001"), mk(4, t0 + 503 * day, "+14165550001")];
    const index = new LinkIndex();
    index.addBatch(records);
    expect(partition(index.resolve().networkOf)).toBe("1,2|3,4");
  });

  it("batch = incremental: the same networks whether linked at once or in batches of any size", () => {
    const { records } = smallWorld(5, 60, 8);
    const cfg = { boilerplate: { minAds: 20, refreshGrowth: 2 } };
    const whole = new LinkIndex(cfg);
    whole.addBatch(records);
    const a = whole.resolve();
    // Two halves: the second batch doubles the corpus, so the snapshot is refreshed automatically.
    const inc = new LinkIndex(cfg);
    const half = records.length / 2;
    inc.addBatch(records.slice(0, half));
    expect(inc.addBatch(records.slice(half)).rebuilt || inc.boilerplate.version === whole.boilerplate.version).toBe(true);
    expect(partition(inc.resolve().networkOf)).toBe(partition(a.networkOf));
    // Arbitrary batch sizes: batches are cut where the boilerplate refreshes, so refreshes land on the same ads.
    const many = new LinkIndex(cfg);
    for (let i = 0; i < records.length; i += 37) many.addBatch(records.slice(i, i + 37));
    expect(many.boilerplate.version).toBe(whole.boilerplate.version);
    expect(partition(many.resolve().networkOf)).toBe(partition(a.networkOf));
    expect(many.links().length).toBe(whole.links().length);
    // Forcing both snapshots to the final counts keeps them equal too.
    many.refreshBoilerplate();
    whole.refreshBoilerplate();
    expect(partition(many.resolve().networkOf)).toBe(partition(whole.resolve().networkOf));
  });

  it("a deferred full build (count all, learn once, sign once) stores the same links as batch-by-batch linking", () => {
    const { records } = smallWorld(6, 60, 8);
    const cfg = { boilerplate: { minAds: 20, refreshGrowth: 2 } };
    const key = (ix: LinkIndex) =>
      ix
        .links()
        .map((l) => `${l.a}-${l.b}-${l.kind}-${l.weight.toFixed(6)}`)
        .sort()
        .join("|");
    const batched = new LinkIndex(cfg);
    for (let i = 0; i < records.length; i += 41) batched.addBatch(records.slice(i, i + 41));
    batched.refreshBoilerplate();
    const deferred = new LinkIndex(cfg);
    for (let i = 0; i < records.length; i += 53) deferred.addBatch(records.slice(i, i + 53), { deferText: true });
    expect(() => deferred.links()).toThrow(/finishDeferred/);
    deferred.finishDeferred();
    expect(deferred.refreshBoilerplate()).toBe(false);
    expect(deferred.links().some((l) => l.kind === "text" || l.kind === "template")).toBe(true);
    expect(key(deferred)).toBe(key(batched));
    expect(partition(deferred.resolve().networkOf)).toBe(partition(batched.resolve().networkOf));
    expect(deferred.learnedBoilerplate()).toEqual(batched.learnedBoilerplate());
  });

  it("the links a full run stores are pruneTextLinks of all links, ordered by (a, b)", () => {
    const { records } = smallWorld(7, 40, 10);
    const index = new LinkIndex({ boilerplate: { minAds: 20, refreshGrowth: 2 } });
    index.addBatch(records);
    const key = (l: Link) => `${l.a}-${l.b}-${l.kind}-${l.weight}-${JSON.stringify(l.evidence)}`;
    for (const perAd of [1, 3]) {
      const stored = index.storedLinks(perAd);
      const expected = pruneTextLinks(index.links(), perAd);
      // Pruning must bite, and identifier links must be there, for the comparison to mean something.
      expect(expected.length).toBeLessThan(index.links().length);
      expect(stored.some((l) => l.kind === "phone")).toBe(true);
      expect(stored.map(key).sort()).toEqual(expected.map(key).sort());
      for (let i = 1; i < stored.length; i++) expect(stored[i - 1].a < stored[i].a || (stored[i - 1].a === stored[i].a && stored[i - 1].b <= stored[i].b)).toBe(true);
    }
  });

  it("orders links by weight, then by position, with or without a packed sort key", () => {
    const r = rng(3);
    for (const extra of [[], [-0.25]]) {
      // Few distinct weights, so ties are common; a negative weight forces the comparator path.
      const w = Float32Array.from([...Array.from({ length: 5000 }, () => Math.round(r() * 40) / 40), ...extra]);
      const expected = Array.from({ length: w.length }, (_, i) => i).sort((x, y) => w[y] - w[x] || x - y);
      expect([...byWeightThenIndex(w, w.length)]).toEqual(expected);
    }
  });

  it("skips ads already indexed, whether ids arrive ascending or not, and finds each ad's dense index", () => {
    const ascending = new LinkIndex();
    ascending.addBatch([1, 4, 9].map((id) => record({ id })));
    ascending.addBatch([4, 9, 12, 12].map((id) => record({ id })));
    expect(ascending.n).toBe(4);
    expect([1, 4, 9, 12, 5].map((id) => ascending.denseIndexOf(id))).toEqual([0, 1, 2, 3, -1]);
    const unordered = new LinkIndex();
    unordered.addBatch([5, 3, 9, 3].map((id) => record({ id })));
    unordered.addBatch([3, 10, 1, 10].map((id) => record({ id })));
    expect(unordered.n).toBe(5);
    expect([5, 3, 9, 10, 1, 4].map((id) => unordered.denseIndexOf(id))).toEqual([0, 1, 2, 3, 4, -1]);
    // A restored index answers the same.
    const restored = LinkIndex.deserialize(unordered.serialize());
    expect([5, 3, 9, 10, 1, 4].map((id) => restored.denseIndexOf(id))).toEqual([0, 1, 2, 3, 4, -1]);
    expect(restored.addBatch([9, 11].map((id) => record({ id }))).links).toEqual([]);
    expect(restored.n).toBe(6);
  });

  it("a value repeated within one ad counts once, also for a value first seen before a restore", () => {
    const phone = { kind: "phone" as const, value: "+15550100001" };
    const index = new LinkIndex();
    index.addBatch([record({ id: 1, identifiers: [phone, phone] })]);
    const restored = LinkIndex.deserialize(index.serialize());
    const links = restored.addBatch([record({ id: 2, identifiers: [phone, { ...phone }, phone] })]).links;
    expect(links).toEqual([{ a: 1, b: 2, kind: "phone", weight: 1 / Math.log2(3), evidence: { value: "+15550100001", ads: 2 } }]);
    expect(restored.identifiers.get(`phone\u0001+15550100001`)).toEqual([0, 1]);
  });

  it("network ids stay stable when membership barely changes", () => {
    const { records } = smallWorld(6, 40, 8);
    const cfg = { boilerplate: { minAds: 20 } };
    const index = new LinkIndex(cfg);
    const cut = Math.floor(records.length * 0.9);
    index.addBatch(records.slice(0, cut));
    const first = index.resolve();
    index.addBatch(records.slice(cut));
    const second = index.resolve(first.networkOf);
    let same = 0;
    let total = 0;
    for (const [ad, id] of first.networkOf) {
      total++;
      if (second.networkOf.get(ad) === id) same++;
    }
    expect(same / total).toBeGreaterThan(0.95);
    // New ids never reuse an old one.
    const oldIds = new Set(first.networkOf.values());
    const reused = new Map<string, number>();
    for (const net of second.networks) if (oldIds.has(net.id)) reused.set(net.id, (reused.get(net.id) ?? 0) + 1);
    for (const c of reused.values()) expect(c).toBe(1);
  });

  it("explanations: every member of every multi-ad network has at least one reason", () => {
    const { records } = smallWorld(7, 50, 6);
    const index = new LinkIndex({ boilerplate: { minAds: 20 } });
    const { links } = index.addBatch(records);
    for (const l of links) {
      expect(l.a).toBeLessThan(l.b);
      expect(Object.keys(l.evidence).length).toBeGreaterThan(0);
      expect(l.weight).toBeGreaterThan(0);
    }
    const { networks } = index.resolve();
    expect(networks.length).toBeGreaterThan(0);
    for (const net of networks) {
      expect(net.members.length).toBeGreaterThan(1);
      for (const m of net.members) expect(m.reason).toBeTruthy();
    }
  });
});

describe("giant-component backstop", () => {
  it("Louvain splits two dense groups joined by a single weak edge", async () => {
    const { splitLarge } = await import("../../src/link/split.js");
    const ev = { ea: [] as number[], eb: [] as number[], ew: [] as number[], er: [] as number[], reasons: [] };
    const clique = (from: number, to: number): void => {
      for (let a = from; a < to; a++)
        for (let b = a + 1; b < to; b++) {
          ev.ea.push(a);
          ev.eb.push(b);
          ev.ew.push(1);
          ev.er.push(0);
        }
    };
    clique(0, 30);
    clique(30, 60);
    ev.ea.push(0);
    ev.eb.push(59);
    ev.ew.push(0.1);
    ev.er.push(0);
    const comp = new Int32Array(60); // one component, root 0
    const { labels, splits } = splitLarge(comp, ev, 60, 10, 1);
    expect(splits).toBe(1);
    expect(labels[1]).toBe(labels[29]);
    expect(labels[31]).toBe(labels[58]);
    expect(labels[1]).not.toBe(labels[31]);
    // One identity group (an agency's switchboard on every ad) is never cut, however large.
    const one = new Int32Array(60);
    expect(splitLarge(comp, ev, 60, 10, 1, one).splits).toBe(0);
    // Groups are the nodes: the two cliques as two groups still split into two communities.
    const two = Int32Array.from({ length: 60 }, (_, d) => (d < 30 ? 0 : 30));
    const byGroup = splitLarge(comp, ev, 60, 10, 1, two);
    expect(byGroup.splits).toBe(1);
    expect(byGroup.labels[0]).not.toBe(byGroup.labels[59]);
  });
});

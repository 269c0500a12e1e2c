/** Scam floods: a fresh contact in every ad, near-identical text in a burst (docs/linking.md, "Scam floods"). */
import { describe, expect, it } from "vitest";
import { collidingGroups } from "../../src/link/bridges.js";
import { LinkIndex } from "../../src/link/link-index.js";
import { slotWords, tokenize } from "../../src/link/shingles.js";
import type { LinkRecord } from "../../src/link/types.js";
import { partition, randomText, record, rng } from "./factory.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** `count` ads of one text, each with its own e-mail written into the text, one every `everyHours`. */
function flood(opts: { firstId: number; text: string; count: number; start: number; tag: string; everyHours?: number }): LinkRecord[] {
  const out: LinkRecord[] = [];
  for (let i = 0; i < opts.count; i++) {
    const local = `${opts.tag}${LETTERS[i % 26]}${LETTERS[Math.floor(i / 26) % 26]}`;
    const email = `${local}@mail.example`;
    out.push(
      record({
        id: opts.firstId + i,
        postedAt: opts.start + i * (opts.everyHours ?? 6) * 3_600_000,
        body: `${opts.text} write to ${local} (at) mail (dot) example`,
        identifiers: [{ kind: "email", value: email }],
      }),
    );
  }
  return out;
}

/** Replace every `every`-th word: 40 words with 4 replaced, spread out, gives a template-level Jaccard ≈ 0.6. */
function variant(text: string, every: number): string {
  return text
    .split(" ")
    .map((w, i) => (i % every === every - 1 ? `zz${w}` : w))
    .join(" ");
}

function networks(records: LinkRecord[], config: ConstructorParameters<typeof LinkIndex>[0] = {}): string {
  const index = new LinkIndex(config);
  index.addBatch(records);
  return partition(index.resolve().networkOf);
}

const range = (from: number, to: number): string => Array.from({ length: to - from + 1 }, (_, i) => from + i).join(",");

describe("contact slots", () => {
  it("the ad's own contact words and spelled-out digits become the slot token", () => {
    const words = tokenize(["Text me: jade (at) gmail (dot) com or four one six"], {
      words: true,
      numberWords: true,
      slots: slotWords(["jade@gmail.com"]),
    }).words;
    expect(words).toEqual(["text", "me", "#", "at", "#", "dot", "#", "or", "#", "#", "#"]);
    // Off by default: only digit-bearing tokens are slots.
    expect(tokenize(["four one six 416"], { words: true }).words).toEqual(["four", "one", "six", "#"]);
  });

  it("ads of one flood, each with a fresh e-mail in its text, are near-duplicates", () => {
    const text = randomText(rng(1), 25);
    const records = flood({ firstId: 1, text, count: 2, start: T0, tag: "a" });
    const on = new LinkIndex();
    on.addBatch(records);
    const off = new LinkIndex({ contactSlots: false });
    off.addBatch(records);
    expect(on.textJ[0]).toBe(1);
    expect(off.textJ[0]).toBeLessThan(0.9);
  });
});

describe("contact collisions between floods", () => {
  const r = rng(2);
  const a = flood({ firstId: 1, text: randomText(r, 40), count: 12, start: T0, tag: "a" });
  const b = flood({ firstId: 13, text: randomText(r, 40), count: 12, start: T0 + 2 * DAY, tag: "b" });
  // One ad of each flood happens to carry the same disposable e-mail.
  a[5].identifiers.push({ kind: "email", value: "collide@mail.example" });
  b[7].identifiers.push({ kind: "email", value: "collide@mail.example" });

  it("one shared contact does not glue two floods that share no text", () => {
    expect(networks([...a, ...b])).toBe(`${range(1, 12)}|${range(13, 24)}`);
    expect(networks([...a, ...b], { resolve: { dissolveCollisions: false } })).toBe(range(1, 24));
  });

  it("collidingGroups names the small identity group spanning both families, and only it", () => {
    const index = new LinkIndex();
    index.addBatch([...a, ...b]);
    const group = Int32Array.from({ length: index.n }, (_, d) => d);
    const d5 = index.denseIndexOf(6);
    const d7 = index.denseIndexOf(20);
    group[d7] = d5;
    const found = collidingGroups(group, index.n, index.textA.data, index.textB.data, index.textA.length, 5);
    expect([...found]).toEqual([d5]);
    // With families too small to be operators, the group is kept.
    expect(collidingGroups(group, index.n, index.textA.data, index.textB.data, index.textA.length, 20).size).toBe(0);
  });

  it("a flood does not attach to an advertiser through the one ad her contact collided with", () => {
    const r2 = rng(3);
    const own = randomText(r2, 40);
    const her = Array.from({ length: 6 }, (_, i) =>
      record({ id: 100 + i, postedAt: T0 + i * DAY, body: `${own} ${i % 2 ? "kisses" : "hugs"}`, identifiers: [{ kind: "phone", value: "+14165550199" }] }),
    );
    const f = flood({ firstId: 200, text: randomText(r2, 40), count: 10, start: T0, tag: "c" });
    f[0].identifiers.push({ kind: "phone", value: "+14165550199" });
    expect(networks([...her, ...f])).toBe(`${range(100, 105)},200|${range(201, 209)}`);
    expect(networks([...her, ...f], { resolve: { attachSupportAds: 1 } })).toBe(`${range(100, 105)},${range(200, 209)}`);
  });
});

describe("template-level text between floods far apart in time", () => {
  const text = randomText(rng(4), 40);
  const first = flood({ firstId: 1, text, count: 10, start: T0, tag: "a" });
  const similar = (start: number, copy: string): LinkRecord[] => flood({ firstId: 11, text: copy, count: 10, start, tag: "b" });

  it("joins two text-only families only when they are close in time or near-copies", () => {
    const copy = variant(text, 9);
    const probe = new LinkIndex();
    probe.addBatch([...first, ...similar(T0, copy)]);
    const cross = [...probe.textJ.subarray(0, probe.textA.length)].filter((_, t) => probe.textA.data[t] < 10 && probe.textB.data[t] >= 10);
    expect(Math.max(...cross)).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...cross)).toBeLessThan(0.7);
    // A season apart with only template-level similarity: two floods.
    expect(networks([...first, ...similar(T0 + 200 * DAY, copy)])).toBe(`${range(1, 10)}|${range(11, 20)}`);
    // The same similarity within the burst: one flood.
    expect(networks([...first, ...similar(T0 + 10 * DAY, copy)])).toBe(range(1, 20));
    // A near-copy a season apart still joins.
    expect(networks([...first, ...similar(T0 + 200 * DAY, text)])).toBe(range(1, 20));
  });
});

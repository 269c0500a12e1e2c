import { describe, expect, it } from "vitest";
import { LinkIndex } from "../../src/link/link-index.js";
import { assignStableIds } from "../../src/link/stable-ids.js";
import { extractTemplate } from "../../src/link/template.js";
import { partition, smallWorld } from "./factory.js";

describe("snapshot", () => {
  it("serialize → deserialize → next batch gives the same networks as never stopping", () => {
    const { records } = smallWorld(9, 50, 8);
    const cfg = { boilerplate: { minAds: 20 } };
    const half = records.length / 2;
    const live = new LinkIndex(cfg);
    live.addBatch(records.slice(0, half));
    const snap = live.serialize();
    for (const v of Object.values(snap.blobs)) expect(v).toBeInstanceOf(Uint8Array);
    // meta goes through JSON (as it would through a TEXT column); blobs stay bytes.
    const restored = LinkIndex.deserialize({ meta: JSON.parse(JSON.stringify(snap.meta)), blobs: snap.blobs }, cfg);
    live.addBatch(records.slice(half));
    restored.addBatch(records.slice(half));
    expect(partition(restored.resolve().networkOf)).toBe(partition(live.resolve().networkOf));
    expect(restored.links().length).toBe(live.links().length);
  });
});

describe("stable ids", () => {
  it("inherits ids on large overlap, numbers new networks after the largest old id", () => {
    const prev = new Map<number, string>([
      [1, "N-000004"],
      [2, "N-000004"],
      [3, "N-000004"],
      [4, "N-000009"],
      [5, "N-000009"],
    ]);
    const ids = assignStableIds([[1, 2, 3, 10, 11], [4, 20], [30, 31]], prev, 0.5);
    expect(ids).toEqual(["N-000004", "N-000009", "N-000010"]);
    // A split in two halves: the larger half keeps the id, the other gets a new one.
    const split = assignStableIds([[1, 2], [3]], prev, 0.5);
    expect(split[0]).toBe("N-000004");
    expect(split[1]).toBe("N-000010");
  });
});

describe("template", () => {
  it("finds the constants and the slots of a template family", () => {
    const names = ["Jade", "Lina", "Mia", "Zoe"];
    const texts = names.map((n, i) => `NEW girl in Toronto! ${n} ${19 + i} sweet and petite, text only. No cops.`);
    const t = extractTemplate(texts);
    expect(t).not.toBeNull();
    expect(t?.template).toContain("new girl in toronto");
    expect(t?.slots.length).toBeGreaterThanOrEqual(1);
    expect(t?.slots[0].distinct).toBe(4);
  });

  it("anchors a slot after a repeated constant on the same occurrence of it (the third comma, not the first)", () => {
    const rows = [
      ["Jade", "19", "Toronto"],
      ["Lina", "22", "Ottawa"],
      ["Mia", "20", "Laval"],
      ["Zoe", "24", "Surrey"],
      ["Ava", "21", "Regina"],
    ];
    const t = extractTemplate(rows.map(([n, a, c]) => `Hello , ${n} , ${a} , ${c} , call now`));
    expect(t?.template).toBe("hello , {0} , {1} , {2} , call now");
    expect(t?.slots.map((s) => s.values.map((v) => v.value).sort())).toEqual([
      ["ava", "jade", "lina", "mia", "zoe"],
      ["19", "20", "21", "22", "24"],
      ["laval", "ottawa", "regina", "surrey", "toronto"],
    ]);
    expect(t?.slots.map((s) => s.type)).toEqual(["text", "number", "text"]);
  });
});

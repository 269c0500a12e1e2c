import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../src/synth/generate.js";
import { DEFAULT_SYNTH_PARAMS, resolveSynthParams } from "../../src/synth/params.js";

function dump(ads: number, seed: number, extra: object = {}): string {
  let s = "";
  for (const r of generateCorpus({ ads, seed, ...extra })) s += JSON.stringify(r) + "\n";
  return s;
}

describe("generateCorpus determinism", () => {
  it("same seed → byte-identical output", () => {
    expect(dump(3000, 42)).toBe(dump(3000, 42));
  });

  it("different seed → different output", () => {
    expect(dump(500, 1)).not.toBe(dump(500, 2));
  });

  it("emits exactly the requested number of ads, also for tiny and empty corpora", () => {
    for (const n of [0, 1, 2, 7, 50, 1234]) {
      let k = 0;
      for (const _ of generateCorpus({ ads: n, seed: 5 })) k++;
      expect(k).toBe(n);
    }
  });

  it("merges nested overrides one level deep and validates", () => {
    const p = resolveSynthParams({ ads: 10, seed: 1, kindShare: { ...DEFAULT_SYNTH_PARAMS.kindShare, scam: 0 } });
    expect(p.kindShare.scam).toBe(0);
    expect(p.kindShare.independent).toBe(DEFAULT_SYNTH_PARAMS.kindShare.independent);
    expect(() => resolveSynthParams({ ads: -1, seed: 1 })).toThrow(/ads/);
    expect(() => resolveSynthParams({ ads: 1, seed: 1, start: "nope" })).toThrow(/ISO/);
  });

  it("interleaves authors in time order, so ids say nothing about authorship", () => {
    let prev = "";
    let switches = 0;
    let last = "";
    for (const { ad, truth } of generateCorpus({ ads: 2000, seed: 9 })) {
      expect(ad.posted_at && ad.posted_at >= prev).toBe(true);
      prev = ad.posted_at ?? "";
      if (truth.network_id !== last) switches++;
      last = truth.network_id;
    }
    expect(switches).toBeGreaterThan(1000);
  });
});

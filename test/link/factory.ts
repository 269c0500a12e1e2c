import type { LinkRecord } from "../../src/link/types.js";

/** Deterministic xorshift PRNG for tests. */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const WORDS = (
  "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo " +
  "sierra tango uniform victor whiskey xray yankee zulu amber basil cedar dune ember fern grove harbor iris jade " +
  "kelp lotus maple nectar olive pearl quartz river sage thyme umber violet willow yarrow zinnia aspen birch clover"
).split(" ");

/** A random text of `n` words. */
export function randomText(r: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(r() * WORDS.length)] + (r() < 0.3 ? String(Math.floor(r() * 9)) : ""));
  return out.join(" ");
}

export function record(overrides: Partial<LinkRecord> & { id: number }): LinkRecord {
  return {
    adId: `ad-${overrides.id}`,
    source: "s1",
    postedAt: Date.UTC(2024, 0, 1) + overrides.id * 3_600_000,
    city: "toronto",
    title: "",
    body: "",
    identifiers: [],
    ...overrides,
  };
}

/**
 * A small world: `groups` operators, each with its own phone and a text it re-posts with small edits, plus
 * per-source chrome appended to most ads.
 */
export function smallWorld(seed: number, groups: number, adsPer: number): { records: LinkRecord[]; truth: Map<number, number> } {
  const r = rng(seed);
  const records: LinkRecord[] = [];
  const truth = new Map<number, number>();
  const texts = Array.from({ length: groups }, () => randomText(r, 60));
  let id = 1;
  for (let k = 0; k < adsPer; k++) {
    for (let g = 0; g < groups; g++) {
      const words = texts[g].split(" ");
      for (let e = 0; e < 3; e++) words[Math.floor(r() * words.length)] = WORDS[Math.floor(r() * WORDS.length)];
      const chrome = r() < 0.9 ? " posted via siteone report abuse must be eighteen plus to view this ad" : "";
      records.push(
        record({
          id,
          body: words.join(" ") + chrome,
          identifiers: r() < 0.5 ? [{ kind: "phone", value: `+1416555${String(1000 + g).slice(-4)}` }] : [],
        }),
      );
      truth.set(id, g);
      id++;
    }
  }
  return { records, truth };
}

/** Canonical form of a partition: sorted member lists, sorted. */
export function partition(networkOf: Map<number, string>): string {
  const by = new Map<string, number[]>();
  for (const [ad, net] of networkOf) {
    let l = by.get(net);
    if (!l) by.set(net, (l = []));
    l.push(ad);
  }
  return [...by.values()]
    .map((l) => l.sort((a, b) => a - b).join(","))
    .sort()
    .join("|");
}

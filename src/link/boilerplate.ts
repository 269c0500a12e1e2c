/**
 * Learns boilerplate from the data: shingles that one source puts in a large share of its ads (chrome such as
 * "posted via …, report this ad") and shingles that a large share of all ads carry (phrases shared by unrelated
 * advertisers). Both are dropped before signing and before similarity, so they never make two ads similar.
 *
 * Counts are document frequencies in count-min sketches (fixed memory, independent of insertion order), over a
 * deterministic sample of ads chosen by a hash of the store id (`sampleRate`; again order-independent). The
 * set actually used for signing is a *snapshot*, recomputed when the corpus or one source has grown by
 * `refreshGrowth` since the last snapshot (geometric, so amortized O(1) per ad); the index then re-signs every
 * ad (see LinkIndex). Between refreshes, the snapshot is fixed, so linking is a pure function of (ads, snapshot).
 * @module
 */
import type { LinkConfig } from "./config.js";
import { CountMin } from "./count-min.js";
import { combine32, fmix32, fnv1a32 } from "./hash.js";
import { HashSet32 } from "./hash-set.js";

export interface LearnedPhrase {
  /** The source whose chrome this is, or null for a phrase common across sources. */
  source: string | null;
  phrase: string;
  /** Share of the source's (or of all) ads that contain it. */
  share: number;
}

/** Key of (source, shingle) in the per-source sketch and snapshot. */
export function sourceKey(sourceHash: number, shingle: number): number {
  return combine32(shingle, sourceHash);
}

export class BoilerplateModel {
  private readonly cfg: LinkConfig["boilerplate"];
  readonly global: CountMin;
  readonly perSource: CountMin;
  total = 0;
  readonly sources: string[] = [];
  readonly sourceHashes: number[] = [];
  readonly sourceAds: number[] = [];
  private readonly sourceIndex = new Map<string, number>();
  /** Candidates: shingles (and source-shingle pairs) that reached `minAds` at some point. */
  private readonly heavyGlobal = new HashSet32(1024);
  private readonly heavyPairs = new HashSet32(1024);
  private readonly heavyPairShingle: number[] = [];
  private readonly heavyPairSource: number[] = [];
  /** Scratch for `count`: (source, shingle) keys and the sketches' new estimates. */
  private pairKeys = new Uint32Array(256);
  private estGlobal = new Uint32Array(256);
  private estPair = new Uint32Array(256);
  /** Display text of shingles that became heavy. */
  readonly phrases = new Map<number, string>();
  /** The snapshot used for signing. */
  snapGlobal = new HashSet32();
  snapSource = new HashSet32();
  private learnedTotal = 0;
  private learnedSourceAds: number[] = [];
  version = 0;

  constructor(cfg: LinkConfig["boilerplate"]) {
    this.cfg = cfg;
    this.global = new CountMin(2, cfg.sketchWidthLog2);
    this.perSource = new CountMin(2, cfg.sketchWidthLog2);
  }

  /** Dense index of a source name (registered on first sight). */
  source(name: string): number {
    let i = this.sourceIndex.get(name);
    if (i === undefined) {
      i = this.sources.length;
      this.sourceIndex.set(name, i);
      this.sources.push(name);
      this.sourceHashes.push(fnv1a32(name));
      this.sourceAds.push(0);
      this.learnedSourceAds.push(0);
    }
    return i;
  }

  /**
   * Count one ad's unique shingles. Returns the shingles that just became heavy (their phrase is wanted).
   */
  count(src: number, shingles: Uint32Array<ArrayBufferLike>): number[] | null {
    this.total++;
    this.sourceAds[src]++;
    const sh = this.sourceHashes[src];
    const min = this.sampledMin();
    const n = shingles.length;
    if (this.pairKeys.length < n) {
      this.pairKeys = new Uint32Array(n * 2);
      this.estGlobal = new Uint32Array(n * 2);
      this.estPair = new Uint32Array(n * 2);
    }
    const keys = this.pairKeys;
    for (let i = 0; i < n; i++) keys[i] = sourceKey(sh, shingles[i]);
    // Counting first, then the heavy checks, in the same order: the sketches never read the heavy sets.
    this.global.addMany(shingles, n, this.estGlobal);
    this.perSource.addMany(keys, n, this.estPair);
    let fresh: number[] | null = null;
    for (let i = 0; i < n; i++) {
      const s = shingles[i];
      const k = keys[i];
      if (this.estGlobal[i] >= min && this.heavyGlobal.add(s) && !this.phrases.has(s)) (fresh ??= []).push(s);
      if (this.estPair[i] >= min && this.heavyPairs.add(k)) {
        this.heavyPairShingle.push(s);
        this.heavyPairSource.push(src);
        if (!this.phrases.has(s)) (fresh ??= []).push(s);
      }
    }
    return fresh;
  }

  /** Is this ad (by store id) in the deterministic counting sample? Independent of insertion order. */
  sampled(storeId: number): boolean {
    const r = this.cfg.sampleRate;
    return r >= 1 || fmix32((storeId >>> 0) ^ 0x6a09e667) < r * 4294967296;
  }

  /** `minAds` on the sampled scale. */
  private sampledMin(): number {
    return Math.max(2, Math.round(this.cfg.minAds * Math.min(1, this.cfg.sampleRate)));
  }

  /** True when the corpus or a source has grown enough since the last snapshot to learn again. */
  needsRefresh(): boolean {
    const g = this.cfg.refreshGrowth;
    if (this.total >= Math.max(1, this.learnedTotal * g)) return true;
    for (let i = 0; i < this.sources.length; i++) {
      const n = this.sourceAds[i];
      if (n >= this.sampledMin() && n >= this.learnedSourceAds[i] * g) return true;
    }
    return false;
  }

  // Counts, totals and thresholds are all on the sampled scale.
  private globalThreshold(): number {
    return Math.max(this.sampledMin(), this.cfg.globalShare * this.total);
  }

  private sourceThreshold(src: number): number {
    return Math.max(this.sampledMin(), this.cfg.sourceShare * this.sourceAds[src]);
  }

  /** Recompute the snapshot from the counts; returns true when it changed. */
  refresh(): boolean {
    const g = new HashSet32(this.snapGlobal.size + 16);
    const gt = this.globalThreshold();
    const hv = this.heavyGlobal.values();
    for (let i = 0; i < hv.length; i++) if (this.global.estimate(hv[i]) >= gt) g.add(hv[i]);
    const s = new HashSet32(this.snapSource.size + 16);
    for (let i = 0; i < this.heavyPairShingle.length; i++) {
      const src = this.heavyPairSource[i];
      const k = sourceKey(this.sourceHashes[src], this.heavyPairShingle[i]);
      if (this.perSource.estimate(k) >= this.sourceThreshold(src)) s.add(k);
    }
    this.learnedTotal = this.total;
    this.learnedSourceAds = this.sourceAds.slice();
    const changed = !g.equals(this.snapGlobal) || !s.equals(this.snapSource);
    this.snapGlobal = g;
    this.snapSource = s;
    if (changed) this.version++;
    return changed;
  }

  isBoilerplate(sourceHash: number, shingle: number): boolean {
    return this.snapGlobal.has(shingle) || this.snapSource.has(sourceKey(sourceHash, shingle));
  }

  /** What the snapshot holds, with display phrases (overlapping shingles merged into longer phrases). */
  learned(): LearnedPhrase[] {
    const out: LearnedPhrase[] = [];
    const gl: { phrase: string; share: number }[] = [];
    for (const s of this.snapGlobal.values()) {
      const p = this.phrases.get(s);
      if (p) gl.push({ phrase: p, share: this.global.estimate(s) / Math.max(1, this.total) });
    }
    for (const m of mergePhrases(gl)) out.push({ source: null, ...m });
    for (let src = 0; src < this.sources.length; src++) {
      const list: { phrase: string; share: number }[] = [];
      const seen = new Set<number>();
      for (let i = 0; i < this.heavyPairShingle.length; i++) {
        if (this.heavyPairSource[i] !== src) continue;
        const sh = this.heavyPairShingle[i];
        const k = sourceKey(this.sourceHashes[src], sh);
        if (seen.has(k) || !this.snapSource.has(k)) continue;
        seen.add(k);
        const p = this.phrases.get(sh);
        if (p) list.push({ phrase: p, share: this.perSource.estimate(k) / Math.max(1, this.sourceAds[src]) });
      }
      for (const m of mergePhrases(list)) out.push({ source: this.sources[src], ...m });
    }
    return out.sort((a, b) => b.share - a.share || a.phrase.localeCompare(b.phrase));
  }

  /** Restore counters after deserialization. */
  restoreState(state: BoilerplateState): void {
    this.global.table.set(state.global);
    this.perSource.table.set(state.perSource);
    this.total = state.total;
    state.sources.forEach((name, i) => {
      const idx = this.source(name);
      this.sourceAds[idx] = state.sourceAds[i];
      this.learnedSourceAds[idx] = state.learnedSourceAds[i];
    });
    for (const s of state.heavyGlobal) this.heavyGlobal.add(s);
    for (let i = 0; i < state.heavyPairShingle.length; i++) {
      const sh = state.heavyPairShingle[i];
      const src = state.heavyPairSource[i];
      if (this.heavyPairs.add(sourceKey(this.sourceHashes[src], sh))) {
        this.heavyPairShingle.push(sh);
        this.heavyPairSource.push(src);
      }
    }
    for (const [k, v] of state.phrases) this.phrases.set(k, v);
    this.snapGlobal = HashSet32.from(state.snapGlobal);
    this.snapSource = HashSet32.from(state.snapSource);
    this.learnedTotal = state.learnedTotal;
    this.version = state.version;
  }

  state(): BoilerplateState {
    return {
      global: this.global.table,
      perSource: this.perSource.table,
      total: this.total,
      sources: this.sources.slice(),
      sourceAds: this.sourceAds.slice(),
      learnedSourceAds: this.learnedSourceAds.slice(),
      heavyGlobal: this.heavyGlobal.values(),
      heavyPairShingle: Uint32Array.from(this.heavyPairShingle),
      heavyPairSource: Uint32Array.from(this.heavyPairSource),
      phrases: [...this.phrases],
      snapGlobal: this.snapGlobal.values(),
      snapSource: this.snapSource.values(),
      learnedTotal: this.learnedTotal,
      version: this.version,
    };
  }
}

export interface BoilerplateState {
  global: Uint32Array<ArrayBufferLike>;
  perSource: Uint32Array<ArrayBufferLike>;
  total: number;
  sources: string[];
  sourceAds: number[];
  learnedSourceAds: number[];
  heavyGlobal: Uint32Array<ArrayBufferLike>;
  heavyPairShingle: Uint32Array<ArrayBufferLike>;
  heavyPairSource: Uint32Array<ArrayBufferLike>;
  phrases: [number, string][];
  snapGlobal: Uint32Array<ArrayBufferLike>;
  snapSource: Uint32Array<ArrayBufferLike>;
  learnedTotal: number;
  version: number;
}

/** Chain k-word phrases that overlap by k-1 words into maximal phrases (share = min of the parts). */
export function mergePhrases(items: { phrase: string; share: number }[]): { phrase: string; share: number }[] {
  const byHead = new Map<string, number>();
  const words = items.map((it) => it.phrase.split(" "));
  words.forEach((w, i) => byHead.set(w.slice(0, -1).join(" "), i));
  const hasPred = new Uint8Array(items.length);
  const succ = new Int32Array(items.length).fill(-1);
  words.forEach((w, i) => {
    const j = byHead.get(w.slice(1).join(" "));
    if (j !== undefined && j !== i && w.length > 1) {
      succ[i] = j;
      hasPred[j] = 1;
    }
  });
  const out: { phrase: string; share: number }[] = [];
  const used = new Uint8Array(items.length);
  const walk = (start: number): void => {
    let i = start;
    const w = words[i].slice();
    let share = items[i].share;
    used[i] = 1;
    while (succ[i] !== -1 && !used[succ[i]]) {
      i = succ[i];
      used[i] = 1;
      w.push(words[i][words[i].length - 1]);
      share = Math.min(share, items[i].share);
    }
    out.push({ phrase: w.join(" "), share });
  };
  for (let i = 0; i < items.length; i++) if (!hasPred[i] && !used[i]) walk(i);
  for (let i = 0; i < items.length; i++) if (!used[i]) walk(i);
  return out;
}

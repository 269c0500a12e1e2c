/**
 * The in-memory state of everything linked so far, and batch-wise linking.
 *
 * Per ad (dense index in insertion order): source, posted time, city, content shingles, boilerplate shingles,
 * LSH band keys, identifiers. Text links are found by LSH over one-permutation MinHash signatures of the
 * content shingles and verified by exact Jaccard; identifier links join ads that share a value.
 *
 * Batch = incremental: for a fixed boilerplate snapshot, inserting ads in one batch or in several gives the
 * same links, because a pair's fate depends only on the bucket members that precede it in insertion order.
 * @example
 * const index = new LinkIndex();
 * index.addBatch(records);
 * const { networkOf, networks } = index.resolve();
 */
import type { Link } from "../domain/link.js";
import { BoilerplateModel } from "./boilerplate.js";
import { resolveConfig, type LinkConfig, type LinkConfigInput } from "./config.js";
import { LshIndex } from "./lsh.js";
import { recordShingles, tokenOptions } from "./record-shingles.js";
import { SetPool, U32List } from "./pool.js";
import { resolveNetworks, type ResolveResult } from "./resolve.js";
import { jaccardAtLeast, shingleAt, tokenize } from "./shingles.js";
import { keepStrongest, mayReach, TextSigner } from "./text-sign.js";
import { sharedCopy, sharedU32, type SignReply, type TextPool, type VerifyReply } from "./text-pool.js";
import { restoreIndex, snapshotIndex, type IndexSnapshot } from "./snapshot.js";
import type { BatchResult, IdentifierKind, LinkRecord } from "./types.js";

/** Separator between kind and value in identifier keys. */
const SEP = "\u0001";
const EMPTY = new Uint32Array(0);

export class LinkIndex {
  readonly config: LinkConfig;
  readonly boilerplate: BoilerplateModel;
  /** Number of ads. */
  n = 0;
  storeIds = new Float64Array(1024);
  /** Largest store id indexed (see `denseIndexOf`). */
  private maxStoreId = -Infinity;
  /** Store id → dense index, built only once ids stop arriving in ascending order. */
  private idMap: Map<number, number> | null = null;
  postedAt = new Float64Array(1024);
  sourceOf = new Uint16Array(1024);
  cityOf = new Int32Array(1024);
  readonly cities: string[] = [];
  private readonly cityIndex = new Map<string, number>();
  content = new SetPool();
  chrome = new SetPool();
  bands: Uint32Array<ArrayBufferLike>;
  lsh: LshIndex;
  /** Text links between dense indices (a < b), with exact content Jaccard. */
  textA = new U32List();
  textB = new U32List();
  textJ: Float32Array = new Float32Array(1024);
  /** identifier key → dense indices of the ads that carry it (insertion order). */
  readonly identifiers = new Map<string, number[]>();
  /** The same lists by kind, then value (filled as values are met; see identifierList). */
  private readonly identifiersByKind = new Map<IdentifierKind, Map<string, number[]>>();
  private readonly signer: TextSigner;
  private readonly keys: Uint32Array<ArrayBufferLike>;
  private stamp = new Int32Array(1024);
  private readonly candO: Int32Array;
  private readonly candJ: Float64Array;
  /** Phrases to capture once their ads' text is at hand (`addBatch` with `textLater`). */
  private pendingPhrases: { record: LinkRecord; shingles: number[] }[] = [];
  /** Inside a deferred build: ads registered and counted, text not yet signed (see addBatch). */
  private deferred = false;

  constructor(config: LinkConfigInput = {}) {
    this.config = resolveConfig(config);
    this.boilerplate = new BoilerplateModel(this.config.boilerplate);
    this.signer = new TextSigner(this.config);
    this.keys = new Uint32Array(this.config.bands);
    this.bands = new Uint32Array(1024 * this.config.bands);
    this.lsh = new LshIndex(this.config.bands, this.config.bucketCap);
    this.candO = new Int32Array(this.config.bands * this.config.bucketCap);
    this.candJ = new Float64Array(this.config.bands * this.config.bucketCap);
  }

  /** Make room for `n` ads (used by addBatch and by snapshot restore). */
  grow(n: number): void {
    if (n <= this.storeIds.length) return;
    let cap = this.storeIds.length;
    while (cap < n) cap *= 2;
    const g = <T extends Float64Array | Uint16Array | Int32Array | Uint32Array>(a: T, make: (c: number) => T, per = 1): T => {
      const b = make(cap * per);
      b.set(a);
      return b;
    };
    this.storeIds = g(this.storeIds, (c) => new Float64Array(c));
    this.postedAt = g(this.postedAt, (c) => new Float64Array(c));
    this.sourceOf = g(this.sourceOf, (c) => new Uint16Array(c));
    this.cityOf = g(this.cityOf, (c) => new Int32Array(c));
    this.stamp = g(this.stamp, (c) => new Int32Array(c));
    this.bands = g(this.bands, (c) => new Uint32Array(c), this.config.bands);
  }

  /**
   * The ads list of identifier (kind, value), created empty on first sight. Looked up by kind, then by the value
   * as read: the joined key of `identifiers` is built only for a value new to this run (a million ads carry 1.5M
   * identifiers, 90% of them values seen before).
   */
  private identifierList(kind: IdentifierKind, value: string): number[] {
    let byValue = this.identifiersByKind.get(kind);
    if (!byValue) this.identifiersByKind.set(kind, (byValue = new Map()));
    let list = byValue.get(value);
    if (!list) {
      const key = kind + SEP + value;
      list = this.identifiers.get(key);
      if (!list) this.identifiers.set(key, (list = []));
      byValue.set(value, list);
    }
    return list;
  }

  /** Whether an ad with this store id is indexed. */
  hasAd(id: number): boolean {
    return this.denseIndexOf(id) >= 0;
  }

  /**
   * Dense index of the ad with this store id, -1 if absent. Ids usually arrive ascending: then a binary search of
   * `storeIds`, and no map of a million ids to build and keep.
   */
  denseIndexOf(id: number): number {
    if (id > this.maxStoreId) return -1;
    if (this.idMap) return this.idMap.get(id) ?? -1;
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.storeIds[mid];
      if (v === id) return mid;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Record store id `id` at dense index `d` (used by addBatch and by snapshot restore). */
  registerId(id: number, d: number): void {
    this.storeIds[d] = id;
    if (id <= this.maxStoreId && !this.idMap) {
      this.idMap = new Map();
      for (let e = 0; e < d; e++) this.idMap.set(this.storeIds[e], e);
    }
    this.idMap?.set(id, d);
    if (id > this.maxStoreId) this.maxStoreId = id;
  }

  /** Dense index of a city name (registered on first sight); -1 for none. */
  city(name: string | null): number {
    if (name === null || name === "") return -1;
    const key = name.trim().toLowerCase();
    let i = this.cityIndex.get(key);
    if (i === undefined) {
      i = this.cities.length;
      this.cities.push(key);
      this.cityIndex.set(key, i);
    }
    return i;
  }

  /**
   * Link a batch of new ads against everything already indexed. Ads already present (same store id) are skipped.
   *
   * `deferText` (a full build that will see every ad before it is done): only register, shingle and count now;
   * `finishDeferred()` then learns the boilerplate once and signs and links every ad's text once. The text links
   * of any run are a function of (all ads in order, the final boilerplate) — each refresh re-signs everything —
   * so this gives the same links as linking batch by batch, without signing the corpus again at every refresh.
   */
  addBatch(records: readonly LinkRecord[], opts: { deferText?: boolean; textLater?: boolean } = {}): BatchResult {
    if (this.deferred && !opts.deferText) throw new Error("link: finishDeferred() must run before linking more text");
    const defer = opts.deferText === true && (this.deferred || this.n === 0);
    this.deferred = defer;
    const t0 = performance.now();
    const cfg = this.config;
    const fresh: LinkRecord[] = [];
    let seenIds: Set<number> | null = null;
    let last = -Infinity;
    for (const r of records) {
      if (this.hasAd(r.id)) continue;
      // Ids ascending within the batch cannot repeat; only an unordered batch needs a set to drop repeats.
      if (r.id <= last) {
        seenIds ??= new Set(fresh.map((f) => f.id));
        if (seenIds.has(r.id)) continue;
      }
      seenIds?.add(r.id);
      last = Math.max(last, r.id);
      fresh.push(r);
    }
    const start = this.n;
    this.grow(start + fresh.length);
    // Pass 1: register, shingle, count document frequencies.
    // One pooled buffer for the batch: millions of small long-lived typed arrays would swamp the GC.
    const batchShingles = new SetPool();
    let rest: LinkRecord[] = [];
    const phraseWanted: { ad: number; shingles: number[] }[] = [];
    for (let i = 0; i < fresh.length; i++) {
      const r = fresh[i];
      const d = start + i;
      this.registerId(r.id, d);
      this.postedAt[d] = r.postedAt;
      const src = this.boilerplate.source(r.source);
      this.sourceOf[d] = src;
      this.cityOf[d] = this.city(r.city);
      // Computed ahead in worker threads for large runs (`shingle-pool.ts`), else here.
      const sh = r.shingles ?? recordShingles(r, cfg);
      // A deferred build keeps them whole (as content, no chrome) until finishDeferred() splits and signs them.
      if (defer) {
        this.content.add(sh);
        this.chrome.add(EMPTY);
      } else batchShingles.add(sh);
      if (!this.boilerplate.sampled(r.id)) continue;
      const want = this.boilerplate.count(src, sh);
      if (want) phraseWanted.push({ ad: i, shingles: want });
      // Cut the batch where the learned boilerplate must refresh, so refreshes happen after the same ad
      // however the corpus is split into batches: batch = incremental even across refreshes.
      if (!defer && i < fresh.length - 1 && this.boilerplate.needsRefresh()) {
        rest = fresh.slice(i + 1);
        fresh.length = i + 1;
        break;
      }
    }
    this.n = start + fresh.length;
    for (const w of phraseWanted) {
      if (opts.textLater) this.pendingPhrases.push({ record: fresh[w.ad], shingles: w.shingles });
      else this.capturePhrases(fresh[w.ad], w.shingles);
    }
    const t1 = performance.now();
    // Snapshot refresh: when the learned boilerplate changes, every older ad is re-split and re-signed.
    let rebuilt = false;
    if (!defer && this.boilerplate.needsRefresh() && this.boilerplate.refresh() && start > 0) {
      this.rebuildText(start);
      rebuilt = true;
    }
    const t2 = performance.now();
    // Pass 2: split, sign, insert into LSH, verify candidates.
    const textBefore = this.textA.length;
    if (!defer) {
      this.lsh.reserve(this.n);
      for (let i = 0; i < fresh.length; i++) this.insertText(start + i, batchShingles.get(i));
    }
    const t3 = performance.now();
    const textAfter = this.textA.length;
    // Identifier links: each new ad links to the first ad that carried the value (a star, not a clique), and
    // only while the value is in at most `hubAds` ads.
    const hub = cfg.identifiers.hubAds;
    const idLinks: { a: number; d: number; kind: IdentifierKind; value: string; count: number }[] = [];
    for (let i = 0; i < fresh.length; i++) {
      const d = start + i;
      for (const idf of fresh[i].identifiers) {
        if (idf.value === "") continue;
        const list = this.identifierList(idf.kind, idf.value);
        // The same value twice in one ad counts once (this ad is the list's newest entry already).
        if (list.length > 0 && list[list.length - 1] === d) continue;
        list.push(d);
        if (list.length > 1 && list.length <= hub + 1) idLinks.push({ a: list[0], d, kind: idf.kind, value: idf.value, count: list.length });
      }
    }
    const t4 = performance.now();
    // Link records are materialized only when asked for: at a million ads they are millions of objects.
    let links: Link[] | null = null;
    const materialize = (): Link[] => {
      if (links) return links;
      links = [];
      if (!rebuilt) for (let t = textBefore; t < textAfter; t++) links.push(this.textLink(t));
      else for (let t = 0; t < textAfter; t++) if (this.textB.data[t] >= start) links.push(this.textLink(t));
      for (const l of idLinks) {
        const w = cfg.identifiers.kindWeight[l.kind] / Math.log2(1 + l.count);
        links.push(orderLink(this.storeIds[l.a], this.storeIds[l.d], l.kind, w, { value: l.value, ads: l.count }));
      }
      return links;
    };
    const timings = { shingleCount: t1 - t0, refresh: t2 - t1, signLsh: t3 - t2, identifiers: t4 - t3 };
    if (rest.length > 0) {
      const more = this.addBatch(rest, opts);
      for (const [k, v] of Object.entries(more.timings)) timings[k as keyof typeof timings] += v;
      return {
        get links(): Link[] {
          return [...materialize(), ...more.links];
        },
        rebuilt: rebuilt || more.rebuilt,
        timings,
      };
    }
    return {
      get links(): Link[] {
        return materialize();
      },
      rebuilt,
      timings,
    };
  }

  /** Ads whose text is wanted for the display phrase of newly heavy shingles (after `addBatch` with `textLater`). */
  pendingPhraseAds(): number[] {
    return this.pendingPhrases.map((p) => p.record.id);
  }

  /** Capture the pending phrases from their ads' text (by store id; an ad missing from `texts` is dropped). */
  capturePending(texts: ReadonlyMap<number, Pick<LinkRecord, "title" | "body">>): void {
    for (const p of this.pendingPhrases) {
      const t = texts.get(p.record.id);
      if (t) this.capturePhrases({ ...p.record, title: t.title, body: t.body }, p.shingles);
    }
    this.pendingPhrases = [];
  }

  private capturePhrases(r: LinkRecord, wanted: number[]): void {
    const k = this.config.shingleSize;
    const tok = tokenize([r.title, r.body], { ...tokenOptions(r, this.config.contactSlots), words: true });
    const words = tok.words ?? [];
    const want = new Set(wanted);
    for (let i = 0; i + k <= tok.hashes.length; i++) {
      const h = shingleAt(tok.hashes, i, k);
      if (want.has(h) && !this.boilerplate.phrases.has(h)) this.boilerplate.phrases.set(h, words.slice(i, i + k).join(" "));
    }
  }

  /** Split an ad's shingles by the snapshot, store them, sign, insert, and verify its candidates. */
  private insertText(d: number, all: Uint32Array<ArrayBufferLike>): void {
    const cfg = this.config;
    const bp = this.boilerplate;
    const signer = this.signer;
    signer.split(all, bp.snapGlobal, bp.snapSource, bp.sourceHashes[this.sourceOf[d]]);
    if (this.content.count === d) {
      this.content.add(signer.content);
      this.chrome.add(signer.chrome);
    }
    if (!signer.sign(signer.content, this.keys)) {
      this.bands.fill(0xffffffff, d * cfg.bands, (d + 1) * cfg.bands);
      return; // too little text: never a text candidate
    }
    this.bands.set(this.keys, d * cfg.bands);
    const stamp = this.stamp;
    stamp[d] = d + 1;
    const threshold = cfg.textLinkJaccard;
    const pool = this.content.values.data;
    const offs = this.content.offsets.data;
    const ms = offs[d];
    const me = offs[d + 1];
    const mlen = me - ms;
    const candO = this.candO;
    const candJ = this.candJ;
    let nCand = 0;
    this.lsh.insert(d, this.keys, (o) => {
      if (stamp[o] === d + 1) return;
      stamp[o] = d + 1;
      const os = offs[o];
      const oe = offs[o + 1];
      if (!mayReach(mlen, oe - os, threshold)) return;
      const j = jaccardAtLeast(pool, ms, me, pool, os, oe, threshold);
      if (j >= threshold && nCand < candO.length) {
        candO[nCand] = o;
        candJ[nCand++] = j;
      }
    });
    keepStrongest(candO, candJ, nCand, cfg.maxTextLinksPerAd, (o, j) => this.pushText(o, d, j));
  }

  private pushText(a: number, b: number, j: number): void {
    const t = this.textA.length;
    this.textA.push(a);
    this.textB.push(b);
    if (t >= this.textJ.length) {
      const nj = new Float32Array(this.textJ.length * 2);
      nj.set(this.textJ);
      this.textJ = nj;
    }
    this.textJ[t] = j;
  }

  /** Re-split and re-sign the first `count` ads with the current snapshot and recompute all text links. */
  private rebuildText(count: number): void {
    const cfg = this.config;
    const old = { content: this.content, chrome: this.chrome };
    const all = new SetPool();
    for (let d = 0; d < count; d++) all.add(mergeSorted(old.content.get(d), old.chrome.get(d)));
    this.content.clear();
    this.chrome.clear();
    this.lsh = new LshIndex(cfg.bands, cfg.bucketCap, this.n);
    this.textA = new U32List();
    this.textB = new U32List();
    this.stamp.fill(0);
    for (let d = 0; d < count; d++) this.insertText(d, all.get(d));
  }

  private textLink(t: number): Link {
    const a = this.textA.data[t];
    const b = this.textB.data[t];
    const j = this.textJ[t];
    const kind = j >= this.config.nearDuplicateJaccard ? "text" : "template";
    return orderLink(this.storeIds[a], this.storeIds[b], kind, j, similarityEvidence(j));
  }

  /** All current links: text/template links and identifier links (as stars around each value's first ad). */
  links(): Link[] {
    if (this.deferred) throw new Error("link: finishDeferred() must run first");
    const out: Link[] = [];
    for (let t = 0; t < this.textA.length; t++) out.push(this.textLink(t));
    const hub = this.config.identifiers.hubAds;
    for (const [key, list] of this.identifiers) {
      if (list.length < 2) continue;
      const cut = key.indexOf(SEP);
      const kind = key.slice(0, cut) as IdentifierKind;
      const value = key.slice(cut + 1);
      const w = this.config.identifiers.kindWeight[kind] / Math.log2(1 + list.length);
      for (let i = 1; i < Math.min(list.length, hub + 1); i++)
        out.push(orderLink(this.storeIds[list[0]], this.storeIds[list[i]], kind, w, { value, ads: list.length }));
    }
    return out;
  }

  /**
   * The links a full run stores: every identifier link, and the text links `pruneTextLinks` keeps (strongest
   * first, each ad keeping its `perAd` strongest), computed on the typed arrays. Ordered by (a, b): an index
   * built over rows in that order sorts an almost-sorted input, 3–4× faster at a million ads, and a network's
   * links lie together in the table.
   */
  storedLinks(perAd: number): Link[] {
    if (this.deferred) throw new Error("link: finishDeferred() must run first");
    const m = this.textA.length;
    const ta = this.textA.data;
    const tb = this.textB.data;
    const tj = this.textJ;
    // Stable by weight, as pruneTextLinks sorts the text links in the order links() lists them.
    const order = byWeightThenIndex(tj, m);
    const kept = new Int32Array(this.n);
    const keep = new Uint8Array(m);
    let total = 0;
    for (let i = 0; i < m; i++) {
      const t = order[i];
      const a = ta[t];
      const b = tb[t];
      if (kept[a] >= perAd && kept[b] >= perAd) continue;
      kept[a]++;
      kept[b]++;
      keep[t] = 1;
      total++;
    }
    // Every stored link as (lower-id end, other end, what it is): t ≥ 0 a text link, else identifier key ~t.
    const hub = this.config.identifiers.hubAds;
    const keys: string[] = [];
    const lists: number[][] = [];
    for (const [key, list] of this.identifiers) {
      if (list.length < 2) continue;
      keys.push(key);
      lists.push(list);
      total += Math.min(list.length, hub + 1) - 1;
    }
    const lo = new Int32Array(total);
    const hi = new Int32Array(total);
    const ref = new Int32Array(total);
    const ids = this.storeIds;
    let e = 0;
    const put = (x: number, y: number, r: number) => {
      const swap = ids[x] > ids[y];
      lo[e] = swap ? y : x;
      hi[e] = swap ? x : y;
      ref[e++] = r;
    };
    for (let t = 0; t < m; t++) if (keep[t]) put(ta[t], tb[t], t);
    for (let k = 0; k < lists.length; k++) {
      const list = lists[k];
      for (let i = 1; i < Math.min(list.length, hub + 1); i++) put(list[0], list[i], ~k);
    }
    // Counting sort by the lower end (dense order is store-id order for ads read in id order), then by the other.
    const start = new Int32Array(this.n + 1);
    for (let i = 0; i < total; i++) start[lo[i] + 1]++;
    for (let d = 0; d < this.n; d++) start[d + 1] += start[d];
    const perm = new Int32Array(total);
    const fill = start.slice(0, this.n);
    for (let i = 0; i < total; i++) perm[fill[lo[i]]++] = i;
    const byOther = (x: number, y: number) => ids[hi[x]] - ids[hi[y]] || x - y;
    for (let d = 0; d < this.n; d++) if (start[d + 1] - start[d] > 1) perm.subarray(start[d], start[d + 1]).sort(byOther);
    const out: Link[] = new Array<Link>(total);
    const kindWeight = this.config.identifiers.kindWeight;
    const stars: ({ kind: IdentifierKind; weight: number; evidence: Link["evidence"] } | undefined)[] = new Array(lists.length);
    for (let i = 0; i < total; i++) {
      const x = perm[i];
      const r = ref[x];
      if (r >= 0) {
        out[i] = this.textLink(r);
        continue;
      }
      // One evidence object per value, shared by its star's links (the store encodes each object once).
      let star = stars[~r];
      if (!star) {
        const { kind, value } = splitIdentifierKey(keys[~r]);
        const ads = lists[~r].length;
        star = stars[~r] = { kind, weight: kindWeight[kind] / Math.log2(1 + ads), evidence: { value, ads } };
      }
      out[i] = orderLink(ids[lo[x]], ids[hi[x]], star.kind, star.weight, star.evidence);
    }
    return out;
  }

  /** Persist the whole state (see snapshot.ts). */
  serialize(): IndexSnapshot {
    if (this.deferred) throw new Error("link: finishDeferred() must run first");
    return snapshotIndex(this);
  }

  static deserialize(snap: IndexSnapshot, config: LinkConfigInput = {}): LinkIndex {
    const index = new LinkIndex(config);
    restoreIndex(index, snap);
    return index;
  }

  /** Re-insert every ad's stored band keys into a fresh LSH table (after restore); no verification. */
  rebuildLsh(): void {
    const cfg = this.config;
    this.lsh = new LshIndex(cfg.bands, cfg.bucketCap, this.n);
    const keys = new Uint32Array(cfg.bands);
    const offs = this.content.offsets.data;
    for (let d = 0; d < this.n; d++) {
      if (offs[d + 1] - offs[d] < cfg.minContentShingles) continue;
      keys.set(this.bands.subarray(d * cfg.bands, (d + 1) * cfg.bands));
      this.lsh.insert(d, keys, noop);
    }
  }

  /** Force the boilerplate snapshot to the current counts (re-signs everything if it changed). */
  /** Ends a deferred build (see addBatch): learn the boilerplate from every ad, then sign and link all text. */
  finishDeferred(): void {
    if (!this.deferred) return;
    this.deferred = false;
    this.boilerplate.refresh();
    this.rebuildText(this.n);
  }

  /**
   * `finishDeferred` with signing and verification in worker threads (`text-pool.ts`); the same links, in the
   * same order. Ads are handled in chunks: while this thread inserts one chunk's band keys into LSH (the only
   * order-dependent step), the workers sign later chunks and verify earlier chunks' candidates.
   */
  async finishDeferredWith(pool: TextPool): Promise<void> {
    if (!this.deferred) return;
    this.deferred = false;
    this.boilerplate.refresh();
    const cfg = this.config;
    const bp = this.boilerplate;
    const n = this.n;
    const B = cfg.bands;
    const all = sharedCopy(this.content.values.view());
    const allOffsets = sharedCopy(this.content.offsets.view());
    // Content is a subset of all shingles, so this bound holds; filled chunk by chunk, in ad order.
    const content = sharedU32(all.length);
    const contentOffsets = sharedU32(n + 1);
    this.content = new SetPool();
    this.chrome = new SetPool();
    this.lsh = new LshIndex(B, cfg.bucketCap, n);
    this.textA = new U32List();
    this.textB = new U32List();
    this.stamp.fill(0);
    pool.setup({
      type: "setup",
      all,
      allOffsets,
      content,
      contentOffsets,
      sourceOf: this.sourceOf.subarray(0, n),
      sourceHashes: bp.sourceHashes,
      snapGlobal: bp.snapGlobal.values(),
      snapSource: bp.snapSource.values(),
      minhash: cfg.minhash,
      seed: cfg.seed,
      bands: B,
      rows: cfg.rows,
      minContentShingles: cfg.minContentShingles,
      threshold: cfg.textLinkJaccard,
      maxLinks: cfg.maxTextLinksPerAd,
    });
    const chunk = Math.max(256, Math.min(32_768, Math.ceil(n / (pool.size * 8))));
    const starts: number[] = [];
    for (let lo = 0; lo < n; lo += chunk) starts.push(lo);
    // A bounded window of signing jobs ahead: each reply holds its chunk's content until copied.
    const ahead = pool.size * 2;
    const signing = new Map<number, Promise<SignReply>>();
    const ask = (c: number) => {
      if (c < starts.length) signing.set(c, pool.sign(starts[c], Math.min(n, starts[c] + chunk)));
    };
    for (let c = 0; c < ahead; c++) ask(c);
    const verifying: Promise<VerifyReply>[] = [];
    const stamp = this.stamp;
    const threshold = cfg.textLinkJaccard;
    const keys = this.keys;
    const chrome = this.chrome;
    let filled = 0;
    for (let c = 0; c < starts.length; c++) {
      const r = await signing.get(c)!;
      signing.delete(c);
      ask(c + ahead);
      const lo = starts[c];
      const m = r.contentOffsets.length - 1;
      content.set(r.content, filled);
      for (let i = 0; i < m; i++) {
        contentOffsets[lo + i + 1] = filled + r.contentOffsets[i + 1];
        chrome.add(r.chrome.subarray(r.chromeOffsets[i], r.chromeOffsets[i + 1]));
      }
      filled += r.content.length;
      this.bands.set(r.bands, lo * B);
      // LSH in ad order; candidates that pass the size filter go to a worker for exact Jaccard.
      const ads = new Int32Array(m);
      const candOffsets = new Uint32Array(m + 1);
      const cand = new U32List(m * 8);
      let na = 0;
      for (let i = 0; i < m; i++) {
        const d = lo + i;
        const ms = contentOffsets[d];
        const mlen = contentOffsets[d + 1] - ms;
        if (mlen < cfg.minContentShingles) continue;
        keys.set(r.bands.subarray(i * B, (i + 1) * B));
        stamp[d] = d + 1;
        const before = cand.length;
        this.lsh.insert(d, keys, (o) => {
          if (stamp[o] === d + 1) return;
          stamp[o] = d + 1;
          cand.push(o);
        });
        let kept = before;
        const cd = cand.data;
        for (let k = before; k < cand.length; k++) {
          const o = cd[k];
          if (mayReach(mlen, contentOffsets[o + 1] - contentOffsets[o], threshold)) cd[kept++] = o;
        }
        cand.length = kept;
        if (kept === before) continue;
        ads[na++] = d;
        candOffsets[na] = cand.length;
      }
      if (na > 0) verifying.push(pool.verify(ads.slice(0, na), candOffsets.slice(0, na + 1), new Int32Array(cand.view())));
    }
    this.content = SetPool.wrap(content, filled, contentOffsets);
    for (const v of verifying) {
      const r = await v;
      for (let t = 0; t < r.a.length; t++) this.pushText(r.a[t], r.b[t], r.j[t]);
    }
  }

  refreshBoilerplate(): boolean {
    if (this.deferred) throw new Error("link: finishDeferred() must run first");
    if (this.boilerplate.refresh() && this.n > 0) {
      this.rebuildText(this.n);
      return true;
    }
    return false;
  }

  learnedBoilerplate(): ReturnType<BoilerplateModel["learned"]> {
    return this.boilerplate.learned();
  }

  /** Resolve everything linked so far into networks. `previous` maps store id → network id of the last run. */
  resolve(previous?: ReadonlyMap<number, string>): ResolveResult {
    if (this.deferred) throw new Error("link: finishDeferred() must run first");
    return resolveNetworks(this, previous);
  }

  /** Dense indices → identifier keys (for resolution). */
  identifierEntries(): IterableIterator<[string, number[]]> {
    return this.identifiers.entries();
  }
}

export function splitIdentifierKey(key: string): { kind: IdentifierKind; value: string } {
  const cut = key.indexOf(SEP);
  return { kind: key.slice(0, cut) as IdentifierKind, value: key.slice(cut + 1) };
}

function noop(): void {}

/**
 * 0..m-1 ordered by weight w[t] descending, then t ascending. Non-negative float32 weights order as their bit
 * patterns, so (bits below the largest, t) packs into one exact float64 key and a native sort without a
 * comparator does it (3M links: 1.3 s with a comparator, a fraction of that without).
 */
export function byWeightThenIndex(w: Float32Array, m: number): Uint32Array {
  const bits = new Uint32Array(w.buffer, w.byteOffset, m);
  let top = 0;
  let low = 0xffffffff;
  for (let t = 0; t < m; t++) {
    if (!(w[t] >= 0) || bits[t] >= 0x80000000) low = -1; // negative, -0 or NaN: no packed key
    if (bits[t] > top) top = bits[t];
    if (bits[t] < low) low = bits[t];
  }
  const shift = 2 ** Math.ceil(Math.log2(m + 1));
  const order = new Uint32Array(m);
  if (low < 0 || (top - low + 1) * shift > Number.MAX_SAFE_INTEGER) {
    for (let t = 0; t < m; t++) order[t] = t;
    return order.sort((x, y) => w[y] - w[x] || x - y);
  }
  const keys = new Float64Array(m);
  for (let t = 0; t < m; t++) keys[t] = (top - bits[t]) * shift + t;
  keys.sort();
  for (let i = 0; i < m; i++) order[i] = keys[i] % shift;
  return order;
}

function orderLink(x: number, y: number, kind: Link["kind"], weight: number, evidence: Record<string, unknown>): Link {
  return x < y ? { a: x, b: y, kind, weight, evidence } : { a: y, b: x, kind, weight, evidence };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * `{ similarity }` evidence, rounded to 3 decimals, one shared object per value: there are at most 1,001, and the
 * store encodes each object once, not once for each of millions of text links. Never mutated.
 */
const SIMILARITY = new Map<number, Link["evidence"]>();
function similarityEvidence(j: number): Link["evidence"] {
  const s = round3(j);
  let e = SIMILARITY.get(s);
  if (!e) SIMILARITY.set(s, (e = Object.freeze({ similarity: s })));
  return e;
}


function mergeSorted(a: Uint32Array<ArrayBufferLike>, b: Uint32Array<ArrayBufferLike>): Uint32Array<ArrayBufferLike> {
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let m = 0;
  while (i < a.length && j < b.length) out[m++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[m++] = a[i++];
  while (j < b.length) out[m++] = b[j++];
  return out;
}

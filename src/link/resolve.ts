/**
 * Resolution: weighted evidence between ads → networks, each member with at least one reason.
 *
 * 1. Identifiers, per time segment (a value unused for `segmentGapDays` starts a new segment: re-assigned
 *    numbers). A segment joins its ads unless it is a *hub*: a value that co-occurs with more than
 *    `hubCoIdentifiers` distinct other phones/e-mails (a site's own number printed next to every advertiser's
 *    own) — hubs join nothing, however many ads carry them.
 *    A small group whose ads sit in two established text families is a contact collision (bridges.ts) and is
 *    dissolved.
 * 2. Text links (verified Jaccard ≥ `textLinkJaccard`) join two identity groups only when the best link between
 *    them reaches `strongTextJaccard` (copied templates with other people's slots stay below it). Small groups
 *    join each other on any link — unless the two ads are more than `textOnlyMaxDays` apart and the link is below
 *    `strongTextJaccard` — and each of their clusters attaches to at most one established group, through links to
 *    at least `attachSupportAds` of its ads when the cluster is itself established.
 * 3. Backstop: a giant component (above `louvainMinSize` ads and `louvainMinShare` of the corpus) is split by
 *    Louvain communities of its weighted evidence graph, whose nodes are identity groups (never cut).
 * @module
 */
import type { Network } from "../domain/link.js";
import type { LinkIndex } from "./link-index.js";
import { splitIdentifierKey } from "./link-index.js";
import { collidingGroups } from "./bridges.js";
import { splitLarge, splitTextJoinedGroups } from "./split.js";
import { assignStableIds } from "./stable-ids.js";
import { UnionFind } from "./union-find.js";

export interface ResolveStats {
  ads: number;
  networks: number;
  adsInNetworks: number;
  largestNetwork: number;
  identifierSegments: number;
  hubSegments: number;
  textLinksUsed: number;
  /** Small identity groups dissolved as contact collisions between text families (bridges.ts). */
  collisions: number;
  louvainSplits: number;
  ms: Record<string, number>;
}

export interface ResolveResult {
  /** store id → network id, for ads in networks of two or more ads (singletons are not networks). */
  networkOf: Map<number, string>;
  networks: Network[];
  stats: ResolveStats;
}

/** Options that switch evidence families off (ablations). */
export interface ResolveOptions {
  useText?: boolean;
  useIdentifiers?: boolean;
}

/**
 * Evidence edges in typed arrays (dense a, dense b, weight, reason code). A reason code ≥ 0 is an identifier
 * segment (see `segKey`/`segAds`), < 0 is text link `-(code + 1)`; records are built only for the output.
 */
export interface Evidence {
  ea: ArrayLike<number>;
  eb: ArrayLike<number>;
  ew: ArrayLike<number>;
  er: ArrayLike<number>;
  length?: number;
}

class EdgeList implements Evidence {
  ea = new Int32Array(1024);
  eb = new Int32Array(1024);
  ew = new Float32Array(1024);
  er = new Int32Array(1024);
  length = 0;
  /** Keep only the edges whose first endpoint passes `test` (in place, order kept). */
  keep(test: (a: number) => boolean): void {
    let m = 0;
    for (let i = 0; i < this.length; i++) {
      if (!test(this.ea[i])) continue;
      this.ea[m] = this.ea[i];
      this.eb[m] = this.eb[i];
      this.ew[m] = this.ew[i];
      this.er[m] = this.er[i];
      m++;
    }
    this.length = m;
  }
  push(a: number, b: number, w: number, r: number): void {
    if (this.length === this.ea.length) {
      const cap = this.length * 2;
      const g = <T extends Int32Array | Float32Array>(x: T, y: T): T => {
        y.set(x);
        return y;
      };
      this.ea = g(this.ea, new Int32Array(cap));
      this.eb = g(this.eb, new Int32Array(cap));
      this.ew = g(this.ew, new Float32Array(cap));
      this.er = g(this.er, new Int32Array(cap));
    }
    const i = this.length++;
    this.ea[i] = a;
    this.eb[i] = b;
    this.ew[i] = w;
    this.er[i] = r;
  }
}

const IDENTITY_KINDS = new Set(["phone", "email"]);

export function resolveNetworks(
  index: LinkIndex,
  previous?: ReadonlyMap<number, string>,
  opts: ResolveOptions = {},
): ResolveResult {
  const t0 = performance.now();
  const cfg = index.config;
  const n = index.n;
  const ev = new EdgeList();
  const segKey: string[] = [];
  const segAds: number[] = [];
  let segments = 0;
  let hubs = 0;
  if (opts.useIdentifiers !== false) {
    // Per-ad identity keys (phones, e-mails) for hub detection, as CSR arrays.
    const keys = [...index.identifiers.keys()];
    const identity = keys.map((k) => IDENTITY_KINDS.has(splitIdentifierKey(k).kind));
    const count = new Int32Array(n + 1);
    keys.forEach((k, i) => {
      if (identity[i]) for (const d of index.identifiers.get(k) ?? []) count[d + 1]++;
    });
    for (let d = 0; d < n; d++) count[d + 1] += count[d];
    const perAd = new Int32Array(count[n]);
    const fill = count.slice(0, n);
    keys.forEach((k, i) => {
      if (identity[i]) for (const d of index.identifiers.get(k) ?? []) perAd[fill[d]++] = i;
    });
    const gap = cfg.identifiers.segmentGapDays * 86_400_000;
    const maxCo = cfg.identifiers.hubCoIdentifiers;
    const posted = index.postedAt;
    const co = new Set<number>();
    keys.forEach((key, ki) => {
      const list = index.identifiers.get(key) ?? [];
      if (list.length < 2) return;
      const kind = splitIdentifierKey(key).kind;
      const kw = cfg.identifiers.kindWeight[kind];
      const sorted = list.slice().sort((x, y) => timeOf(posted[x]) - timeOf(posted[y]) || x - y);
      let s = 0;
      while (s < sorted.length) {
        let e = s + 1;
        while (e < sorted.length && !(posted[sorted[e]] - posted[sorted[e - 1]] > gap)) e++; // NaN never splits
        const from = s;
        s = e;
        if (e - from < 2) continue;
        segments++;
        // Hub test: distinct other phones/e-mails seen beside this value in the segment.
        co.clear();
        let anchor = sorted[from];
        for (let i = from; i < e && co.size <= maxCo; i++) {
          const d = sorted[i];
          if (d < anchor) anchor = d;
          for (let j = count[d]; j < count[d + 1]; j++) if (perAd[j] !== ki) co.add(perAd[j]);
        }
        if (co.size > maxCo) {
          hubs++;
          continue;
        }
        for (let i = from; i < e; i++) if (sorted[i] < anchor) anchor = sorted[i];
        const r = segKey.length;
        segKey.push(key);
        segAds.push(e - from);
        const w = kw / Math.log2(1 + (e - from));
        for (let i = from; i < e; i++) if (sorted[i] !== anchor) ev.push(anchor, sorted[i], w, r);
      }
    });
  }
  // Identity groups: ads joined by identifiers alone.
  let uf = identityUnion(ev, n);
  const group = new Int32Array(n);
  for (let d = 0; d < n; d++) group[d] = uf.find(d);
  // Between ads with no established identity, a template-level text link (below `strongTextJaccard`) between ads
  // posted more than `textOnlyMaxDays` apart is not evidence: a flood is a burst of weeks, and a template seen a
  // season later without a shared contact is someone else's copy. Near-copies still count.
  const gap = cfg.resolve.textOnlyMaxDays * 86_400_000;
  const weakFar = (a: number, b: number, t: number): boolean =>
    index.textJ[t] < cfg.resolve.strongTextJaccard && Math.abs(index.postedAt[a] - index.postedAt[b]) > gap; // NaN: never far
  let collisions = 0;
  if (opts.useText !== false && opts.useIdentifiers !== false && cfg.resolve.dissolveCollisions) {
    // A small identity group spanning two established text families is a contact collision between floods
    // (see bridges.ts): drop its identifier edges, so each of its ads follows its own text.
    const drop = collidingGroups(group, n, index.textA.data, index.textB.data, index.textA.length, cfg.resolve.establishedAds, weakFar);
    if (drop.size > 0) {
      collisions = drop.size;
      ev.keep((a) => !drop.has(group[a]));
      uf = identityUnion(ev, n);
      for (let d = 0; d < n; d++) group[d] = uf.find(d);
    }
  }
  let textUsed = 0;
  if (opts.useText !== false) {
    // Text joins two identity groups only when their best link is strong: a copied template with other
    // people's slots (names, ages, cities) stays below `strongTextJaccard`, while ads of one operator re-use
    // the same slots and reach it. Weaker links never join groups, however many there are.
    const ta = index.textA.data;
    const tb = index.textB.data;
    const tj = index.textJ;
    const established = cfg.resolve.establishedAds;
    const gsize = new Int32Array(n);
    for (let d = 0; d < n; d++) gsize[group[d]]++;
    const best = new Map<number, number>();
    for (let t = 0; t < index.textA.length; t++) {
      const ga = group[ta[t]];
      const gb = group[tb[t]];
      if (ga === gb) continue;
      if (gsize[ga] < established && gsize[gb] < established && weakFar(ta[t], tb[t], t)) continue;
      const key = ga < gb ? ga * n + gb : gb * n + ga;
      const cur = best.get(key);
      if (cur === undefined || tj[t] > tj[cur]) best.set(key, t);
    }
    const strong = cfg.resolve.strongTextJaccard;
    const weak = cfg.textLinkJaccard;
    const accepted = new Set<number>();
    // (a) Two established identities: only a strong link joins them.
    // (b) Small groups (fewer than `established` ads) join each other on any verified link, forming clusters...
    const small = new UnionFind(n);
    small.ensure(n);
    const attach: { key: number; ga: number; gb: number; j: number }[] = [];
    for (const [key, t] of best) {
      const ga = group[ta[t]];
      const gb = group[tb[t]];
      const bigA = gsize[ga] >= established;
      const bigB = gsize[gb] >= established;
      const j = tj[t];
      if (bigA && bigB) {
        if (j >= strong) accepted.add(key);
      } else if (!bigA && !bigB) {
        if (j >= weak) {
          accepted.add(key);
          small.union(ga, gb);
        }
      } else attach.push({ key, ga: bigA ? gb : ga, gb: bigA ? ga : gb, j });
    }
    // ...(c) and each such cluster attaches to the ONE established group it is most similar to, so a few small
    // groups can never bridge two established operators. A cluster that is itself established (a text family of
    // `established` ads or more) needs links to `attachSupportAds` distinct ads of the group: one ad is what a
    // colliding contact puts into a group, not evidence that the family belongs to it.
    const thin = thinAttachments(small, group, gsize, ta, tb, index.textA.length, established, cfg.resolve.attachSupportAds);
    const bestBig = new Map<number, { key: number; j: number }>();
    for (const a of attach) {
      if (a.j < weak) continue;
      const root = small.find(a.ga);
      if (thin.has(root * n + a.gb)) continue;
      const cur = bestBig.get(root);
      if (!cur || a.j > cur.j || (a.j === cur.j && a.key < cur.key)) bestBig.set(root, { key: a.key, j: a.j });
    }
    for (const { key, j } of bestBig.values()) if (j >= weak) accepted.add(key);
    for (let t = 0; t < index.textA.length; t++) {
      const ga = group[ta[t]];
      const gb = group[tb[t]];
      const key = ga < gb ? ga * n + gb : gb * n + ga;
      // Within a group, text only adds reasons; across groups, only accepted pairs count.
      if (ga !== gb && !accepted.has(key)) continue;
      textUsed++;
      ev.push(ta[t], tb[t], tj[t], -(t + 1));
      uf.union(ta[t], tb[t]);
    }
  }
  const t1 = performance.now();
  const t2 = performance.now();
  const comp = new Int32Array(n);
  for (let d = 0; d < n; d++) comp[d] = uf.find(d);
  const groupSplits = opts.useText !== false && cfg.resolve.groupLouvain ? splitTextJoinedGroups(comp, group, ev, n, cfg.resolve.establishedAds, cfg.resolve.louvainResolution) : 0;
  const { labels, splits } = splitLarge(
    comp,
    ev,
    n,
    Math.max(cfg.resolve.louvainMinSize, cfg.resolve.louvainMinShare * n),
    cfg.resolve.louvainResolution,
    group,
  );
  const t3 = performance.now();
  // Reasons: the strongest in-network edge at each endpoint.
  const NONE = 0x7fffffff;
  const reasonOf = new Int32Array(n).fill(NONE);
  const reasonW = new Float64Array(n);
  for (let i = 0; i < ev.length; i++) {
    const a = ev.ea[i];
    const b = ev.eb[i];
    if (labels[a] !== labels[b]) continue;
    for (const d of [a, b]) {
      if (reasonOf[d] === NONE || ev.ew[i] > reasonW[d]) {
        reasonOf[d] = ev.er[i];
        reasonW[d] = ev.ew[i];
      }
    }
  }
  // Group members (ads without an in-network reason are left out: they are singletons).
  const groupsByLabel = new Map<number, number[]>();
  for (let d = 0; d < n; d++) {
    if (reasonOf[d] === NONE) continue;
    let g = groupsByLabel.get(labels[d]);
    if (!g) groupsByLabel.set(labels[d], (g = []));
    g.push(d);
  }
  const groups = [...groupsByLabel.values()].filter((g) => g.length >= 2);
  groups.sort((x, y) => y.length - x.length || index.storeIds[x[0]] - index.storeIds[y[0]]);
  const storeGroups = groups.map((g) => g.map((d) => index.storeIds[d]));
  const ids = assignStableIds(storeGroups, previous, cfg.resolve.stableIdOverlap);
  const reasonRecord = (code: number, d: number): Record<string, unknown> => {
    if (code >= 0) {
      const { kind, value } = splitIdentifierKey(segKey[code]);
      return { via: kind, value, ads: segAds[code] };
    }
    const t = -code - 1;
    const j = index.textJ[t];
    const other = index.textA.data[t] === d ? index.textB.data[t] : index.textA.data[t];
    return {
      via: j >= cfg.nearDuplicateJaccard ? "text" : "template",
      similarity: Math.round(j * 1000) / 1000,
      with: index.storeIds[other],
    };
  };
  const networkOf = new Map<number, string>();
  const networks: Network[] = groups.map((g, i) => {
    const id = ids[i];
    return {
      id,
      members: g.map((d) => {
        networkOf.set(index.storeIds[d], id);
        return { adId: index.storeIds[d], reason: reasonRecord(reasonOf[d], d) };
      }),
    };
  });
  const t4 = performance.now();
  return {
    networkOf,
    networks,
    stats: {
      ads: n,
      networks: networks.length,
      adsInNetworks: networkOf.size,
      largestNetwork: groups.length > 0 ? groups[0].length : 0,
      identifierSegments: segments,
      hubSegments: hubs,
      textLinksUsed: textUsed,
      collisions,
      louvainSplits: splits + groupSplits,
      ms: { evidence: t1 - t0, union: t2 - t1, split: t3 - t2, output: t4 - t3 },
    },
  };
}

/**
 * (cluster root × n + established group) pairs where the cluster — a text family of small groups with at least
 * `established` ads — reaches fewer than `support` distinct ads of the established group.
 */
function thinAttachments(
  small: UnionFind,
  group: Int32Array,
  gsize: Int32Array,
  ta: ArrayLike<number>,
  tb: ArrayLike<number>,
  m: number,
  established: number,
  support: number,
): Set<number> {
  const n = group.length;
  const thin = new Set<number>();
  if (support <= 1) return thin;
  const clusterAds = new Int32Array(n);
  for (let d = 0; d < n; d++) if (gsize[group[d]] < established) clusterAds[small.find(group[d])]++;
  const reached = new Map<number, number[]>();
  for (let t = 0; t < m; t++) {
    const ga = group[ta[t]];
    const gb = group[tb[t]];
    const bigA = gsize[ga] >= established;
    if (bigA === gsize[gb] >= established) continue;
    const root = small.find(bigA ? gb : ga);
    if (clusterAds[root] < established) continue;
    const key = root * n + (bigA ? ga : gb);
    const ad = bigA ? ta[t] : tb[t];
    let l = reached.get(key);
    if (!l) reached.set(key, (l = []));
    if (l.length < support && !l.includes(ad)) l.push(ad);
  }
  for (const [key, l] of reached) if (l.length < support) thin.add(key);
  return thin;
}

function identityUnion(ev: Evidence, n: number): UnionFind {
  const uf = new UnionFind(n);
  uf.ensure(n);
  const m = ev.length ?? ev.ea.length;
  for (let i = 0; i < m; i++) uf.union(ev.ea[i], ev.eb[i]);
  return uf;
}

function timeOf(t: number): number {
  return Number.isNaN(t) ? 0 : t;
}

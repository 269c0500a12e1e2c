/**
 * Guard against giant components: a component larger than `minSize` is re-partitioned by Louvain communities
 * over its weighted evidence edges (graphology). Weak bridges (a few template links between two operators who
 * copied the same template) fall between communities; dense identifier/text evidence stays together. Identity
 * groups (ads sharing a non-hub phone or e-mail) are the graph's nodes, never cut: percolation happens between
 * operators, and a large agency's one switchboard is one operator however many ads carry it.
 * @module
 */
import { UndirectedGraph } from "graphology";
import louvainImport from "graphology-communities-louvain";
import type { Evidence } from "./resolve.js";

type LouvainFn = (
  g: UndirectedGraph,
  o: { resolution: number; rng: () => number; getEdgeWeight: string },
) => Record<string, number>;
// The package is CommonJS; at run time its default import is the function itself.
const louvain = louvainImport as unknown as LouvainFn;

/**
 * Returns a label per ad (component root, or a fresh label for each Louvain community) and the split count.
 * `group` maps each ad to its identity group (default: every ad its own): groups are the nodes Louvain moves.
 */
export function splitLarge(
  comp: Int32Array,
  ev: Evidence,
  n: number,
  minSize: number,
  resolution: number,
  group?: Int32Array,
): { labels: Int32Array; splits: number } {
  const node = (d: number): number => (group ? group[d] : d);
  const labels = comp.slice();
  // Labels are component roots (< n) or group-community labels (≥ n) from splitTextJoinedGroups.
  const size = new Map<number, number>();
  let maxLabel = n;
  for (let d = 0; d < n; d++) {
    size.set(comp[d], (size.get(comp[d]) ?? 0) + 1);
    if (comp[d] > maxLabel) maxLabel = comp[d];
  }
  const big = new Set<number>();
  for (const [c, k] of size) if (k > minSize) big.add(c);
  if (big.size === 0) return { labels, splits: 0 };
  let nextLabel = maxLabel + 1;
  let splits = 0;
  // Edges per big component.
  const edgesOf = new Map<number, number[]>();
  const m = ev.length ?? ev.ea.length;
  for (let i = 0; i < m; i++) {
    const c = comp[ev.ea[i]];
    if (!big.has(c)) continue;
    let l = edgesOf.get(c);
    if (!l) edgesOf.set(c, (l = []));
    l.push(i);
  }
  for (const c of [...big].sort((x, y) => x - y)) {
    // Evidence inside an identity group becomes a self-loop of its node: the contraction keeps modularity as it
    // is on the ads (graphology's Louvain contracts its own levels the same way).
    const g = new UndirectedGraph({ multi: false, allowSelfLoops: true });
    for (const i of edgesOf.get(c) ?? []) {
      const a = String(node(ev.ea[i]));
      const b = String(node(ev.eb[i]));
      g.mergeNode(a);
      g.mergeNode(b);
      const w = ev.ew[i];
      if (g.hasEdge(a, b)) {
        const cur = g.getEdgeAttribute(a, b, "weight") as number;
        g.setEdgeAttribute(a, b, "weight", cur + w);
      } else g.addEdge(a, b, { weight: w });
    }
    let seed = 0x2545f491;
    const rng = (): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 4294967296;
    };
    if (g.order < 2) continue; // one identity group: nothing to split
    const communities = louvain(g, { resolution, rng, getEdgeWeight: "weight" });
    const map = new Map<number, number>();
    const labelOf = new Map<number, number>();
    for (const [key, cm] of Object.entries(communities)) {
      let l = map.get(cm);
      if (l === undefined) map.set(cm, (l = nextLabel++));
      labelOf.set(Number(key), l);
    }
    if (map.size > 1) splits += map.size - 1;
    for (let d = 0; d < n; d++) {
      if (comp[d] !== c) continue;
      const l = labelOf.get(node(d));
      if (l !== undefined) labels[d] = l;
    }
  }
  return { labels, splits };
}

/**
 * Components that text joined from two or more established identity groups are re-partitioned at the group
 * level: nodes are identity groups, edge weights the summed similarity of the text links between them, and
 * Louvain communities of that small graph become the networks. Operators who share one template verbatim are
 * linked through a few shared-text bridges, while one operator's groups are linked densely. Rewrites `comp`.
 */
export function splitTextJoinedGroups(
  comp: Int32Array,
  group: Int32Array,
  ev: Evidence,
  n: number,
  established: number,
  resolution: number,
): number {
  const gsize = new Int32Array(n);
  for (let d = 0; d < n; d++) gsize[group[d]]++;
  // Established groups per component.
  const estCount = new Map<number, number>();
  for (let d = 0; d < n; d++) if (group[d] === d && gsize[d] >= established) estCount.set(comp[d], (estCount.get(comp[d]) ?? 0) + 1);
  const target = new Set<number>();
  for (const [c, k] of estCount) if (k >= 2) target.add(c);
  if (target.size === 0) return 0;
  const graphs = new Map<number, UndirectedGraph>();
  const m = ev.length ?? ev.ea.length;
  for (let i = 0; i < m; i++) {
    if (ev.er[i] >= 0) continue; // text edges only
    const a = ev.ea[i];
    const c = comp[a];
    if (!target.has(c)) continue;
    const ga = String(group[a]);
    const gb = String(group[ev.eb[i]]);
    if (ga === gb) continue;
    let g = graphs.get(c);
    if (!g) graphs.set(c, (g = new UndirectedGraph({ multi: false, allowSelfLoops: false })));
    g.mergeNode(ga);
    g.mergeNode(gb);
    if (g.hasEdge(ga, gb)) g.setEdgeAttribute(ga, gb, "weight", (g.getEdgeAttribute(ga, gb, "weight") as number) + ev.ew[i]);
    else g.addEdge(ga, gb, { weight: ev.ew[i] });
  }
  let splits = 0;
  const relabel = new Map<number, number>();
  let next = 0;
  for (const c of [...graphs.keys()].sort((x, y) => x - y)) {
    const g = graphs.get(c);
    if (!g || g.order < 3) continue;
    let seed = 0x2545f491;
    const rng = (): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 4294967296;
    };
    const communities = louvain(g, { resolution, rng, getEdgeWeight: "weight" });
    const labels = new Set(Object.values(communities));
    if (labels.size < 2) continue;
    splits += labels.size - 1;
    const base = new Map<number, number>();
    for (const [node, cm] of Object.entries(communities)) {
      let l = base.get(cm);
      if (l === undefined) base.set(cm, (l = n + next++));
      relabel.set(Number(node), l);
    }
  }
  if (relabel.size === 0) return 0;
  // Labels for split groups are ≥ n (never a dense index); ads keep their group's community.
  for (let d = 0; d < n; d++) {
    const l = relabel.get(group[d]);
    if (l !== undefined) comp[d] = l;
  }
  return splits;
}

/**
 * The parts of a network view computed from rows: the trail of cities over time, the text its ads share, and a
 * capped graph of ads and identifiers with a deterministic starting layout. Pure functions.
 */
import type { CityPlace, LinkEdge } from "../../store/read-model.js";
import type { GraphData, GraphEdge, GraphNode, IdentifierKind, TemplateView, TrailStop } from "../../shared/api-types.js";
import { extractTemplate } from "../../link/index.js";

/** Consecutive ads in the same city collapse into one stop. */
export function trailOf(timeline: readonly { postedAt: string | null; city: string | null }[], placeOf: (raw: string) => CityPlace | undefined): TrailStop[] {
  const trail: TrailStop[] = [];
  for (const t of timeline) {
    if (t.city === null || t.postedAt === null) continue;
    const p = placeOf(t.city);
    const city = p?.name ?? t.city;
    const day = t.postedAt.slice(0, 10);
    const last = trail[trail.length - 1];
    if (last && last.city === city) {
      last.to = day;
      last.ads++;
    } else trail.push({ city, province: p?.province ?? null, lat: p?.lat ?? null, lon: p?.lon ?? null, from: day, to: day, ads: 1 });
  }
  return trail;
}

const SENTENCE = /[^.!?\n]+[.!?]*/g;

/**
 * The sentences at least half of the sampled ads share (at least two ads), in the order the most typical ad
 * uses them: what an analyst reads as "the template" when the linker has not derived one with slots.
 */
export function commonText(bodies: readonly string[]): TemplateView | null {
  if (bodies.length < 2) return null;
  const count = new Map<string, number>();
  const perAd = bodies.map((b) => {
    const seen = new Set<string>();
    for (const m of b.matchAll(SENTENCE)) {
      const s = m[0].trim().replace(/\s+/g, " ");
      if (s.length >= 12) seen.add(s);
    }
    for (const s of seen) count.set(s, (count.get(s) ?? 0) + 1);
    return [...seen];
  });
  const need = Math.max(2, Math.ceil(bodies.length / 2));
  let best: string[] = [];
  for (const sentences of perAd) {
    const shared = sentences.filter((s) => (count.get(s) ?? 0) >= need);
    if (shared.length > best.length) best = shared;
  }
  if (best.length === 0) return null;
  return { kind: "common-text", text: best.join(" "), slots: [], ads: bodies.length };
}

/**
 * The network's template with its slots when the linker can derive one (src/link/template.ts: constants must
 * cover enough of the text to be worth it), else the sentences most ads share.
 */
export function sharedText(bodies: readonly string[]): TemplateView | null {
  const t = extractTemplate(bodies);
  if (!t || t.slots.length === 0) return commonText(bodies);
  let text = t.template;
  const slots = t.slots.map((s) => {
    const name = `${s.type} ${s.index + 1}`;
    text = text.replace(`{${s.index}}`, `{${name}}`);
    return { name, values: s.values.slice(0, 6).map((v) => (v.value.length > 40 ? `${v.value.slice(0, 40)}…` : v.value)) };
  });
  return { kind: "template", text, slots, ads: t.texts };
}

export const GRAPH_MAX_ADS = 500;
export const GRAPH_MAX_EDGES = 2000;

/** Ads on an outer ring, identifiers on an inner ring; edges ad–identifier and ad–ad links, both capped. */
export function graphOf(
  adIds: readonly number[],
  labels: ReadonlyMap<number, string>,
  identifiers: readonly { adId: number; kind: string; value: string }[],
  links: readonly LinkEdge[],
  capped: boolean,
): GraphData {
  const ads = adIds.slice(0, GRAPH_MAX_ADS);
  const inGraph = new Set(ads);
  const idNodes = new Map<string, { kind: IdentifierKind; value: string; degree: number }>();
  const edges: GraphEdge[] = [];
  let cut = capped || adIds.length > ads.length;
  for (const f of identifiers) {
    if (!inGraph.has(f.adId)) continue;
    if (edges.length >= GRAPH_MAX_EDGES) {
      cut = true;
      break;
    }
    const id = `${f.kind}:${f.value}`;
    const n = idNodes.get(id) ?? { kind: f.kind as IdentifierKind, value: f.value, degree: 0 };
    n.degree++;
    idNodes.set(id, n);
    edges.push({ id: `e${edges.length}`, source: `ad:${f.adId}`, target: id, kind: "identifier", weight: 1 });
  }
  for (const l of links) {
    if (!inGraph.has(l.a) || !inGraph.has(l.b)) continue;
    if (edges.length >= GRAPH_MAX_EDGES) {
      cut = true;
      break;
    }
    edges.push({ id: `e${edges.length}`, source: `ad:${l.a}`, target: `ad:${l.b}`, kind: l.kind, weight: l.weight });
  }
  const nodes: GraphNode[] = [];
  const ring = (i: number, n: number, r: number) => [r * Math.cos((2 * Math.PI * i) / Math.max(n, 1)), r * Math.sin((2 * Math.PI * i) / Math.max(n, 1))];
  [...idNodes].forEach(([id, n], i) => {
    const [x, y] = ring(i, idNodes.size, 1);
    nodes.push({ id, kind: n.kind, label: n.value, x, y, size: 4 + Math.min(10, Math.sqrt(n.degree)) });
  });
  ads.forEach((adId, i) => {
    const [x, y] = ring(i, ads.length, 2);
    nodes.push({ id: `ad:${adId}`, kind: "ad", label: labels.get(adId) ?? `ad ${adId}`, x, y, size: 3 });
  });
  return { nodes, edges, capped: cut };
}

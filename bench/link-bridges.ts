/**
 * Tuning aid: features of text links that cross identity groups (ads joined by identifiers), labelled by truth.
 * Usage: node link-bridges.js [ads] [seed]
 */
import { extractAd } from "../src/extract/index.js";
import { toLinkRecord, type Extractor } from "../src/link/evaluate-pipeline.js";
import { LinkIndex } from "../src/link/link-index.js";
import { resolveNetworks } from "../src/link/resolve.js";
import { generateCorpus } from "../src/synth/index.js";

const extract: Extractor = (ad) => extractAd(ad);
const ads = Number(process.argv[2] ?? 20000);
const seed = Number(process.argv[3] ?? 1);
const rows = [...generateCorpus({ ads, seed })];
const records = rows.map((r, i) => toLinkRecord(i + 1, r.ad, extract));
const index = new LinkIndex({ resolve: { louvainMinSize: 1e9 } });
index.addBatch(records);
const idOnly = resolveNetworks(index, undefined, { useText: false });
const groupOf = (d: number): string => idOnly.networkOf.get(index.storeIds[d]) ?? `s${d}`;
// group-pair aggregation
const pairs = new Map<string, { n: number; maxJ: number; same: boolean; ga: string; gb: string; kinds: string }>();
for (let t = 0; t < index.textA.length; t++) {
  const a = index.textA.data[t];
  const b = index.textB.data[t];
  const ga = groupOf(a);
  const gb = groupOf(b);
  if (ga === gb || ga.startsWith("s") || gb.startsWith("s")) continue;
  const key = ga < gb ? ga + "|" + gb : gb + "|" + ga;
  let p = pairs.get(key);
  if (!p) pairs.set(key, (p = { n: 0, maxJ: 0, same: rows[a].truth.network_id === rows[b].truth.network_id, ga, gb, kinds: rows[a].truth.kind + "/" + rows[b].truth.kind }));
  p.n++;
  p.maxJ = Math.max(p.maxJ, index.textJ[t]);
}
const size = new Map<string, number[]>();
for (const [id, g] of idOnly.networkOf) {
  let l = size.get(g);
  if (!l) size.set(g, (l = []));
  l.push(Math.max(0, index.denseIndexOf(id)));
}
const span = (g: string): [number, number, Set<number>] => {
  const l = size.get(g) ?? [];
  let lo = Infinity;
  let hi = -Infinity;
  const cities = new Set<number>();
  for (const d of l) {
    lo = Math.min(lo, index.postedAt[d]);
    hi = Math.max(hi, index.postedAt[d]);
    cities.add(index.cityOf[d]);
  }
  return [lo, hi, cities];
};
const out: string[] = [];
for (const p of pairs.values()) {
  const sa = size.get(p.ga)?.length ?? 0;
  const sb = size.get(p.gb)?.length ?? 0;
  const [la, ha, ca] = span(p.ga);
  const [lb, hb, cb] = span(p.gb);
  const overlapDays = (Math.min(ha, hb) - Math.max(la, lb)) / 86400000;
  let inter = 0;
  for (const c of ca) if (cb.has(c)) inter++;
  out.push([p.same ? "SAME" : "DIFF", p.kinds, p.n, p.maxJ.toFixed(2), sa, sb, (p.n / Math.min(sa, sb)).toFixed(2), overlapDays.toFixed(0), inter, ca.size, cb.size].join("\t"));
}
console.log("label\tkinds\tlinks\tmaxJ\tsizeA\tsizeB\tlinks/min\toverlapDays\tsharedCities\tcitiesA\tcitiesB");
console.log(out.sort().join("\n"));

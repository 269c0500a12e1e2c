/**
 * Diagnostics for tuning: per true network of a kind, how its ads were split and which identifiers it carries.
 * Usage: node link-diagnose.js [ads] [seed] [kind] [configJSON]
 */
import { extractAd } from "../src/extract/index.js";
import { toLinkRecord, type Extractor } from "../src/link/evaluate-pipeline.js";
import { LinkIndex } from "../src/link/link-index.js";
import { generateCorpus } from "../src/synth/index.js";

const extract: Extractor = (ad) => extractAd(ad);
const ads = Number(process.argv[2] ?? 20000);
const seed = Number(process.argv[3] ?? 1);
const kind = process.argv[4] ?? "agency";
const config = process.argv[5] ? JSON.parse(process.argv[5]) : undefined;
const rows = [...generateCorpus({ ads, seed })];
const records = rows.map((r, i) => toLinkRecord(i + 1, r.ad, extract));
const index = new LinkIndex(config);
index.addBatch(records);
const res = index.resolve();
const byNet = new Map<string, number[]>();
rows.forEach((r, i) => {
  if (r.truth.kind !== kind) return;
  let l = byNet.get(r.truth.network_id);
  if (!l) byNet.set(r.truth.network_id, (l = []));
  l.push(i);
});
// Impure predicted networks that contain ads of this kind: truth composition and member reasons.
const predMembers = new Map<string, number[]>();
for (const [id, net] of res.networkOf) {
  let l = predMembers.get(net);
  if (!l) predMembers.set(net, (l = []));
  l.push(id - 1);
}
let impure = 0;
for (const [net, idx] of predMembers) {
  const comp = new Map<string, number>();
  for (const i of idx) comp.set(rows[i].truth.network_id, (comp.get(rows[i].truth.network_id) ?? 0) + 1);
  if (comp.size < 2 || !idx.some((i) => rows[i].truth.kind === kind)) continue;
  if (impure++ >= 8) continue;
  const members = res.networks.find((n) => n.id === net)?.members ?? [];
  const minor = [...comp].sort((a, b) => a[1] - b[1])[0][0];
  const why = members.filter((m) => rows[m.adId - 1].truth.network_id === minor).slice(0, 3).map((m) => JSON.stringify(m.reason));
  console.log("IMPURE", net, [...comp].sort((a, b) => b[1] - a[1]).slice(0, 5), "minor reasons", why.join(" "));
}
console.log("impure networks with", kind, impure);
// Identifier values whose ads span two truth networks inside one predicted network (the bridges).
let bridges = 0;
for (const [key, list] of index.identifiers) {
  const nets = new Map<string, number>();
  for (const d of list) {
    const pred = res.networkOf.get(d + 1);
    if (!pred) continue;
    nets.set(rows[d].truth.network_id, (nets.get(rows[d].truth.network_id) ?? 0) + 1);
  }
  if (nets.size < 2 || ![...nets.keys()].some((k) => k.startsWith(kind.slice(0, 3)))) continue;
  if (bridges++ < 12) {
    const times = list.map((d) => new Date(index.postedAt[d]).toISOString().slice(0, 10));
    console.log("BRIDGE", JSON.stringify(key), [...nets], "dates", times.slice(0, 6).join(","));
  }
}
console.log("bridging identifiers", bridges);
let shown = 0;
for (const [net, idx] of byNet) {
  if (shown++ >= 6) break;
  const pred = new Map<string, number>();
  for (const i of idx) {
    const p = res.networkOf.get(i + 1) ?? "single";
    pred.set(p, (pred.get(p) ?? 0) + 1);
  }
  const ids = new Map<string, number>();
  for (const i of idx) for (const f of records[i].identifiers) ids.set(f.kind + ":" + f.value, (ids.get(f.kind + ":" + f.value) ?? 0) + 1);
  const top = [...ids].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, c]) => `${k}×${c}/${index.identifiers.get(k.replace(":", "\u0001"))?.length}`);
  console.log(net, "ads", idx.length, "pred", [...pred].sort((a, b) => b[1] - a[1]).slice(0, 6), "\n   ids", top.join(" "));
  console.log("   sample:", JSON.stringify(rows[idx[0]].ad).slice(0, 600));
}

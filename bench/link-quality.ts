/**
 * Quality of linking on synthetic corpora: generateCorpus → extract → LinkRecord → addBatch → resolve → metrics,
 * per author kind, with text-only and identifier-only ablations.
 * Scores come from src/eval's evaluateClustering (OWN_METRICS=1 also prints src/link/metrics.ts's, as a cross-check).
 * Usage: node link-quality.js [ads=100000] [seeds=1,2,3] [batch=ads] [configJSON]
 */
import type { EvalReport } from "../src/eval/index.js";
import { evaluateClustering } from "../src/eval/index.js";
import { extractAd } from "../src/extract/index.js";
import type { LinkConfigInput } from "../src/link/config.js";
import { evaluatePipeline, type Extractor } from "../src/link/evaluate-pipeline.js";
import { generateCorpus } from "../src/synth/index.js";

function fmt(x: number): string {
  return x.toFixed(3);
}

function main(): void {
  const ads = Number(process.argv[2] ?? 100_000);
  const seeds = (process.argv[3] ?? "1,2,3").split(",").map(Number);
  const batch = Number(process.argv[4] ?? ads);
  // One config object, or an array of them (each run on the same corpus; extraction is cached across them).
  const parsed: unknown = process.argv[5] ? JSON.parse(process.argv[5]) : undefined;
  const configs = (Array.isArray(parsed) ? parsed : [parsed]) as (LinkConfigInput | undefined)[];
  const ablations = process.env.ABLATIONS !== "0";
  for (const seed of seeds) {
    const t0 = performance.now();
    const rows = [...generateCorpus({ ads, seed })];
    const tGen = performance.now() - t0;
    const cache = new Map<string, ReturnType<typeof extractAd>>();
    const extract: Extractor = (ad) => {
      const key = `${ad.title}\u0000${ad.body}\u0000${ad.phone}\u0000${ad.email}`;
      let f = cache.get(key);
      if (!f) cache.set(key, (f = extractAd(ad)));
      return f;
    };
    for (const config of configs) {
    if (config) console.log("## config", JSON.stringify(config));
    const res = evaluatePipeline(rows, extract, { batchSize: batch, ablations, config });
    const line = (name: string, q: typeof res.quality): string =>
      Object.entries(q)
        .map(([k, v]) => `${name} ${k.padEnd(12)} n=${String(v.ads).padStart(6)} pairF1=${fmt(v.pairwise.f1)} (P ${fmt(v.pairwise.precision)} R ${fmt(v.pairwise.recall)}) b3F1=${fmt(v.bcubed.f1)} (P ${fmt(v.bcubed.precision)} R ${fmt(v.bcubed.recall)})`)
        .join("\n");
    console.log(`# seed ${seed} ads ${ads} gen ${Math.round(tGen)}ms extract ${Math.round(res.ms.extract)}ms link ${Math.round(res.ms.link)}ms resolve ${Math.round(res.ms.resolve)}ms boilerplate ${res.learnedBoilerplate}`);
    console.log(JSON.stringify(res.stats));
    // Official scorer (src/eval) — the numbers to report.
    const official = (name: string, r: EvalReport): string =>
      [["all", r.overall] as const, ...Object.entries(r.byKind)]
        .map(([k, v]) => (v ? `${name} ${String(k).padEnd(12)} n=${String(v.ads).padStart(6)} pairF1=${fmt(v.pairwise.f1)} (P ${fmt(v.pairwise.precision)} R ${fmt(v.pairwise.recall)}) b3F1=${fmt(v.bcubed.f1)} (P ${fmt(v.bcubed.precision)} R ${fmt(v.bcubed.recall)}) ARI=${fmt(v.ari)}` : ""))
        .join("\n");
    console.log(official("full", evaluateClustering(res.pred, res.truth)));
    for (const [name, p] of Object.entries(res.ablationPreds)) console.log(official(name, evaluateClustering(p, res.truth)));
    if (process.env.OWN_METRICS === "1") console.log(line("own", res.quality));
    }
  }
}

main();

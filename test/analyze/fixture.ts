/** Analysis data straight from a synthetic corpus: extraction in-process, truth networks as the clustering. */
import { AnalysisBuilder, type AnalysisData } from "../../src/analyze/data.js";
import type { TruthRow } from "../../src/domain/truth.js";
import { extractAd } from "../../src/extract/index.js";
import type { AnalysisFactRow } from "../../src/store/analysis.js";
import { generateCorpus, type SynthParams } from "../../src/synth/index.js";

export function corpusData(params: Partial<SynthParams> & { ads: number; seed: number }): { data: AnalysisData; truth: Map<string, TruthRow> } {
  const b = new AnalysisBuilder();
  const facts: AnalysisFactRow[] = [];
  const truth = new Map<string, TruthRow>();
  let id = 0;
  const ads = [];
  for (const { ad, truth: t } of generateCorpus(params)) {
    id++;
    truth.set(ad.id, t);
    ads.push({ adId: id, sourceAdId: ad.id, postedAt: ad.posted_at ?? null, city: ad.city ?? null, region: ad.region ?? null, networkId: t.network_id });
    for (const f of extractAd(ad)) {
      const d = f.data ?? {};
      const num = (k: string) => (typeof d[k] === "number" ? (d[k] as number) : null);
      facts.push({ adId: id, kind: f.kind, value: f.value, field: f.field, obfuscated: f.obfuscated ?? false, amount: num("amount"), minutes: num("minutes"), lat: num("lat"), lon: num("lon"), province: typeof d.province === "string" ? d.province : null });
    }
  }
  b.addAds(ads);
  b.addFacts(facts.filter((f) => f.kind !== "place" || f.field === "city"));
  return { data: b.build(), truth };
}

/**
 * The evaluation pipeline as one pure function: corpus rows → facts → LinkRecords → addBatch (in batches) →
 * resolve → per-kind quality. The generator and the extractor are passed in, so this module depends on neither.
 * @module
 */
import type { AdInput } from "../domain/ad.js";
import type { Fact } from "../domain/fact.js";
import type { TruthRow } from "../domain/truth.js";
import type { LinkConfigInput } from "./config.js";
import { LinkIndex } from "./link-index.js";
import { clusteringQuality, type KindQuality } from "./metrics.js";
import { resolveNetworks, type ResolveOptions, type ResolveStats } from "./resolve.js";
import type { IdentifierKind, LinkRecord } from "./types.js";

export type Extractor = (ad: { title: string; body: string; phone: string; email: string; city: string; region: string }) => Fact[];

const LINK_FACTS = new Set<string>(["phone", "email", "handle", "url"]);

/** One ad → the record the linker needs (identifiers = phone/email/handle/url facts + image sha256/phash). */
export function toLinkRecord(id: number, ad: AdInput, extract: Extractor): LinkRecord {
  const facts = extract({
    title: ad.title ?? "",
    body: ad.body ?? "",
    phone: ad.phone ?? "",
    email: ad.email ?? "",
    city: ad.city ?? "",
    region: ad.region ?? "",
  });
  const identifiers: LinkRecord["identifiers"] = [];
  for (const f of facts) if (LINK_FACTS.has(f.kind)) identifiers.push({ kind: f.kind as IdentifierKind, value: f.value });
  for (const img of ad.images ?? []) {
    if (img.sha256) identifiers.push({ kind: "image", value: `sha256:${img.sha256}` });
    if (img.phash) identifiers.push({ kind: "image", value: `phash:${img.phash}` });
  }
  const t = ad.posted_at ? Date.parse(ad.posted_at) : NaN;
  return {
    id,
    adId: ad.id,
    source: ad.source,
    postedAt: t,
    city: ad.city ?? null,
    title: ad.title ?? "",
    body: ad.body ?? "",
    identifiers,
  };
}

export interface PipelineResult {
  quality: Record<string, KindQuality>;
  ablations: Record<string, Record<string, KindQuality>>;
  /** ad id → predicted network (multi-ad networks only), for external scorers such as evaluateClustering. */
  pred: Map<string, string>;
  ablationPreds: Record<string, Map<string, string>>;
  truth: TruthRow[];
  stats: ResolveStats;
  ms: { extract: number; link: number; resolve: number };
  adsPerSecond: { extract: number; link: number; resolve: number };
  learnedBoilerplate: number;
}

/**
 * @example evaluatePipeline(generateCorpus({ ads: 10_000, seed: 1 }), extractAd, { batchSize: 10_000 })
 */
export function evaluatePipeline(
  corpus: Iterable<{ ad: AdInput; truth: TruthRow }>,
  extract: Extractor,
  opts: { config?: LinkConfigInput; batchSize?: number; ablations?: boolean } = {},
): PipelineResult {
  const t0 = performance.now();
  const records: LinkRecord[] = [];
  const truth = new Map<string, { cluster: string; kind: string }>();
  const truthRows: TruthRow[] = [];
  const adIds: string[] = [];
  for (const { ad, truth: tr } of corpus) {
    truthRows.push(tr);
    records.push(toLinkRecord(records.length + 1, ad, extract));
    truth.set(ad.id, { cluster: tr.network_id, kind: tr.kind });
    adIds.push(ad.id);
  }
  const t1 = performance.now();
  const index = new LinkIndex(opts.config);
  const bs = opts.batchSize ?? records.length;
  for (let i = 0; i < records.length; i += bs) index.addBatch(records.slice(i, i + bs));
  const t2 = performance.now();
  const res = index.resolve();
  const t3 = performance.now();
  const adIdOf = new Map<number, string>();
  for (const r of records) adIdOf.set(r.id, r.adId);
  const toPred = (networkOf: Map<number, string>): Map<string, string> => {
    const pred = new Map<string, string>();
    for (const [id, net] of networkOf) pred.set(adIdOf.get(id) ?? String(id), net);
    return pred;
  };
  const pred = toPred(res.networkOf);
  const quality = clusteringQuality(adIds, pred, truth);
  const ablations: Record<string, Record<string, KindQuality>> = {};
  const ablationPreds: Record<string, Map<string, string>> = {};
  if (opts.ablations) {
    const variants: Record<string, ResolveOptions> = { textOnly: { useIdentifiers: false }, identifiersOnly: { useText: false } };
    for (const [name, o] of Object.entries(variants)) {
      ablationPreds[name] = toPred(resolveNetworks(index, undefined, o).networkOf);
      ablations[name] = clusteringQuality(adIds, ablationPreds[name], truth);
    }
  }
  const n = records.length;
  const ms = { extract: t1 - t0, link: t2 - t1, resolve: t3 - t2 };
  return {
    quality,
    ablations,
    pred,
    ablationPreds,
    truth: truthRows,
    stats: res.stats,
    ms,
    adsPerSecond: { extract: (n / ms.extract) * 1000, link: (n / ms.link) * 1000, resolve: (n / ms.resolve) * 1000 },
    learnedBoilerplate: index.learnedBoilerplate().length,
  };
}

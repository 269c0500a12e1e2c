/**
 * Throughput benchmark for the extract stage.
 *
 * @example
 * const r = benchExtract(ads.map((a) => a.body));
 * console.log(r.adsPerSec, r.perExtractorMs);
 */
import { extractAd } from "./index.js";

export interface BenchResult {
  ads: number;
  adsPerSec: number;
  /**
   * Total milliseconds spent in each extractor (cue includes nothing else). Work shared by several extractors is
   * charged to the first that needs it: normalization to phone, the word-start pass (text/triggers.ts) to age.
   */
  perExtractorMs: Record<string, number>;
  /** The extractor with the largest share. */
  dominant: string;
}

/** Extract from every text (as an ad body) once to warm up, then time a second pass. */
export function benchExtract(texts: string[], options: { warmup?: boolean } = {}): BenchResult {
  if (options.warmup !== false) for (const body of texts.slice(0, 2000)) extractAd({ body });
  const t0 = performance.now();
  for (const body of texts) extractAd({ body });
  const elapsed = performance.now() - t0;
  const perExtractorMs: Record<string, number> = {};
  for (const body of texts) extractAd({ body }, perExtractorMs);
  for (const k of Object.keys(perExtractorMs)) perExtractorMs[k] = Math.round(perExtractorMs[k] * 10) / 10;
  const dominant = Object.entries(perExtractorMs).sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
  return { ads: texts.length, adsPerSec: Math.round(texts.length / (elapsed / 1000)), perExtractorMs, dominant };
}

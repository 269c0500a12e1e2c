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
  /** Ads per second of this process's CPU time: steadier than `adsPerSec` on a machine shared with other work. */
  adsPerCpuSec: number;
  /**
   * Total milliseconds spent in each extractor (cue includes nothing else). The per-text passes every extractor
   * shares (normalization, lower case, digit runs, word starts: `text/`) are timed apart, as "text".
   */
  perExtractorMs: Record<string, number>;
  /** The extractor with the largest share (the shared "text" passes aside). */
  dominant: string;
}

/** Extract from every text (as an ad body) once to warm up, then time a second pass. */
export function benchExtract(texts: string[], options: { warmup?: boolean } = {}): BenchResult {
  if (options.warmup !== false) for (const body of texts.slice(0, 2000)) extractAd({ body });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const body of texts) extractAd({ body });
  const cpu = process.cpuUsage(c0);
  const elapsed = performance.now() - t0;
  const perExtractorMs: Record<string, number> = {};
  for (const body of texts) extractAd({ body }, perExtractorMs);
  for (const k of Object.keys(perExtractorMs)) perExtractorMs[k] = Math.round(perExtractorMs[k] * 10) / 10;
  const dominant = Object.entries(perExtractorMs).filter(([k]) => k !== "text").sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
  const adsPerCpuSec = Math.round(texts.length / ((cpu.user + cpu.system) / 1e6));
  return { ads: texts.length, adsPerSec: Math.round(texts.length / (elapsed / 1000)), adsPerCpuSec, perExtractorMs, dominant };
}

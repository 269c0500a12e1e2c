/** The analyze stage against the store: read ads, facts and template links; score; write scores back. */
import { AnalysisBuilder, ANALYSIS_FACT_KINDS, type AnalysisData } from "../analyze/data.js";
import { analyzeCorpus, type CorpusAnalysis } from "../analyze/analyze.js";
import { DEFAULT_RISK_MODEL, type RiskModel } from "../analyze/risk-model.js";
import type { Store } from "../store/store.js";

const BATCH = 20_000;

/** Reads everything the analysis needs in a few batched scans. */
export async function loadAnalysisData(store: Store): Promise<AnalysisData> {
  const b = new AnalysisBuilder();
  for await (const rows of store.analysisAds(BATCH)) b.addAds(rows);
  for await (const rows of store.analysisFacts(ANALYSIS_FACT_KINDS, BATCH)) b.addFacts(rows);
  for await (const flat of store.analysisLinks(["template"], BATCH)) b.addLinks(flat);
  return b.build();
}

export interface AnalyzeSummary {
  ads: number;
  networks: number;
  model: string;
  runId: number | null;
  timings: Record<string, number>;
}

/**
 * Loads, scores and (unless `persist` is false) replaces the stored scores.
 *
 * @example
 * const { analysis, summary } = await analyzeStore(store);
 */
export async function analyzeStore(
  store: Store,
  opts: { model?: RiskModel; persist?: boolean } = {},
): Promise<{ analysis: CorpusAnalysis; summary: AnalyzeSummary }> {
  const model = opts.model ?? DEFAULT_RISK_MODEL;
  const persist = opts.persist ?? true;
  const runId = persist ? await store.startRun("analyze", { model: model.version }) : null;
  try {
    const t0 = performance.now();
    const data = await loadAnalysisData(store);
    const t1 = performance.now();
    const analysis = analyzeCorpus(data, model);
    const t2 = performance.now();
    if (runId !== null) {
      await store.replaceScores(
        runId,
        model.version,
        analysis.networks.map((n) => ({
          networkId: n.id,
          size: n.features.ads,
          score: n.risk.score,
          confidence: n.risk.confidence,
          contributions: n.risk.contributions,
          features: n.features,
        })),
        Array.from({ length: data.n }, (_, i) => ({ adId: data.adId[i], score: analysis.adScore[i], cues: analysis.adCues[i] })),
      );
    }
    const t3 = performance.now();
    const timings = { read: (t1 - t0) / 1000, score: (t2 - t1) / 1000, write: (t3 - t2) / 1000 };
    const summary = { ads: data.n, networks: analysis.networks.length, model: model.version, runId, timings };
    if (runId !== null) await store.finishRun(runId, "ok", { ads: data.n, networks: analysis.networks.length }, timings);
    return { analysis, summary };
  } catch (e) {
    if (runId !== null) await store.finishRun(runId, "failed", {}, {});
    throw e;
  }
}

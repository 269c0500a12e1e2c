/** The whole analysis of one corpus, in memory: features, scores and trails of every network. */
import type { AnalysisData } from "./data.js";
import { cityPriceMedians, networkFeatures, networkTrail, type NetworkFeatures } from "./features.js";
import type { Visit } from "./movement.js";
import { scoreAd, scoreNetwork, type RiskScore } from "./risk.js";
import { validateRiskModel, type RiskModel } from "./risk-model.js";

export interface NetworkAnalysis {
  index: number;
  id: string;
  features: NetworkFeatures;
  risk: RiskScore;
  visits: Visit[];
}

export interface CorpusAnalysis {
  data: AnalysisData;
  model: RiskModel;
  networks: NetworkAnalysis[];
  /** Risk of each ad's network, by ad index. */
  networkRisk: Float64Array;
  /** Each ad's own cue score, by ad index. */
  adScore: Float64Array;
  adCues: string[][];
}

/**
 * Scores every network (singletons included) and every ad.
 *
 * @example
 * const a = analyzeCorpus(builder.build(), DEFAULT_RISK_MODEL);
 * a.networks.sort((x, y) => y.risk.score - x.risk.score)[0].risk.contributions;
 */
export function analyzeCorpus(data: AnalysisData, model: RiskModel): CorpusAnalysis {
  validateRiskModel(model);
  const medians = cityPriceMedians(data);
  const networks: NetworkAnalysis[] = [];
  const networkRisk = new Float64Array(data.n);
  for (let k = 0; k < data.networkIds.length; k++) {
    const visits = networkTrail(data, k);
    const features = networkFeatures(data, k, medians, visits);
    const risk = scoreNetwork(model, features);
    networks.push({ index: k, id: data.networkIds[k], features, risk, visits });
    for (let j = data.netStart[k]; j < data.netStart[k + 1]; j++) networkRisk[data.order[j]] = risk.score;
  }
  const adScore = new Float64Array(data.n);
  const adCues: string[][] = new Array<string[]>(data.n);
  const memo = new Map<number, { score: number; cues: string[] }>();
  for (let i = 0; i < data.n; i++) {
    let s = memo.get(data.cues[i]);
    if (!s) memo.set(data.cues[i], (s = scoreAd(model, data.cues[i])));
    adScore[i] = s.score;
    adCues[i] = s.cues;
  }
  return { data, model, networks, networkRisk, adScore, adCues };
}

/**
 * Scoring with a `RiskModel`: network scores with every contribution listed, per-ad scores from the ad-level
 * cues, and a confidence that grows with the evidence behind a score. Scores are triage signals for an analyst,
 * not findings: a high score says "read this network first", never "this is trafficking".
 */
import type { ScoreContribution } from "../store/analysis.js";
import { hasCue } from "./cues.js";
import type { NetworkFeatures } from "./features.js";
import { sigmoid, transformValue, type RiskModel } from "./risk-model.js";

export interface RiskScore {
  score: number;
  logit: number;
  confidence: number;
  /** Non-zero contributions, largest magnitude first. */
  contributions: ScoreContribution[];
}

function reasonText(template: string, v: number): string {
  const pct = `${Math.round(v * 100)}%`;
  const shown = Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
  return template.replace("{v}", shown).replace("{pct}", pct);
}

/** Sums capped group contributions; each term's share of its group's cap is kept proportional. */
function combine(model: RiskModel, parts: ScoreContribution[]): number {
  const byGroup = new Map<string, number>();
  for (const p of parts) byGroup.set(p.group, (byGroup.get(p.group) ?? 0) + p.contribution);
  let logit = model.bias;
  for (const [g, sum] of byGroup) {
    const capped = Math.max(-model.groupCap, Math.min(model.groupCap, sum));
    if (capped !== sum && sum !== 0) for (const p of parts) if (p.group === g) p.contribution *= capped / sum;
    logit += capped;
  }
  return logit;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Scores one network.
 *
 * @example
 * scoreNetwork(DEFAULT_RISK_MODEL, { names: 6, ages: 4, phones: 2, … }).contributions[0].reason; // "6 names"
 */
export function scoreNetwork(model: RiskModel, f: NetworkFeatures): RiskScore {
  const parts: ScoreContribution[] = [];
  for (const t of model.terms) {
    const x = f[t.feature];
    if (x === undefined) continue;
    const v = transformValue(t.transform, x);
    if (v === 0 || t.weight === 0) continue;
    parts.push({ feature: t.feature, group: t.group, value: x, weight: t.weight, contribution: t.weight * v, reason: reasonText(t.reason, x), source: t.source });
  }
  const logit = combine(model, parts);
  for (const p of parts) p.contribution = round3(p.contribution);
  parts.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.feature.localeCompare(b.feature));
  const ads = f.ads ?? 1;
  const coverage = f.identityCoverage ?? 1;
  const confidence = (1 - Math.exp(-ads / model.confidenceAds)) * (0.5 + 0.5 * coverage);
  return { score: round3(sigmoid(logit)), logit, confidence: round3(confidence), contributions: parts };
}

/** Just the score, for ranking many networks fast (e.g. leave-one-group-out evaluation). */
export function scoreOnly(model: RiskModel, f: NetworkFeatures): number {
  const byGroup = new Map<string, number>();
  for (const t of model.terms) {
    const x = f[t.feature];
    if (x === undefined || t.weight === 0) continue;
    const v = transformValue(t.transform, x);
    if (v) byGroup.set(t.group, (byGroup.get(t.group) ?? 0) + t.weight * v);
  }
  let logit = model.bias;
  for (const s of byGroup.values()) logit += Math.max(-model.groupCap, Math.min(model.groupCap, s));
  return sigmoid(logit);
}

/** An ad's own score from its cues (terms with `adCue`), and the cues that contributed. */
export function scoreAd(model: RiskModel, cueMask: number): { score: number; cues: string[] } {
  const byGroup = new Map<string, number>();
  const used: string[] = [];
  for (const t of model.terms) {
    if (!t.adCue || t.weight === 0 || !hasCue(cueMask, t.adCue)) continue;
    const v = transformValue(t.transform, 1);
    byGroup.set(t.group, (byGroup.get(t.group) ?? 0) + t.weight * v);
    used.push(t.adCue);
  }
  let logit = model.bias;
  for (const s of byGroup.values()) logit += Math.max(-model.groupCap, Math.min(model.groupCap, s));
  return { score: round3(sigmoid(logit)), cues: used };
}

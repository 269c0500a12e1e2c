/**
 * The risk model: a versioned, transparent additive model in log-odds. Each term maps one network feature to
 * [0, 1] (a share, or a linear ramp between two values), multiplies it by its weight and lists the result as a
 * contribution with its reason and source. Contributions of one **group** are capped at `groupCap`, and the model
 * is rejected unless `bias + groupCap < 0`: no single group of indicators (for instance a stated ethnicity) can
 * lift a network above 0.5 on its own.
 *
 * Weights: the four NIJ-2024 predictors get equal weight 1.0 (the study reports them significant; we do not
 * reproduce its odds ratios here); movement language gets ln(0.3) ≈ −1.2 (about 70 % less likely in trafficking
 * ads); weak keyword-list cues get half weight; cluster-level indicators from practitioners (FINTRAC alerts,
 * Memex/VisPaD features) are capped groups. `threadline train` can learn the weights instead.
 */

export type Transform = { kind: "share" } | { kind: "ramp"; from: number; to: number };

export interface RiskTerm {
  feature: string;
  group: string;
  weight: number;
  transform: Transform;
  /** Reason template: `{v}` the raw value, `{pct}` the value as a percentage. */
  reason: string;
  /** Source id (see docs/indicators.md). */
  source: string;
  /** Per-ad scoring uses this term too: the ad's value is 1 when the cue is present. */
  adCue?: string;
}

export interface RiskModel {
  version: string;
  bias: number;
  groupCap: number;
  /** Ads at which confidence reaches ~63 % (1 − e^−1). */
  confidenceAds: number;
  terms: RiskTerm[];
}

export const DEFAULT_RISK_MODEL: RiskModel = {
  version: "risk-v1 (2025, evidence-weighted)",
  bias: -4.5,
  groupCap: 2.2,
  confidenceAds: 8,
  terms: [
    { feature: "names", group: "identities", weight: 1.2, transform: { kind: "ramp", from: 1, to: 6 }, reason: "{v} names", source: "vispad-memex" },
    { feature: "ages", group: "identities", weight: 0.5, transform: { kind: "ramp", from: 1, to: 5 }, reason: "{v} ages", source: "vispad-memex" },
    { feature: "ethnicities", group: "identities", weight: 0.5, transform: { kind: "ramp", from: 1, to: 4 }, reason: "{v} ethnicities", source: "vispad-memex" },
    { feature: "concurrentPhones", group: "phones", weight: 1.2, transform: { kind: "ramp", from: 1, to: 4 }, reason: "{v} phones in use within 14 days", source: "fintrac-2016" },
    { feature: "phoneEntropy", group: "phones", weight: 0.6, transform: { kind: "ramp", from: 0.5, to: 2.5 }, reason: "phone entropy {v} bits", source: "vispad-memex" },
    { feature: "cities", group: "mobility", weight: 0.6, transform: { kind: "ramp", from: 1, to: 5 }, reason: "{v} cities", source: "fintrac-2016" },
    { feature: "movesPer30Days", group: "mobility", weight: 0.8, transform: { kind: "ramp", from: 0.5, to: 3 }, reason: "{v} city moves per 30 days", source: "fintrac-2016" },
    { feature: "spreadKm", group: "mobility", weight: 0.4, transform: { kind: "ramp", from: 100, to: 800 }, reason: "cities {v} km apart", source: "vispad-memex" },
    { feature: "share_trustworthy_language", group: "trustworthy", weight: 1.0, transform: { kind: "share" }, reason: "trustworthy/professional language in {pct} of ads", source: "nij-2024", adCue: "trustworthy_language" },
    { feature: "share_obscured_phone", group: "obscured_phone", weight: 1.0, transform: { kind: "share" }, reason: "obscured phone in {pct} of ads", source: "nij-2024", adCue: "obscured_phone" },
    { feature: "share_ethnicity_stated", group: "ethnicity", weight: 1.0, transform: { kind: "share" }, reason: "ethnicity stated in {pct} of ads", source: "nij-2024", adCue: "ethnicity_stated" },
    { feature: "share_youthful_language", group: "youthful", weight: 1.0, transform: { kind: "share" }, reason: "youthful language in {pct} of ads", source: "nij-2024", adCue: "youthful_language" },
    { feature: "share_movement_language", group: "movement_language", weight: -1.2, transform: { kind: "share" }, reason: "new-in-town language in {pct} of ads (less likely in trafficking ads)", source: "nij-2024", adCue: "movement_language" },
    { feature: "share_client_screening", group: "screening", weight: 0, transform: { kind: "share" }, reason: "client screening in {pct} of ads (not a predictor)", source: "nij-2024", adCue: "client_screening" },
    { feature: "share_third_person", group: "weak_cues", weight: 0.5, transform: { kind: "share" }, reason: "third-person language in {pct} of ads", source: "keyword-lists", adCue: "third_person" },
    { feature: "share_multiple_providers", group: "weak_cues", weight: 0.5, transform: { kind: "share" }, reason: "several people offered in {pct} of ads", source: "keyword-lists", adCue: "multiple_providers" },
    { feature: "templateReuse", group: "template", weight: 0.6, transform: { kind: "ramp", from: 0.1, to: 0.6 }, reason: "one template for different names in {pct} of its template links", source: "infoshield-2021" },
    { feature: "minorStated", group: "minor", weight: 1.5, transform: { kind: "ramp", from: 0, to: 1 }, reason: "{v} ads state an age under 18", source: "legal-minor", adCue: "stated_age_under_18" },
    { feature: "adsPerWeek", group: "volume", weight: 0.3, transform: { kind: "ramp", from: 3, to: 20 }, reason: "{v} ads per week", source: "vispad-memex" },
    { feature: "relativePrice", group: "price", weight: 0, transform: { kind: "ramp", from: 1, to: 0.6 }, reason: "price {v}× the city median (not weighted: no validated direction)", source: "vispad-memex" },
  ],
};

/** Groups analysts think of as one cue; `eval` leaves each out in turn. */
export function groupsOf(model: RiskModel): string[] {
  return [...new Set(model.terms.map((t) => t.group))];
}

/** The largest score any single group can produce alone (with every other feature at zero). */
export function maxSingleGroupLogit(model: RiskModel): { group: string; logit: number } {
  let best = { group: "", logit: -Infinity };
  for (const g of groupsOf(model)) {
    const pos = model.terms.filter((t) => t.group === g && t.weight > 0).reduce((s, t) => s + t.weight, 0);
    const logit = model.bias + Math.min(model.groupCap, pos);
    if (logit > best.logit) best = { group: g, logit };
  }
  return best;
}

/** Throws unless the model is well-formed and no single group can reach a score of 0.5. */
export function validateRiskModel(model: RiskModel): RiskModel {
  if (!model.version) throw new Error("analyze: risk model needs a version");
  if (!(model.groupCap > 0)) throw new Error("analyze: risk model groupCap must be positive");
  for (const t of model.terms) {
    if (!Number.isFinite(t.weight)) throw new Error(`analyze: risk model term ${t.feature}: weight is not a number`);
    if (t.transform.kind === "ramp" && t.transform.from === t.transform.to) throw new Error(`analyze: risk model term ${t.feature}: empty ramp`);
  }
  const m = maxSingleGroupLogit(model);
  if (m.logit >= 0) {
    throw new Error(`analyze: risk model ${model.version}: group "${m.group}" alone reaches a score of ${sigmoid(m.logit).toFixed(2)} — a single cue group must stay below 0.5 (lower groupCap or bias)`);
  }
  return model;
}

/** A copy of the model without one group (for leave-one-group-out evaluation). */
export function withoutGroup(model: RiskModel, group: string): RiskModel {
  return { ...model, version: `${model.version} without ${group}`, terms: model.terms.filter((t) => t.group !== group) };
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function transformValue(t: Transform, x: number): number {
  if (!Number.isFinite(x)) return 0;
  const v = t.kind === "share" ? x : (x - t.from) / (t.to - t.from);
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

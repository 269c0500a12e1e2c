import { describe, expect, it } from "vitest";
import { DEFAULT_RISK_MODEL, maxSingleGroupLogit } from "../../src/analyze/risk-model.js";
import { trainRiskModel, type LabelledNetwork } from "../../src/analyze/train.js";
import { createRng } from "../../src/synth/index.js";

function rows(seed: number): LabelledNetwork[] {
  const rng = createRng(seed);
  return Array.from({ length: 300 }, (_, i) => {
    const label = i % 5 === 0;
    return {
      id: `N-${i}`,
      label,
      features: {
        ads: 10,
        identityCoverage: 1,
        concurrentPhones: label ? 2 + rng.int(3) : 1 + (rng.chance(0.1) ? 1 : 0),
        share_youthful_language: label ? 0.5 + 0.5 * rng.next() : 0.2 * rng.next(),
        share_ethnicity_stated: rng.next(),
      },
    };
  });
}

describe("train", () => {
  it("learns weights with a cross-validated AUC, reproducibly, keeping the single-group ceiling", () => {
    const a = trainRiskModel(rows(1), DEFAULT_RISK_MODEL);
    const b = trainRiskModel(rows(1), DEFAULT_RISK_MODEL);
    expect(a.model).toEqual(b.model);
    expect(a.cvAuc).toBe(b.cvAuc);
    expect(a.cvAuc).toBeGreaterThan(0.9);
    expect(a.model.terms.find((t) => t.feature === "share_youthful_language")?.weight).toBeGreaterThan(0.5);
    expect(Math.abs(a.model.terms.find((t) => t.feature === "share_ethnicity_stated")?.weight ?? 9)).toBeLessThan(1);
    expect(maxSingleGroupLogit(a.model).logit).toBeLessThan(0);
  });

  it("refuses too few labels", () => {
    expect(() => trainRiskModel(rows(2).slice(0, 8), DEFAULT_RISK_MODEL)).toThrow(/at least/);
  });
});

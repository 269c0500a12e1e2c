import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeCorpus } from "../../src/analyze/analyze.js";
import { evaluateRisk, networkTruthKinds } from "../../src/analyze/evaluate.js";
import { precisionAtK, rocAuc } from "../../src/analyze/metrics.js";
import { scoreNetwork, scoreOnly } from "../../src/analyze/risk.js";
import { DEFAULT_RISK_MODEL, groupsOf, maxSingleGroupLogit, validateRiskModel } from "../../src/analyze/risk-model.js";
import { corpusData } from "./fixture.js";

describe("ranking metrics", () => {
  it("AUC is 1 for a perfect ranking, ½ for ties, and flips with the scores", () => {
    expect(rocAuc([0.9, 0.8, 0.1], [true, true, false])).toBe(1);
    expect(rocAuc([0.5, 0.5], [true, false])).toBe(0.5);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()), { minLength: 2, maxLength: 40 }), (rows) => {
        const s = rows.map((r) => r[0]);
        const y = rows.map((r) => r[1]);
        const a = rocAuc(s, y);
        if (Number.isNaN(a)) return;
        expect(rocAuc(s.map((x) => -x), y)).toBeCloseTo(1 - a, 9);
      }),
    );
    expect(precisionAtK([3, 2, 1], [true, false, true], 2)).toBe(0.5);
  });
});

describe("risk model", () => {
  it("the default model is valid and no single cue group can reach 0.5 alone", () => {
    validateRiskModel(DEFAULT_RISK_MODEL);
    expect(maxSingleGroupLogit(DEFAULT_RISK_MODEL).logit).toBeLessThan(0);
    // every feature of one group at its maximum, everything else at zero
    for (const g of groupsOf(DEFAULT_RISK_MODEL)) {
      const f: Record<string, number> = { ads: 50, identityCoverage: 1 };
      for (const t of DEFAULT_RISK_MODEL.terms) if (t.group === g) f[t.feature] = t.transform.kind === "share" ? 1 : Math.max(t.transform.from, t.transform.to) * 10;
      expect(scoreOnly(DEFAULT_RISK_MODEL, f), g).toBeLessThan(0.5);
    }
  });

  it("rejects a model whose single group could dominate", () => {
    expect(() => validateRiskModel({ ...DEFAULT_RISK_MODEL, bias: -1.5 })).toThrow(/single cue group/);
  });

  it("lists contributions that add up to the score, with reasons and sources", () => {
    const f = { ads: 30, names: 6, ages: 4, concurrentPhones: 3, cities: 5, movesPer30Days: 2, share_youthful_language: 0.7, share_third_person: 0.7, identityCoverage: 1 };
    const r = scoreNetwork(DEFAULT_RISK_MODEL, f);
    const logit = DEFAULT_RISK_MODEL.bias + r.contributions.reduce((s, c) => s + c.contribution, 0);
    expect(r.score).toBeCloseTo(1 / (1 + Math.exp(-logit)), 2);
    expect(r.contributions.map((c) => c.reason)).toContain("6 names");
    expect(r.contributions.find((c) => c.feature === "share_youthful_language")?.reason).toBe("youthful language in 70% of ads");
    expect(r.contributions.every((c) => c.source.length > 0)).toBe(true);
    expect(r.confidence).toBeGreaterThan(scoreNetwork(DEFAULT_RISK_MODEL, { ...f, ads: 2 }).confidence);
  });

  it("separates trafficking-like networks from independent advertisers on a synthetic corpus", () => {
    const { data, truth } = corpusData({ ads: 8_000, seed: 5, kindShare: { independent: 0.75, agency: 0.05, trafficking: 0.15, scam: 0.05 } });
    const a = analyzeCorpus(data, DEFAULT_RISK_MODEL);
    const kinds = networkTruthKinds(a, truth);
    const r = evaluateRisk(a.networks.map((n) => n.features), kinds, DEFAULT_RISK_MODEL, 2);
    expect(r.positives).toBeGreaterThan(10);
    expect(r.auc).toBeGreaterThan(0.93);
    for (const g of r.leaveOneGroupOut) expect(g.auc, g.group).toBeGreaterThan(0.85);
    // every ad carries its network's score
    const k = a.networks.findIndex((n) => n.features.ads > 3);
    expect(a.networkRisk[data.order[data.netStart[k]]]).toBe(a.networks[k].risk.score);
  });
});

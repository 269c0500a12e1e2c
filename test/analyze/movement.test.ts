import { describe, expect, it } from "vitest";
import { analyzeCorpus } from "../../src/analyze/analyze.js";
import { circuitRecovery } from "../../src/analyze/evaluate.js";
import { odTable, summarizeTrail, trail, transitions } from "../../src/analyze/movement.js";
import { DEFAULT_RISK_MODEL } from "../../src/analyze/risk-model.js";
import { CIRCUITS } from "../../src/synth/vocab/places.js";
import { corpusData } from "./fixture.js";

const A = 0;
const B = 1;
const C = 2;

describe("movement", () => {
  it("builds visits per city, orders them, and marks returns", () => {
    const v = trail([
      { day: 0, city: A }, { day: 2, city: A }, { day: 10, city: B }, { day: 12, city: B }, { day: 20, city: C }, { day: 31, city: A }, { day: 5, city: -1 },
    ]);
    expect(v.map((x) => x.city)).toEqual([A, B, C, A]);
    expect(v.map((x) => x.isReturn)).toEqual([false, false, false, true]);
    expect(transitions(v).map((t) => [t.from, t.to])).toEqual([[A, B], [B, C], [C, A]]);
    expect(summarizeTrail(v)).toMatchObject({ visits: 4, cities: 3, transitions: 3, returns: 1 });
  });

  it("two crews working two cities at once do not zig-zag", () => {
    const pts = [];
    for (let d = 0; d < 10; d++) pts.push({ day: d, city: A }, { day: d + 0.5, city: B });
    for (let d = 10; d < 20; d++) pts.push({ day: d, city: C }, { day: d + 0.5, city: B });
    expect(transitions(trail(pts))).toHaveLength(2);
  });

  it("counts origin–destination flows once per network", () => {
    const v1 = trail([{ day: 0, city: A }, { day: 10, city: B }, { day: 20, city: A }, { day: 30, city: B }]);
    const v2 = trail([{ day: 0, city: A }, { day: 10, city: B }]);
    const od = odTable([{ visits: v1, risk: 0.9 }, { visits: v2, risk: 0.1 }]);
    expect(od[0]).toMatchObject({ from: A, to: B, moves: 3, networks: 2 });
    expect(od[0].riskNetworks).toBeCloseTo(1);
  });

  it("recovers most planted circuit transitions of a synthetic corpus", () => {
    const { data, truth } = corpusData({ ads: 7_000, seed: 9, kindShare: { independent: 0.7, agency: 0.05, trafficking: 0.2, scam: 0.05 } });
    const r = circuitRecovery(analyzeCorpus(data, DEFAULT_RISK_MODEL), truth, CIRCUITS);
    expect(r.planted).toBeGreaterThan(20);
    expect(r.share).toBeGreaterThan(0.8);
  });
});

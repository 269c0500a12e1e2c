import { describe, expect, it } from "vitest";
import { AnalysisBuilder } from "../../src/analyze/data.js";
import { covariateCorrelations, fisherInterval } from "../../src/analyze/covariates.js";
import { parseCsv } from "../../src/analyze/csv.js";
import { eventEffects, parseEvents } from "../../src/analyze/events.js";
import { detectSpikes, hotspotTable, robustBaseline } from "../../src/analyze/hotspots.js";
import type { AnalysisAdRow } from "../../src/store/analysis.js";

/** Steady weekly ads in three cities, then a surge of many distinct networks in one city for one week. */
function fixture() {
  const ads: AnalysisAdRow[] = [];
  let id = 0;
  const start = Date.parse("2024-01-01T12:00:00Z"); // a Monday
  const cities = ["Toronto", "Montréal", "Ottawa"];
  for (let w = 0; w < 30; w++) {
    for (const [ci, city] of cities.entries()) {
      const n = 10 + ((w * 7 + ci * 3) % 5);
      for (let k = 0; k < n; k++) ads.push({ adId: ++id, sourceAdId: `a${id}`, postedAt: new Date(start + (w * 7 + (k % 7)) * 86_400_000).toISOString(), city, region: null, networkId: `N-${ci}-${k % 4}` });
    }
  }
  for (let k = 0; k < 40; k++) ads.push({ adId: ++id, sourceAdId: `e${k}`, postedAt: new Date(start + (20 * 7 + (k % 7)) * 86_400_000).toISOString(), city: "Montreal", region: "QC", networkId: `E-${k % 10}` });
  const b = new AnalysisBuilder();
  b.addAds(ads);
  const data = b.build();
  // risk: the surge networks are high-risk, the steady ones low
  const risk = Float64Array.from({ length: data.n }, (_, i) => (data.networkIds[data.net[i]].startsWith("E-") ? 0.9 : 0.1));
  return { data, risk, table: hotspotTable(data, risk) };
}

describe("hotspots", () => {
  it("finds the surge at the right city and week, with no alarm in quiet weeks", () => {
    const { table } = fixture();
    for (const m of ["networks", "risk", "ads"] as const) {
      const r = detectSpikes(table, m);
      expect(r.spikes.length, m).toBe(1);
      expect(r.spikes[0].area).toBe("montreal");
      expect(r.spikes[0].week - table.firstWeek).toBe(20);
      if (m !== "networks") expect(r.tested).toBeGreaterThan(60);
    }
  });

  it("uses a robust baseline: one earlier outlier does not move it", () => {
    const s = [10, 11, 9, 10, 500, 10, 11, 10, 12];
    const b = robustBaseline(s, 8, { baselineWeeks: 12, minHistory: 6, z: 5, minExcess: 8, minRatio: 2 });
    expect(b?.median).toBe(10);
    expect(b?.scale).toBeLessThan(5);
  });

  it("reports an event's change against comparable weeks", () => {
    const { table } = fixture();
    const evs = parseEvents("name,city,start,end\nGrand Prix,Montreal,2024-05-20,2024-05-26\nQuiet,Ottawa,2024-05-20,2024-05-26\nNowhere,Atlantis,2024-05-20,2024-05-26\n");
    const [gp, quiet, none] = eventEffects(table, evs, "risk");
    expect(gp.ratio).toBeGreaterThan(2);
    expect(gp.z).toBeGreaterThan(5);
    expect(Math.abs(quiet.z)).toBeLessThan(3);
    expect(none.note).toMatch(/no ads/);
    expect(() => parseEvents("name,city,start\nx,y,2024-01-01\n")).toThrow(/end/);
  });

  it("correlates covariates with intervals and warns when there are too few areas", () => {
    const { table } = fixture();
    const c = covariateCorrelations(table, parseCsv("city,median_income,unemployment\nToronto,80000,6.1\nMontreal,60000,7.5\nOttawa,85000,5.2\nAtlantis,1,1\n", "cov.csv"));
    expect(c.matched).toHaveLength(3);
    expect(c.unmatched).toEqual(["Atlantis"]);
    expect(c.correlations).toHaveLength(6);
    expect(c.correlations.every((r) => r.warning?.includes("too few"))).toBe(true);
    const [lo, hi] = fisherInterval(0.5, 50);
    expect(lo).toBeGreaterThan(0.2);
    expect(hi).toBeLessThan(0.7);
  });
});

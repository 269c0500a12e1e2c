/** Builds the HTML report's input from a corpus analysis (pure). */
import type { CorpusAnalysis } from "./analyze.js";
import { weekStart } from "./geo.js";
import { detectSpikes, hotspotTable } from "./hotspots.js";
import { odTable } from "./movement.js";
import type { ReportInput } from "./report.js";

export function topNetworks(a: CorpusAnalysis, n: number, minSize = 2) {
  return a.networks.filter((x) => x.features.ads >= minSize).sort((x, y) => y.risk.score - x.risk.score || x.id.localeCompare(y.id)).slice(0, n);
}

export function cityLabel(a: CorpusAnalysis, c: number): string {
  return c >= 0 ? a.data.cities[c].key : "?";
}

export function buildReportInput(a: CorpusAnalysis, opts: { top?: number; samples?: Record<string, string> } = {}): ReportInput {
  const top = topNetworks(a, opts.top ?? 25);
  const table = hotspotTable(a.data, a.networkRisk);
  const spikes = detectSpikes(table, "networks").spikes.slice(0, 20);
  const flows = odTable(a.networks.filter((n) => n.features.ads >= 2).map((n) => ({ visits: n.visits, risk: n.risk.score }))).slice(0, 20);
  const hot = table.cities
    .map((c) => ({ city: c.key, ads: c.ads.reduce((s, v) => s + v, 0), risk: c.risk.reduce((s, v) => s + v, 0) }))
    .sort((x, y) => y.risk - x.risk)
    .slice(0, 15);
  return {
    generatedAt: new Date().toISOString(),
    model: a.model.version,
    ads: a.data.n,
    networks: a.networks.length,
    top: top.map((n) => ({
      id: n.id,
      score: n.risk.score,
      confidence: n.risk.confidence,
      ads: n.features.ads,
      reasons: n.risk.contributions.filter((c) => c.contribution > 0).slice(0, 5).map((c) => c.reason),
      visits: n.visits.map((v) => ({ city: cityLabel(a, v.city), from: v.from, to: v.to, ads: v.ads })),
    })),
    flows: flows.map((f) => ({ from: cityLabel(a, f.from), to: cityLabel(a, f.to), networks: f.networks, moves: f.moves })),
    spikes: spikes.map((s) => ({ area: s.area, week: weekStart(s.week), value: s.value, baseline: s.baseline, z: s.z })),
    hotCities: hot,
    weekly: { weeks: Array.from({ length: table.weeks }, (_, i) => weekStart(table.firstWeek + i)), ads: table.total.ads, risk: table.total.risk },
    samples: opts.samples,
  };
}

/**
 * The self-contained HTML report: top networks with reasons, their trails, city flows, hotspots and the weekly
 * trend. Inline SVG and CSS only — no scripts, no external fetches; every string from the data is escaped.
 */
import { barChart, esc, lineChart, trailChart } from "./svg.js";

export interface ReportNetwork {
  id: string;
  score: number;
  confidence: number;
  ads: number;
  reasons: string[];
  visits: { city: string; from: number; to: number; ads: number }[];
}

export interface ReportInput {
  generatedAt: string;
  model: string;
  ads: number;
  networks: number;
  top: ReportNetwork[];
  flows: { from: string; to: string; networks: number; moves: number }[];
  spikes: { area: string; week: string; value: number; baseline: number; z: number }[];
  hotCities: { city: string; ads: number; risk: number }[];
  weekly: { weeks: string[]; ads: ArrayLike<number>; risk: ArrayLike<number> };
  /** A sample ad text per top network (escaped on output). */
  samples?: Record<string, string>;
}

const day = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:980px;color:#1d2433}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d5dae3}
.note{background:#fff6db;border:1px solid #e8c86a;padding:.6rem .9rem;border-radius:4px}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border-bottom:1px solid #e3e7ee;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#f3f5f9}td.num{text-align:right;font-variant-numeric:tabular-nums}
.chart text{font-size:11px;fill:#1d2433}.bar{fill:#b3452c}.visit{fill:#2c6db3}.route{stroke:#9fb7d6;stroke-width:1}
.axis{stroke:#888}.ads{stroke:#2c6db3;stroke-width:1.5}.risk{stroke:#b3452c;stroke-width:1.5}.ads-label{fill:#2c6db3}.risk-label{fill:#b3452c}
blockquote{font-size:12px;color:#555;margin:.3rem 0 .6rem 1rem;white-space:pre-wrap}`;

/**
 * Renders the report.
 *
 * @example
 * writeFileSync("report.html", renderReport(input));
 */
export function renderReport(r: ReportInput): string {
  const top = r.top
    .map(
      (n, i) => `<tr><td class="num">${i + 1}</td><td>${esc(n.id)}</td><td class="num">${n.score.toFixed(2)}</td><td class="num">${n.confidence.toFixed(2)}</td><td class="num">${n.ads}</td><td>${esc(n.reasons.join("; "))}</td></tr>`,
    )
    .join("");
  const trails = r.top
    .filter((n) => n.visits.length > 0)
    .slice(0, 6)
    .map((n, i) => {
      const sample = r.samples?.[n.id];
      return `<h3>${esc(n.id)} — risk ${n.score.toFixed(2)}</h3>${trailChart(n.visits, { id: `trail-${i}`, title: `Trail of ${n.id}`, dateLabel: day })}${sample ? `<blockquote>${esc(sample)}</blockquote>` : ""}`;
    })
    .join("");
  const flows = r.flows.map((f) => `<tr><td>${esc(f.from)}</td><td>${esc(f.to)}</td><td class="num">${f.networks}</td><td class="num">${f.moves}</td></tr>`).join("");
  const spikes = r.spikes.map((s) => `<tr><td>${esc(s.area)}</td><td>${esc(s.week)}</td><td class="num">${s.value.toFixed(1)}</td><td class="num">${s.baseline.toFixed(1)}</td><td class="num">${s.z.toFixed(1)}</td></tr>`).join("");
  const hot = r.hotCities.map((c) => `<tr><td>${esc(c.city)}</td><td class="num">${c.ads}</td><td class="num">${c.risk.toFixed(1)}</td></tr>`).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><title>Threadline analysis report</title><style>${CSS}</style></head><body>
<h1>Threadline analysis report</h1>
<p class="note"><strong>Scores are triage signals, not evidence.</strong> A high score means "read this network first"; it does not establish that anyone is trafficked. Every score lists the indicators behind it and their published sources (docs/indicators.md). No single indicator can raise a network above 0.5 on its own.</p>
<p>${esc(`${r.ads.toLocaleString("en-US")} ads in ${r.networks.toLocaleString("en-US")} networks (singletons included) · model ${r.model} · generated ${r.generatedAt}`)}</p>
<h2>Top networks</h2>${barChart(r.top.slice(0, 20).map((n) => ({ label: n.id, value: n.score })), { id: "chart-top", title: "Risk score of the top networks", max: 1 })}
<table id="table-top"><thead><tr><th>#</th><th>network</th><th>risk</th><th>confidence</th><th>ads</th><th>reasons</th></tr></thead><tbody>${top}</tbody></table>
<h2>Trails</h2>${trails || "<p>No trails.</p>"}
<h2>Flows between cities</h2><table id="table-flows"><thead><tr><th>from</th><th>to</th><th>networks</th><th>moves</th></tr></thead><tbody>${flows}</tbody></table>
<h2>Hotspots</h2><h3>Spikes (distinct high-risk networks posting in a city in a week, against the city's own baseline)</h3>
<table id="table-spikes"><thead><tr><th>city</th><th>week of</th><th>high-risk networks</th><th>baseline (median)</th><th>robust z</th></tr></thead><tbody>${spikes || '<tr><td colspan="5">No spikes.</td></tr>'}</tbody></table>
<h3>Cities by risk-weighted ads</h3><table id="table-hotspots"><thead><tr><th>city</th><th>ads</th><th>risk-weighted ads</th></tr></thead><tbody>${hot}</tbody></table>
<h2>Weekly trend</h2>${lineChart([{ label: "ads", values: r.weekly.ads, cls: "ads" }, { label: "risk-weighted ads", values: r.weekly.risk, cls: "risk" }], { id: "chart-weekly", title: "Ads and risk-weighted ads per week", xLabels: r.weekly.weeks })}
<p style="font-size:12px;color:#666">Synthetic data only in this repository. Generated by Threadline.</p>
</body></html>
`;
}

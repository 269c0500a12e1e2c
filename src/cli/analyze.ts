/**
 * Analysis faces: `analyze`, `risk`, `movement`, `hotspots`, `report`, `train`, and the risk section of `eval`.
 * Scores are triage signals for analysts, not findings — every table says so.
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import type { CorpusAnalysis } from "../analyze/analyze.js";
import { covariateCorrelations } from "../analyze/covariates.js";
import { placeKey, readCsv } from "../analyze/csv.js";
import { circuitRecovery, evaluateRisk, eventDetection, networkTruthKinds, TRUTH_DEFINITION } from "../analyze/evaluate.js";
import { eventEffects, eventsFrom, type EventSpec } from "../analyze/events.js";
import { weekStart } from "../analyze/geo.js";
import { detectSpikes, hotspotTable } from "../analyze/hotspots.js";
import { readRiskModel } from "../analyze/model-file.js";
import { odTable, trail, transitions } from "../analyze/movement.js";
import { buildReportInput, cityLabel, topNetworks } from "../analyze/report-input.js";
import { renderReport } from "../analyze/report.js";
import { DEFAULT_RISK_MODEL, type RiskModel } from "../analyze/risk-model.js";
import { trainRiskModel, type LabelledNetwork } from "../analyze/train.js";
import type { TruthRow } from "../domain/truth.js";
import { readTruthFile } from "../eval/truth-file.js";
import { analyzeStore } from "../pipeline/analyze.js";
import type { Store } from "../store/store.js";
import { DEFAULT_SYNTH_PARAMS } from "../synth/index.js";
import { CIRCUITS } from "../synth/vocab/places.js";
import { CliError, dbOption, fmt, withStore } from "./common.js";

const TRIAGE = "Scores are triage signals, not evidence: they rank networks for reading, they do not establish trafficking.";
const int = (v: string) => Number.parseInt(v, 10);
const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);
const day = (d: number) => (Number.isFinite(d) ? new Date(d * 86_400_000).toISOString().slice(0, 10) : "?");

function loadModel(path?: string): RiskModel {
  try {
    return path ? readRiskModel(path) : DEFAULT_RISK_MODEL;
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

function readTable(path: string) {
  try {
    return readCsv(path);
  } catch (e) {
    throw new CliError((e as Error).message.startsWith("analyze") ? (e as Error).message : `analyze: ${path}: ${(e as Error).message}`);
  }
}

/** The ranked table with reasons. */
export function formatRiskTable(a: CorpusAnalysis, top: number, minSize: number): string {
  const rows = topNetworks(a, top, minSize);
  const lines = [`${TRIAGE}`, `model: ${a.model.version}`, "", `${lpad("#", 3)}  ${pad("network", 14)} ${lpad("risk", 5)} ${lpad("conf", 5)} ${lpad("ads", 5)}  reasons`];
  rows.forEach((n, i) => {
    const reasons = n.risk.contributions.filter((c) => c.contribution > 0).slice(0, 5).map((c) => c.reason);
    const neg = n.risk.contributions.filter((c) => c.contribution < 0).map((c) => `− ${c.reason}`);
    lines.push(`${lpad(String(i + 1), 3)}  ${pad(n.id, 14)} ${lpad(n.risk.score.toFixed(2), 5)} ${lpad(n.risk.confidence.toFixed(2), 5)} ${lpad(String(n.features.ads), 5)}  ${[...reasons, ...neg].join("; ")}`);
  });
  return lines.join("\n");
}

function hotspotsText(a: CorpusAnalysis, o: { weeks: number; events?: string; covariates?: string }): { text: string; json: Record<string, unknown> } {
  const table = hotspotTable(a.data, a.networkRisk);
  const from = Math.max(0, table.weeks - o.weeks);
  const cities = table.cities
    .map((c) => {
      let ads = 0;
      let risk = 0;
      for (let w = from; w < table.weeks; w++) [ads, risk] = [ads + c.ads[w], risk + c.risk[w]];
      return { city: c.key, province: a.data.cities.find((x) => x.key === c.key)?.province ?? "", ads, risk };
    })
    .sort((x, y) => y.risk - x.risk);
  const provinces = table.provinces
    .map((p) => {
      let ads = 0;
      let risk = 0;
      for (let w = from; w < table.weeks; w++) [ads, risk] = [ads + p.ads[w], risk + p.risk[w]];
      return { province: p.key, ads, risk };
    })
    .sort((x, y) => y.risk - x.risk);
  const spikes = [...detectSpikes(table, "networks").spikes, ...detectSpikes(table, "risk").spikes].filter((s) => s.week >= table.firstWeek + from);
  const out = [
    TRIAGE,
    `last ${o.weeks} weeks (from ${weekStart(table.firstWeek + from)}); risk-weighted = each ad counts its network's risk score`,
    "",
    `${pad("city", 26)} ${lpad("ads", 8)} ${lpad("risk-wtd", 9)}`,
    ...cities.slice(0, 20).map((c) => `${pad(c.city, 26)} ${lpad(fmt(c.ads), 8)} ${lpad(c.risk.toFixed(1), 9)}`),
    "",
    `${pad("province", 26)} ${lpad("ads", 8)} ${lpad("risk-wtd", 9)}`,
    ...provinces.map((p) => `${pad(p.province, 26)} ${lpad(fmt(p.ads), 8)} ${lpad(p.risk.toFixed(1), 9)}`),
    "",
    "spikes: a week vs. the city's median of its previous 12 weeks; robust z = excess / max(1.4826·MAD, √median, 1) ≥ 5, ≥ 2× median, excess ≥ 4 high-risk networks (networks) or ≥ 8 risk-weighted ads (risk):",
    ...(spikes.length ? spikes.slice(0, 30).map((s) => `  ${pad(s.area, 24)} ${pad(s.measure, 8)} week of ${weekStart(s.week)}  ${s.value.toFixed(1)} vs ${s.baseline.toFixed(1)}  z ${s.z.toFixed(1)}`) : ["  none"]),
  ];
  const json: Record<string, unknown> = { weeks: o.weeks, cities, provinces, spikes: spikes.map((s) => ({ ...s, week: weekStart(s.week) })) };
  if (o.events) {
    const t = readTable(o.events);
    let evs: EventSpec[];
    try {
      evs = eventsFrom(t, o.events);
    } catch (e) {
      throw new CliError((e as Error).message);
    }
    const effects = [...eventEffects(table, evs, "ads"), ...eventEffects(table, evs, "risk"), ...eventEffects(table, evs, "networks")];
    json.events = effects;
    out.push("", "events (event weeks vs. the same city's 8 weeks before and after, event weeks excluded):");
    for (const e of effects) {
      out.push(
        `  ${pad(e.event.name, 18)} ${pad(e.area ?? e.event.city, 20)} ${pad(e.measure, 5)} during ${e.during.toFixed(1)}/week vs median ${e.comparable.median.toFixed(1)} (IQR ${e.comparable.q1.toFixed(1)}–${e.comparable.q3.toFixed(1)}, ${e.comparable.weeks} weeks): ${Number.isFinite(e.ratio) ? `×${e.ratio.toFixed(2)}` : "from zero"}, robust z ${e.z.toFixed(1)}${e.note ? ` — ${e.note}` : ""}`,
      );
    }
  }
  if (o.covariates) {
    let c: ReturnType<typeof covariateCorrelations>;
    try {
      c = covariateCorrelations(table, readTable(o.covariates));
    } catch (e) {
      throw new CliError((e as Error).message);
    }
    json.covariates = c;
    out.push("", `covariates by ${c.level} (${c.matched.length} matched${c.unmatched.length ? `; unmatched: ${c.unmatched.join(", ")}` : ""}). Correlations between areas, not about people:`);
    for (const r of c.correlations) {
      out.push(`  ${pad(r.covariate, 20)} ~ ${pad(r.outcome, 14)} n=${r.n}  r ${r.pearson.toFixed(2)} [95% ${r.ci95[0].toFixed(2)}, ${r.ci95[1].toFixed(2)}]  ρ ${r.spearman.toFixed(2)}${r.warning ? `  ⚠ ${r.warning}` : ""}`);
    }
  }
  return { text: out.join("\n"), json };
}

/** `eval --risk`: ranking quality, leave-one-group-out, circuit recovery and event detection against truth. */
export async function riskEvalReport(store: Store, truthPath: string, o: { json?: boolean; events?: string; model?: string } = {}): Promise<string> {
  const truthRows = await readTruthFile(truthPath);
  const truth = new Map<string, TruthRow>(truthRows.map((t) => [t.ad_id, t]));
  const { analysis: a } = await analyzeStore(store, { model: loadModel(o.model), persist: false });
  const kinds = networkTruthKinds(a, truth);
  const feats = a.networks.map((n) => n.features);
  const r2 = evaluateRisk(feats, kinds, a.model, 2);
  const r1 = evaluateRisk(feats, kinds, a.model, 1);
  const circuits = circuitRecovery(a, truth, CIRCUITS);
  const table = hotspotTable(a.data, a.networkRisk);
  const evs = o.events ? eventsFrom(readTable(o.events), o.events).map((e) => ({ name: e.name, city: e.city, start: e.start, days: Math.round((Date.parse(e.end) - Date.parse(e.start)) / 86_400_000) + 1 })) : DEFAULT_SYNTH_PARAMS.event ? [DEFAULT_SYNTH_PARAMS.event] : [];
  const measures = ["networks", "risk", "ads"] as const;
  const spikes = measures.map((m) => ({ m, ...detectSpikes(table, m) }));
  const events = evs.flatMap((ev) => spikes.map((s) => ({ measure: s.m, ...eventDetection(s.spikes, s.tested, ev) })));
  if (o.json) return JSON.stringify({ definition: TRUTH_DEFINITION, networksMin2: r2, allClusters: r1, circuits, events }, null, 2);
  const q = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "—");
  const lines = [
    `risk (model ${a.model.version})`,
    `definition: ${TRUTH_DEFINITION}`,
    "",
    `${pad("population", 30)} ${lpad("pos", 5)} ${lpad("neg", 6)} ${lpad("AUC", 6)} ${lpad("P@50", 6)} ${lpad("P@50 all kinds", 15)}`,
    ...[["networks ≥ 2 ads", r2], ["all clusters incl. singletons", r1]].map(([l, r]) => {
      const e = r as typeof r2;
      return `${pad(l as string, 30)} ${lpad(String(e.positives), 5)} ${lpad(String(e.negatives), 6)} ${lpad(q(e.auc), 6)} ${lpad(q(e.precisionAt50), 6)} ${lpad(q(e.precisionAt50AllKinds), 15)}`;
    }),
    "",
    "median score by truth kind (networks ≥ 2 ads): " + r2.byKind.map((k) => `${k.kind} ${q(k.medianScore)} (${k.networks})`).join(", "),
    "",
    "leave one cue group out (networks ≥ 2 ads):",
    ...r2.leaveOneGroupOut.map((g) => `  without ${pad(g.group, 18)} AUC ${q(g.auc)}  P@50 ${q(g.precisionAt50)}`),
    "",
    `circuits: ${circuits.found} of ${circuits.planted} planted city transitions found (${q(circuits.share)}) over ${circuits.networks} truth networks; ${q(circuits.transitionPrecision)} of recovered moves follow a planted circuit edge`,
    "  (planted = consecutive cities of the generator's documented circuit covering each truth network's cities, both cities present in its ads)",
  ];
  for (const e of events) {
    lines.push(
      `event ${e.event} (${e.city}, week of ${e.weeks.join(", ")}), ${e.measure}-measure spikes: ${e.detected ? `DETECTED (z ${e.eventSpikes.map((s) => s.z.toFixed(1)).join(", ")})` : "not detected"}; false alarms ${e.falseAlarms} in ${fmt(e.tested)} city-weeks = ${e.falseAlarmsPer100.toFixed(3)} per 100`,
    );
  }
  return lines.join("\n");
}

export function registerAnalyze(program: Command): void {
  dbOption(program.command("analyze"))
    .description("score every network and ad (risk), store the scores; prints the top networks")
    .option("--model <file>", "risk model JSON (default: the built-in evidence-weighted model)")
    .option("--top <n>", "networks to print", int, 10)
    .action(async (o: { db?: string; model?: string; top: number }) => {
      await withStore(o.db, async (store) => {
        const { analysis, summary } = await analyzeStore(store, { model: loadModel(o.model) });
        const t = summary.timings;
        process.stdout.write(`analyze: ${fmt(summary.ads)} ads, ${fmt(summary.networks)} networks scored (read ${t.read.toFixed(1)} s, score ${t.score.toFixed(1)} s, write ${t.write.toFixed(1)} s)\n${formatRiskTable(analysis, o.top, 2)}\n`);
      });
    });

  dbOption(program.command("risk"))
    .description("ranked table of networks most likely to involve exploitation, with the reasons (triage signals)")
    .option("--top <n>", "rows", int, 25)
    .option("--min-size <n>", "smallest network shown", int, 2)
    .option("--model <file>", "risk model JSON")
    .option("--json", "machine-readable output")
    .action(async (o: { db?: string; top: number; minSize: number; model?: string; json?: boolean }) => {
      await withStore(o.db, async (store) => {
        const { analysis } = await analyzeStore(store, { model: loadModel(o.model) });
        if (o.json) {
          const rows = topNetworks(analysis, o.top, o.minSize).map((n) => ({ network_id: n.id, score: n.risk.score, confidence: n.risk.confidence, ads: n.features.ads, contributions: n.risk.contributions, features: n.features }));
          process.stdout.write(`${JSON.stringify({ note: TRIAGE, model: analysis.model.version, networks: rows }, null, 2)}\n`);
        } else process.stdout.write(`${formatRiskTable(analysis, o.top, o.minSize)}\n`);
      });
    });

  dbOption(program.command("movement"))
    .description("the trail of a network (cities with dates, returns); without NETWORK, the flows between cities")
    .argument("[network]", "network id (e.g. N-… or S-<ad id>)")
    .option("--top <n>", "flow rows", int, 30)
    .option("--json", "machine-readable output")
    .action(async (id: string | undefined, o: { db?: string; top: number; json?: boolean }) => {
      await withStore(o.db, async (store) => {
        if (id) return void process.stdout.write(`${await movementText(store, id, o.json ?? false)}\n`);
        const { analysis: a } = await analyzeStore(store, { persist: false });
        const flows = odTable(a.networks.filter((n) => n.features.ads >= 2).map((n) => ({ visits: n.visits, risk: n.risk.score }))).slice(0, o.top);
        const rows = flows.map((f) => ({ from: cityLabel(a, f.from), to: cityLabel(a, f.to), networks: f.networks, moves: f.moves, riskWeightedNetworks: Math.round(f.riskNetworks * 100) / 100 }));
        if (o.json) return void process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        const lines = [`${pad("from", 24)} ${pad("to", 24)} ${lpad("networks", 8)} ${lpad("moves", 7)} ${lpad("risk-wtd", 9)}`];
        for (const r of rows) lines.push(`${pad(r.from, 24)} ${pad(r.to, 24)} ${lpad(String(r.networks), 8)} ${lpad(String(r.moves), 7)} ${lpad(r.riskWeightedNetworks.toFixed(1), 9)}`);
        process.stdout.write(`${lines.join("\n")}\n`);
      });
    });

  dbOption(program.command("hotspots"))
    .description("ads and risk-weighted ads per city and province, weekly spikes, event effects and covariate correlations")
    .option("--weeks <n>", "weeks to summarise (most recent)", int, 12)
    .option("--events <file>", "events CSV: name,city,start,end")
    .option("--covariates <file>", "covariates CSV: city|region, numeric columns…")
    .option("--json", "machine-readable output")
    .action(async (o: { db?: string; weeks: number; events?: string; covariates?: string; json?: boolean }) => {
      await withStore(o.db, async (store) => {
        const { analysis } = await analyzeStore(store, { persist: false });
        const r = hotspotsText(analysis, o);
        process.stdout.write(`${o.json ? JSON.stringify(r.json, null, 2) : r.text}\n`);
      });
    });

  dbOption(program.command("report"))
    .description("write a self-contained HTML summary (top networks, trails, flows, hotspots, weekly trend)")
    .requiredOption("--out <file>", "HTML file to write")
    .option("--top <n>", "networks in the report", int, 25)
    .action(async (o: { db?: string; out: string; top: number }) => {
      await withStore(o.db, async (store) => {
        const { analysis } = await analyzeStore(store, { persist: false });
        const input = buildReportInput(analysis, { top: o.top });
        const samples: Record<string, string> = {};
        for (const n of input.top.slice(0, 6)) {
          const net = analysis.networks.find((x) => x.id === n.id);
          if (!net) continue;
          const ad = await store.getAd(analysis.data.adId[analysis.data.order[analysis.data.netStart[net.index]]]);
          if (ad) samples[n.id] = `${ad.title}\n${ad.body}`.slice(0, 400);
        }
        writeFileSync(o.out, renderReport({ ...input, samples }));
        process.stdout.write(`report: ${o.out} (${input.top.length} networks, ${input.spikes.length} spikes)\n`);
      });
    });

  dbOption(program.command("train"))
    .description("learn risk weights from labelled networks (logistic regression, k-fold CV AUC)")
    .option("--labels <file>", "CSV network_id,label (1/0, or a kind: trafficking = 1, independent = 0, others skipped)")
    .option("--truth <file>", "or: a truth CSV ad_id,network_id,kind — each network labelled by its majority kind")
    .option("--out <file>", "write the learned model JSON here", "risk-model.json")
    .option("--folds <n>", "cross-validation folds", int, 5)
    .option("--l2 <x>", "L2 penalty", Number.parseFloat, 1)
    .option("--min-size <n>", "only networks with at least this many ads", int, 2)
    .action(async (o: { db?: string; labels?: string; truth?: string; out: string; folds: number; l2: number; minSize: number }) => {
      if (!o.labels === !o.truth) throw new CliError("train: give exactly one of --labels or --truth");
      await withStore(o.db, async (store) => {
        const { analysis: a } = await analyzeStore(store, { persist: false });
        const label = new Map<string, boolean>();
        if (o.truth) {
          const truth = new Map((await readTruthFile(o.truth)).map((t) => [t.ad_id, t] as const));
          networkTruthKinds(a, truth).forEach((k, i) => {
            if (k === "trafficking" || k === "independent") label.set(a.networks[i].id, k === "trafficking");
          });
        } else {
          const t = readTable(o.labels as string);
          const li = t.header.indexOf("label");
          const ni = t.header.indexOf("network_id");
          if (li < 0 || ni < 0) throw new CliError(`train: ${o.labels}: need columns network_id,label`);
          for (const r of t.rows) {
            const v = r.cells[li].toLowerCase();
            if (v === "1" || v === "true" || v === "trafficking") label.set(r.cells[ni], true);
            else if (v === "0" || v === "false" || v === "independent") label.set(r.cells[ni], false);
          }
        }
        const rows: LabelledNetwork[] = a.networks.filter((n) => label.has(n.id) && n.features.ads >= o.minSize).map((n) => ({ id: n.id, features: n.features, label: label.get(n.id) as boolean }));
        let r: ReturnType<typeof trainRiskModel>;
        try {
          r = trainRiskModel(rows, a.model, { folds: o.folds, l2: o.l2 });
        } catch (e) {
          throw new CliError((e as Error).message);
        }
        writeFileSync(o.out, `${JSON.stringify(r.model, null, 2)}\n`);
        const w = r.model.terms.filter((t) => t.weight !== 0).map((t) => `  ${pad(t.feature, 30)} ${lpad(t.weight.toFixed(3), 8)}  (${t.group})`);
        process.stdout.write(
          [`train: ${r.n} labelled networks (${r.positives} positive), ${r.folds}-fold CV AUC ${r.cvAuc.toFixed(3)} (plain logistic regression ${r.cvAucUncapped.toFixed(3)})`, `bias ${r.model.bias.toFixed(3)}, group cap ${r.model.groupCap.toFixed(3)}`, ...w, `model: ${o.out} — use with --model ${o.out}`].join("\n") + "\n",
        );
      });
    });
}

async function movementText(store: Store, id: string, json: boolean): Promise<string> {
  let adIds: number[];
  if (id.startsWith("S-")) adIds = [Number(id.slice(2))];
  else {
    const n = await store.getNetwork(id);
    if (!n) throw new CliError(`movement: no network "${id}"`);
    adIds = n.members.map((m) => m.adId);
  }
  const ads = await store.getAds(adIds);
  const places = await store.factsFor(adIds, ["place"]);
  const keys: string[] = [];
  const idx = new Map<string, number>();
  const pts = ads.map((ad) => {
    const f = (places.get(ad.id) ?? []).find((p) => p.field === "city");
    const key = f ? f.value : ad.city ? placeKey(ad.city) : "";
    let c = -1;
    if (key) {
      c = idx.get(key) ?? keys.length;
      if (c === keys.length) {
        idx.set(key, c);
        keys.push(key);
      }
    }
    return { day: ad.postedAt ? Date.parse(ad.postedAt) / 86_400_000 : Number.NaN, city: c };
  });
  const visits = trail(pts);
  const moves = transitions(visits);
  if (json) return JSON.stringify({ network: id, visits: visits.map((v) => ({ city: keys[v.city], from: day(v.from), to: day(v.to), ads: v.ads, return: v.isReturn })), transitions: moves.map((t) => ({ from: keys[t.from], to: keys[t.to], day: day(t.day), gapDays: Math.round(t.gapDays * 10) / 10 })) }, null, 2);
  const cities = new Set(visits.map((v) => v.city)).size;
  const span = visits.length ? visits[visits.length - 1].to - visits[0].from : 0;
  const lines = [`network ${id}: ${ads.length} ads, ${visits.length} visits to ${cities} cities over ${Math.round(span)} days, ${visits.filter((v) => v.isReturn).length} returns`, "(a visit = ads in one city with no gap over 7 days; ↺ = back in a city seen before)", ""];
  for (const v of visits) lines.push(`  ${day(v.from)} – ${day(v.to)}  ${pad(keys[v.city], 26)} ${lpad(String(v.ads), 4)} ads${v.isReturn ? "  ↺" : ""}`);
  return lines.join("\n");
}

/**
 * Evaluation against synthetic ground truth (`ad_id,network_id,kind`). A network's truth kind is the **majority
 * truth kind of its member ads**. Risk is scored on networks whose truth kind is trafficking (positive) or
 * independent (negative); agencies and scam posters are reported but not part of the AUC. Truth is used here
 * only — never as a feature.
 */
import type { TruthRow } from "../domain/truth.js";
import type { CorpusAnalysis } from "./analyze.js";
import { placeKey } from "./csv.js";
import type { NetworkFeatures } from "./features.js";
import { weekOf, weekStart } from "./geo.js";
import type { Spike } from "./hotspots.js";
import { precisionAtK, rocAuc } from "./metrics.js";
import { transitions } from "./movement.js";
import { scoreOnly } from "./risk.js";
import { groupsOf, withoutGroup, type RiskModel } from "./risk-model.js";

export const TRUTH_DEFINITION =
  "network truth kind = majority truth kind of its member ads; positives = trafficking, negatives = independent " +
  "(agency and scam networks excluded from AUC and precision@50, shown separately)";

/** Majority truth kind per network index ("" when none of its ads is in the truth file). */
export function networkTruthKinds(a: CorpusAnalysis, truth: ReadonlyMap<string, TruthRow>): string[] {
  const { data } = a;
  return a.networks.map((n) => {
    const c = new Map<string, number>();
    for (let j = data.netStart[n.index]; j < data.netStart[n.index + 1]; j++) {
      const t = truth.get(data.sourceAdId[data.order[j]]);
      if (t) c.set(t.kind, (c.get(t.kind) ?? 0) + 1);
    }
    let best = "";
    let bn = 0;
    for (const [k, v] of c) if (v > bn || (v === bn && k < best)) [best, bn] = [k, v];
    return best;
  });
}

export interface RankingQuality {
  auc: number;
  precisionAt50: number;
}

export interface RiskEval extends RankingQuality {
  definition: string;
  minSize: number;
  positives: number;
  negatives: number;
  /** Precision@50 when agencies and scam posters compete for the top too. */
  precisionAt50AllKinds: number;
  byKind: { kind: string; networks: number; medianScore: number }[];
  leaveOneGroupOut: ({ group: string } & RankingQuality)[];
}

function quality(model: RiskModel, rows: { f: NetworkFeatures; pos: boolean }[]): RankingQuality {
  const s = rows.map((r) => scoreOnly(model, r.f));
  const p = rows.map((r) => r.pos);
  return { auc: rocAuc(s, p), precisionAt50: precisionAtK(s, p, 50) };
}

/**
 * AUC and precision@50 of the model on networks with at least `minSize` ads, and the same with each cue group
 * left out.
 */
export function evaluateRisk(features: readonly NetworkFeatures[], kinds: readonly string[], model: RiskModel, minSize: number): RiskEval {
  const all = features.map((f, i) => ({ f, kind: kinds[i] })).filter((r) => r.f.ads >= minSize && r.kind !== "");
  const rows = all.filter((r) => r.kind === "trafficking" || r.kind === "independent").map((r) => ({ f: r.f, pos: r.kind === "trafficking" }));
  const allScores = all.map((r) => scoreOnly(model, r.f));
  const byKind = [...new Set(all.map((r) => r.kind))].sort().map((kind) => {
    const s = all.map((r, i) => (r.kind === kind ? allScores[i] : Number.NaN)).filter((x) => !Number.isNaN(x)).sort((x, y) => x - y);
    return { kind, networks: s.length, medianScore: s[s.length >> 1] };
  });
  return {
    definition: TRUTH_DEFINITION,
    minSize,
    positives: rows.filter((r) => r.pos).length,
    negatives: rows.filter((r) => !r.pos).length,
    ...quality(model, rows),
    precisionAt50AllKinds: precisionAtK(allScores, all.map((r) => r.kind === "trafficking"), 50),
    byKind,
    leaveOneGroupOut: groupsOf(model)
      .filter((g) => model.terms.some((t) => t.group === g && t.weight !== 0))
      .map((g) => ({ group: g, ...quality(withoutGroup(model, g), rows) })),
  };
}

export interface CircuitRecovery {
  networks: number;
  planted: number;
  found: number;
  share: number;
  /** Share of the recovered trails' transitions that follow a planted circuit edge. */
  transitionPrecision: number;
}

/**
 * Share of planted circuit transitions found in the recovered trails. For each truth trafficking network, its
 * circuit is the generator's documented circuit (`circuits`, from the synth parameters) covering most of the
 * cities its ads name; planted transitions are that circuit's consecutive (cyclic, directed) city pairs whose
 * both cities appear in its ads. A planted transition is found when the trail of the recovered network holding
 * most of its ads makes that move.
 */
export function circuitRecovery(a: CorpusAnalysis, truth: ReadonlyMap<string, TruthRow>, circuits: readonly (readonly string[])[]): CircuitRecovery {
  const { data } = a;
  const byTruth = new Map<string, number[]>();
  for (let i = 0; i < data.n; i++) {
    const t = truth.get(data.sourceAdId[i]);
    if (t?.kind !== "trafficking") continue;
    let l = byTruth.get(t.network_id);
    if (!l) byTruth.set(t.network_id, (l = []));
    l.push(i);
  }
  const cityName = data.cities.map((c) => placeKey(c.name));
  const circ = circuits.map((c) => c.map(placeKey));
  let planted = 0;
  let found = 0;
  let moves = 0;
  let onCircuit = 0;
  for (const ads of byTruth.values()) {
    const cities = new Set(ads.filter((i) => data.city[i] >= 0).map((i) => cityName[data.city[i]]));
    let best = circ[0];
    let bestCover = -1;
    for (const c of circ) {
      const cover = c.filter((x) => cities.has(x)).length;
      if (cover > bestCover) [best, bestCover] = [c, cover];
    }
    const edges = new Set<string>();
    for (let k = 0; k < best.length; k++) {
      const x = best[k];
      const y = best[(k + 1) % best.length];
      if (cities.has(x) && cities.has(y)) edges.add(`${x}>${y}`);
    }
    const count = new Map<number, number>();
    for (const i of ads) count.set(data.net[i], (count.get(data.net[i]) ?? 0) + 1);
    const net = [...count.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0][0];
    const made = new Set<string>();
    for (const t of transitions(a.networks[net].visits)) {
      const e = `${cityName[t.from]}>${cityName[t.to]}`;
      made.add(e);
      moves++;
      const allEdges = new Set(best.map((x, k) => `${x}>${best[(k + 1) % best.length]}`));
      if (allEdges.has(e)) onCircuit++;
    }
    planted += edges.size;
    for (const e of edges) if (made.has(e)) found++;
  }
  return { networks: byTruth.size, planted, found, share: planted ? found / planted : Number.NaN, transitionPrecision: moves ? onCircuit / moves : Number.NaN };
}

export interface EventDetection {
  event: string;
  city: string;
  weeks: string[];
  detected: boolean;
  eventSpikes: Spike[];
  falseAlarms: number;
  tested: number;
  falseAlarmsPer100: number;
  falseAlarmList: Spike[];
}

/** Whether spikes hit the event's city in its weeks, and how many spikes fall anywhere else. */
export function eventDetection(spikes: readonly Spike[], tested: number, ev: { name: string; city: string; start: string; days: number }): EventDetection {
  const d0 = Date.parse(ev.start) / 86_400_000;
  const weeks = new Set<number>();
  for (let d = 0; d < ev.days; d++) weeks.add(weekOf(d0 + d));
  const isEvent = (s: Spike) => placeKey(s.area) === placeKey(ev.city) && weeks.has(s.week);
  const hits = spikes.filter(isEvent);
  const fa = spikes.filter((s) => !isEvent(s));
  return {
    event: ev.name,
    city: ev.city,
    weeks: [...weeks].map(weekStart),
    detected: hits.length > 0,
    eventSpikes: hits,
    falseAlarms: fa.length,
    tested,
    falseAlarmsPer100: tested ? (100 * fa.length) / tested : Number.NaN,
    falseAlarmList: fa,
  };
}

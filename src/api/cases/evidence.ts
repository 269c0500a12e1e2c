/**
 * Everything an evidence export holds, gathered once for both formats: the case, its notes, its networks (with
 * trail and indicators) and every ad in it (saved directly or through a network) with full provenance.
 */
import type { StoredAd } from "../../domain/ad.js";
import type { ApiReads, CaseNoteRecord, CaseRecord } from "../../store/read-model.js";
import type { IndicatorView, Provenance, RiskView, TrailStop } from "../../shared/api-types.js";
import type { ApiContext } from "../context.js";
import { riskView } from "../common-schema.js";
import { cueIndicators, scoreIndicators } from "../indicators.js";
import { notFound } from "../problem.js";
import { trailOf } from "../networks/views.js";
import { provenanceOf } from "../provenance.js";

/** Most ads one export holds; a bigger case is cut (and says so). */
export const EXPORT_MAX_ADS = 5000;

export const NOTICE =
  "Triage signals, not verdicts. Links, networks, risk scores and indicators are leads for a trained analyst to " +
  "check against other evidence; none of them shows that any person is a victim or an offender. Indicators come " +
  "from published studies of limited scope (sources listed per indicator). Data in this repository is synthetic.";

export interface EvidenceAd {
  ad: StoredAd;
  provenance: Provenance;
  networkId: string | null;
  indicators: IndicatorView[];
}

export interface EvidenceNetwork {
  id: string;
  size: number;
  firstPosted: string | null;
  lastPosted: string | null;
  risk: RiskView | null;
  indicators: IndicatorView[];
  trail: TrailStop[];
  adIds: number[];
}

export interface Evidence {
  case: CaseRecord;
  notes: CaseNoteRecord[];
  networks: EvidenceNetwork[];
  ads: EvidenceAd[];
  /** True when the case held more than EXPORT_MAX_ADS ads. */
  truncated: boolean;
  /** Why, by whom and for which organization the export was made (stamped on every export). */
  purpose: string;
  exportedBy: string;
  org: string;
  generatedAt: string;
}

export interface ExportStamp {
  purpose: string;
  by: string;
  org: string;
}

/** Everything a case export holds, as the viewer may see it (`reads` is scoped to the exporting user). */
export async function gatherEvidence(ctx: ApiContext, reads: ApiReads, caseId: number, stamp: ExportStamp): Promise<Evidence> {
  const c = await reads.getCase(caseId);
  if (!c) throw notFound(`case ${caseId}`);
  const [items, notes, places] = await Promise.all([reads.caseItems(caseId), reads.caseNotes(caseId), ctx.places(reads)]);
  const placeByRaw = new Map(places.map((p) => [p.raw, p]));
  const adIds: number[] = [];
  const seen = new Set<number>();
  const addAd = (id: number) => {
    if (!seen.has(id)) adIds.push(id);
    seen.add(id);
  };
  for (const i of items) if (i.kind === "ad" && /^\d+$/.test(i.ref)) addAd(Number(i.ref));
  const networks: EvidenceNetwork[] = [];
  for (const i of items.filter((x) => x.kind === "network")) {
    const row = await reads.networkRow(i.ref);
    if (!row) continue;
    const members = await reads.networkMembers(row.id, EXPORT_MAX_ADS);
    for (const m of members) addAd(m.id);
    let risk = riskView(row.risk);
    let indicators: IndicatorView[];
    const score = row.complete ? await ctx.store.networkScore(row.id).catch(() => null) : null;
    if (score) {
      risk = riskView(score.score);
      indicators = scoreIndicators(score.contributions, row.size);
    } else {
      const cues = await reads.networkFactCounts(row.id, ["cue"], 50);
      indicators = cueIndicators(new Map(cues.map((x) => [x.value, x.ads])), row.size);
    }
    const trail = trailOf(await reads.networkTimeline(row.id), (raw) => placeByRaw.get(raw));
    networks.push({ id: row.id, size: row.size, firstPosted: row.firstPosted, lastPosted: row.lastPosted, risk, indicators, trail, adIds: members.map((m) => m.id) });
  }
  const truncated = adIds.length > EXPORT_MAX_ADS;
  const wanted = adIds.slice(0, EXPORT_MAX_ADS);
  const facts = await ctx.store.factsFor(wanted, ["cue"]);
  const ads: EvidenceAd[] = [];
  for (const id of wanted) {
    const rec = await reads.adRecord(id);
    if (!rec) continue;
    const a = rec.ad;
    const cues = new Map<string, number>();
    for (const f of facts.get(id) ?? []) cues.set(f.value, 1);
    ads.push({
      ad: a,
      networkId: rec.networkId,
      indicators: cueIndicators(cues, 1),
      provenance: provenanceOf(rec),
    });
  }
  return { case: c, notes, networks, ads, truncated, purpose: stamp.purpose, exportedBy: stamp.by, org: stamp.org, generatedAt: new Date().toISOString() };
}

/**
 * Everything that explains one network, as one viewer sees it: members, identifiers, shared text, indicators,
 * trail, links and graph. Computed on the request's thread for small networks, and in a reader thread
 * (../reader-pool.ts) for larger ones.
 */
import type { ApiReads, NetworkRow } from "../../store/read-model.js";
import type { FactKind, IndicatorView, NetworkDetail, RiskView } from "../../shared/api-types.js";
import { riskView } from "../common-schema.js";
import type { ApiContext } from "../context.js";
import { cueIndicators, scoreIndicators } from "../indicators.js";
import { GRAPH_MAX_ADS, GRAPH_MAX_EDGES, graphOf, sharedText, trailOf } from "./views.js";

const IDENTIFIER_KINDS = ["phone", "email", "handle", "name", "age"];
const GRAPH_KINDS = ["phone", "email", "handle"];
const LINKS_SHOWN = 200;
const TEMPLATE_SAMPLE = 200;

/** Risk and indicators: the analyze stage's when it has scored the network, else the cue facts of its ads. */
async function networkIndicators(ctx: ApiContext, reads: ApiReads, row: NetworkRow): Promise<{ risk: RiskView | null; indicators: IndicatorView[] }> {
  // The stored score summarizes every member: shown only to a viewer who sees them all.
  if (row.complete) {
    try {
      const score = await ctx.store.networkScore(row.id);
      if (score) return { risk: riskView(score.score), indicators: scoreIndicators(score.contributions, row.size) };
    } catch {
      // The analyze stage's tables are not there (older database): fall back to cue facts.
    }
  }
  const cues = await reads.networkFactCounts(row.id, ["cue"], 50);
  return { risk: riskView(row.risk), indicators: cueIndicators(new Map(cues.map((c) => [c.value, c.ads])), row.size) };
}

export async function networkDetail(ctx: ApiContext, reads: ApiReads, row: NetworkRow, memberLimit: number): Promise<NetworkDetail> {
  const [members, identifiers, timeline, links, bodies, ind] = await Promise.all([
    reads.networkMembers(row.id, Math.max(memberLimit, Math.min(row.size, GRAPH_MAX_ADS))),
    reads.networkFactCounts(row.id, IDENTIFIER_KINDS, 100),
    reads.networkTimeline(row.id),
    reads.networkLinks(row.id, LINKS_SHOWN, GRAPH_MAX_EDGES),
    reads.networkBodies(row.id, TEMPLATE_SAMPLE),
    networkIndicators(ctx, reads, row),
  ]);
  const places = new Map((await ctx.places(reads)).map((p) => [p.raw, p]));
  const graphAds = members.slice(0, GRAPH_MAX_ADS).map((m) => m.id);
  const adIds = await reads.adIdentifiers(graphAds, GRAPH_KINDS);
  return {
    id: row.id,
    size: row.size,
    firstPosted: row.firstPosted,
    lastPosted: row.lastPosted,
    risk: ind.risk,
    indicators: ind.indicators,
    members: { total: row.size, items: members.slice(0, memberLimit) },
    identifiers: identifiers.map((i) => ({ kind: i.kind as FactKind, value: i.value, ads: i.ads })),
    template: sharedText(bodies),
    trail: trailOf(timeline, (raw) => places.get(raw)),
    links: { total: links.total, items: links.items },
    graph: graphOf(graphAds, new Map(members.map((m) => [m.id, m.title])), adIds, links.edges, row.size > graphAds.length || links.total > links.edges.length),
  };
}

/** `GET /api/networks` (paged list) and `GET /api/networks/:id` (everything that explains one network). */
import type { ApiReads, NetworkRow } from "../../store/read-model.js";
import type { FactKind, IndicatorView, NetworkDetail, NetworkSummary, RiskView } from "../../shared/api-types.js";
import { riskView } from "../common-schema.js";
import type { ApiContext } from "../context.js";
import { cueIndicators, scoreIndicators } from "../indicators.js";
import { decodeCursor, pageOf } from "../pagination.js";
import { notFound } from "../problem.js";
import type { RouteTable } from "../route.js";
import { NetworkCursor, NetworkDetailQuery, NetworkDetailSchema, NetworkIdParams, NetworksPageSchema, NetworksQuerySchema } from "./schema.js";
import { GRAPH_MAX_ADS, GRAPH_MAX_EDGES, graphOf, sharedText, trailOf } from "./views.js";

const IDENTIFIER_KINDS = ["phone", "email", "handle", "name", "age"];
const GRAPH_KINDS = ["phone", "email", "handle"];
const LINKS_SHOWN = 200;
const TEMPLATE_SAMPLE = 200;
/** Networks above this size have their detail cached (per process, until the data changes). */
const MEMO_ABOVE = 1000;

export function toNetworkSummary(r: NetworkRow): NetworkSummary {
  return { id: r.id, size: r.size, firstPosted: r.firstPosted, lastPosted: r.lastPosted, risk: riskView(r.risk) };
}

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

export function registerNetworkRoutes(routes: RouteTable, ctx: ApiContext): void {
  routes.add({
    method: "GET",
    url: "/api/networks",
    tag: "networks",
    summary: "List networks (2+ linked ads)",
    query: NetworksQuerySchema,
    response: NetworksPageSchema,
    access: { roles: ["analyst"] },
    audit: "networks.list",
    handler: async ({ query, reads }) => {
      const after = decodeCursor(query.cursor, NetworkCursor);
      let order = query.sort;
      if (order === "risk" && !(await ctx.memo(reads, "riskAvailable", () => reads.riskAvailable()))) order = "size";
      const rows = await reads.listNetworks(order, after, query.limit + 1);
      const key = (r: NetworkRow) => [order === "risk" ? (r.risk ?? -1) : order === "recent" ? r.lastPosted : r.size, r.id];
      return pageOf(rows, query.limit, key, toNetworkSummary);
    },
  });

  routes.add({
    method: "GET",
    url: "/api/networks/:id",
    tag: "networks",
    summary: "One network: members, identifiers, shared text, indicators, trail, links and graph",
    params: NetworkIdParams,
    query: NetworkDetailQuery,
    response: NetworkDetailSchema,
    access: { roles: ["analyst"] },
    audit: "network.read",
    handler: async ({ params, query, reads }) => {
      const row = await reads.networkRow(params.id);
      if (!row) throw notFound(`network ${params.id}`);
      // A network of thousands of ads costs hundreds of milliseconds to explain: keep the answer until the data changes.
      if (row.size > MEMO_ABOVE) return ctx.memoJson(reads, `network:${row.id}:${query.memberLimit}`, () => networkDetail(ctx, reads, row, query.memberLimit));
      return networkDetail(ctx, reads, row, query.memberLimit);
    },
  });
}

async function networkDetail(ctx: ApiContext, reads: ApiReads, row: NetworkRow, memberLimit: number): Promise<NetworkDetail> {
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

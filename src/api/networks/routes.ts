/** `GET /api/networks` (paged list) and `GET /api/networks/:id` (everything that explains one network). */
import type { ApiReads, NetworkRow } from "../../store/read-model.js";
import type { NetworkDetail, NetworkSummary } from "../../shared/api-types.js";
import { riskView } from "../common-schema.js";
import type { ApiContext } from "../context.js";
import { decodeCursor, pageOf } from "../pagination.js";
import { notFound } from "../problem.js";
import { RawJson, type RouteTable } from "../route.js";
import { networkDetail } from "./detail.js";
import { NetworkCursor, NetworkDetailQuery, NetworkDetailSchema, NetworkIdParams, NetworksPageSchema, NetworksQuerySchema } from "./schema.js";

/** Networks above this size have their detail cached (per process, until the data changes). */
const MEMO_ABOVE = 1000;

export function toNetworkSummary(r: NetworkRow): NetworkSummary {
  return { id: r.id, size: r.size, firstPosted: r.firstPosted, lastPosted: r.lastPosted, risk: riskView(r.risk) };
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
      if (row.size > MEMO_ABOVE) return ctx.memo(reads, `network:${row.id}:${query.memberLimit}`, async () => new RawJson(await detailJson(ctx, reads, row, query.memberLimit)));
      if (ctx.offloadNetwork(row.size)) return new RawJson(await detailJson(ctx, reads, row, query.memberLimit));
      return networkDetail(ctx, reads, row, query.memberLimit);
    },
  });
}

/** The detail as JSON text, from a reader thread when there are any. */
async function detailJson(ctx: ApiContext, reads: ApiReads, row: NetworkRow, memberLimit: number): Promise<string> {
  if (!ctx.readers) return JSON.stringify((await networkDetail(ctx, reads, row, memberLimit)) satisfies NetworkDetail);
  const json = await ctx.readers.networkDetail(reads.scope, row.id, memberLimit);
  // Gone between the two reads (a link run replaced the networks meanwhile).
  if (json === null) throw notFound(`network ${row.id}`);
  return json;
}


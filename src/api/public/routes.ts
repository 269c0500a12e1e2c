/**
 * `GET /api/public/stats`: the hub's safe public table — ads per province, city and week, with every count under
 * k hidden and complements hidden so no hidden value can be worked out from the rest (docs/publishing.md). No
 * sign-in; it reads as no organization (PUBLIC_SCOPE), whoever calls, so a signed-in caller's private ads never
 * count. k is the server's (MIN_PUBLIC_K); the query cannot lower it.
 */
import { MIN_PUBLIC_K, PUBLIC_SCOPE, publicTable, publicationWeeks } from "../../hub/publish/index.js";
import type { ApiContext } from "../context.js";
import type { RouteTable } from "../route.js";
import { PublicStatsQuerySchema, PublicStatsSchema } from "./schema.js";

/** Longest window served: bounds the work one request can ask for. */
const MAX_WEEKS = 104;

export function registerPublicRoutes(routes: RouteTable, ctx: ApiContext): void {
  routes.add({
    method: "GET",
    url: "/api/public/stats",
    tag: "public",
    summary: "Safe public statistics: ads per province, city and week, small counts hidden",
    description:
      "Whole finished 4-week blocks only. Counts from 1 to k-1 are null, and so are enough other values that no hidden value follows from the published ones and the totals. Zeros are published. k is fixed by the server.",
    query: PublicStatsQuerySchema,
    response: PublicStatsSchema,
    access: "public",
    handler: async ({ query }) => {
      // Never the route's own `reads`: a signed-in caller's would count its organization's private ads.
      const reads = ctx.store.reads(PUBLIC_SCOPE);
      // Cached per window, not per `since` spelling: every date in a block shares one entry.
      const { latestPosted } = await ctx.memo(reads, "totals", () => reads.apiTotals());
      const first = publicationWeeks(latestPosted, { since: query.since, maxWeeks: MAX_WEEKS })[0] ?? "empty";
      return ctx.memo(reads, `public-stats:${first}`, () => publicTable(reads, { k: MIN_PUBLIC_K, since: query.since, maxWeeks: MAX_WEEKS }));
    },
  });
}

/** `GET /api/stats`: totals, this week, top networks, weekly trend, and whether the data is synthetic. */
import type { ApiContext } from "../context.js";
import { weekOf } from "../hotspots/routes.js";
import { toNetworkSummary } from "../networks/routes.js";
import type { RouteTable } from "../route.js";
import { StatsSchema } from "./schema.js";

const DAY = 86_400_000;
const TREND_WEEKS = 26;

export function registerStatsRoutes(routes: RouteTable, ctx: ApiContext): void {
  routes.add({
    method: "GET",
    url: "/api/stats",
    tag: "stats",
    summary: "Totals, new this week, top networks and the weekly trend",
    response: StatsSchema,
    access: { roles: ["analyst"] },
    audit: "stats",
    handler: async ({ reads }) =>
      ctx.memo(reads, "stats", async () => {
        const { latestPosted, ...totals } = await ctx.memo(reads, "totals", () => reads.apiTotals());
        const riskAvailable = await reads.riskAvailable();
        const demo = await ctx.store.getArtifact<{ synthetic?: boolean }>("demo");
        const weekAgo = latestPosted ? new Date(Date.parse(latestPosted) - 7 * DAY).toISOString() : null;
        const trendFrom = latestPosted ? `${new Date(Date.parse(weekOf(latestPosted)) - (TREND_WEEKS - 1) * 7 * DAY).toISOString().slice(0, 10)}T00:00:00.000Z` : null;
        return {
          synthetic: demo?.data.synthetic === true,
          asOf: latestPosted,
          totals,
          newThisWeek: weekAgo ? await reads.newSince(weekAgo) : { ads: 0, networks: 0 },
          riskAvailable,
          topNetworks: (await reads.listNetworks(riskAvailable ? "risk" : "size", null, 10)).map(toNetworkSummary),
          weekly: trendFrom ? await reads.weeklyAds(trendFrom) : [],
        };
      }),
  });
}

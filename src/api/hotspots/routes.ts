/**
 * `GET /api/hotspots`: ads per resolved city and ISO week (risk-weighted when scores exist), with the city's
 * gazetteer coordinates. Raw city spellings that resolve to the same place are merged; unresolved ones dropped.
 */
import type { HotspotCell } from "../../shared/api-types.js";
import type { ApiContext } from "../context.js";
import type { RouteTable } from "../route.js";
import { HotspotsQuerySchema, HotspotsSchema } from "./schema.js";

const DAY = 86_400_000;

/** Monday (UTC) of the ISO week holding `iso`, as YYYY-MM-DD. */
export function weekOf(iso: string): string {
  const t = Date.parse(iso);
  const d = new Date(t);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - back * DAY).toISOString().slice(0, 10);
}

export function registerHotspotRoutes(routes: RouteTable, ctx: ApiContext): void {
  routes.add({
    method: "GET",
    url: "/api/hotspots",
    tag: "hotspots",
    summary: "Ads per city and week, with coordinates",
    query: HotspotsQuerySchema,
    response: HotspotsSchema,
    access: { roles: ["analyst"] },
    audit: "hotspots",
    handler: async ({ query, reads }) =>
      ctx.memoJson(reads, `hotspots:${query.weeks}`, async () => {
        const totals = await ctx.memo(reads, "totals", () => reads.apiTotals());
        if (!totals.latestPosted) return { weeks: [], riskWeighted: false, cells: [] };
        const lastWeek = weekOf(totals.latestPosted);
        const firstWeek = new Date(Date.parse(lastWeek) - (query.weeks - 1) * 7 * DAY).toISOString().slice(0, 10);
        const weeks: string[] = [];
        for (let t = Date.parse(firstWeek); t <= Date.parse(lastWeek); t += 7 * DAY) weeks.push(new Date(t).toISOString().slice(0, 10));
        const rows = await reads.weeklyCityCounts(`${firstWeek}T00:00:00.000Z`);
        const riskWeighted = rows.some((r) => r.riskSum !== null);
        const cells = new Map<string, HotspotCell>();
        for (const r of rows) {
          const p = await ctx.placeOf(reads, r.city);
          if (!p || p.name === null || p.province === null || p.lat === null || p.lon === null) continue;
          const key = `${p.name}|${p.province}|${r.week}`;
          const c = cells.get(key) ?? { city: p.name, province: p.province, lat: p.lat, lon: p.lon, week: r.week, ads: 0, weight: 0 };
          c.ads += r.ads;
          c.weight += riskWeighted ? (r.riskSum ?? 0) : r.ads;
          cells.set(key, c);
        }
        const sorted = [...cells.values()].sort((a, b) => a.week.localeCompare(b.week) || b.ads - a.ads || a.city.localeCompare(b.city));
        return { weeks, riskWeighted, cells: sorted };
      }),
  });
}

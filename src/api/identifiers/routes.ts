/** `GET /api/identifiers/:kind/:value`: a phone, email or handle → its ads (paged), cities and networks. */
import { adsPage } from "../ads/routes.js";
import type { ApiContext } from "../context.js";
import { notFound } from "../problem.js";
import type { RouteTable } from "../route.js";
import { IdentifierDetailSchema, IdentifierParams, IdentifierQuery } from "./schema.js";
import { identifierValues } from "./normalize.js";

export function registerIdentifierRoutes(routes: RouteTable, _ctx: ApiContext): void {
  routes.add({
    method: "GET",
    url: "/api/identifiers/:kind/:value",
    tag: "identifiers",
    summary: "A phone, email or handle: its ads, cities and networks",
    params: IdentifierParams,
    query: IdentifierQuery,
    response: IdentifierDetailSchema,
    access: { roles: ["analyst"] },
    audit: "identifier.read",
    handler: async ({ params, query, reads }) => {
      // A bare handle may exist on several platforms: take the one with the most ads.
      let best: { value: string; summary: Awaited<ReturnType<typeof reads.identifierSummary>> } | null = null;
      for (const value of identifierValues(params.kind, params.value)) {
        const summary = await reads.identifierSummary(params.kind, value);
        if (summary.adCount > 0 && (!best || summary.adCount > best.summary.adCount)) best = { value, summary };
      }
      if (!best) throw notFound(`${params.kind} ${JSON.stringify(params.value.slice(0, 100))}`);
      const ads = await adsPage(reads, { identifiers: [{ kind: params.kind, values: [best.value] }] }, query.cursor, query.limit);
      return { kind: params.kind, value: best.value, ...best.summary, ads };
    },
  });
}

/** The audit log for auditors: their organization's entries, and a check of the whole hash chain. */
import { z } from "zod";
import { verifyChain } from "../../hub/audit-chain.js";
import type { ApiContext } from "../context.js";
import type { RouteTable } from "../route.js";

const EntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  org: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

export function registerAuditRoutes(routes: RouteTable, ctx: ApiContext): void {
  routes.add({
    method: "GET",
    url: "/api/audit",
    tag: "audit",
    summary: "Audit entries of your organization, oldest first",
    query: z.object({
      actor: z.string().max(100).optional(),
      action: z.string().max(100).optional(),
      since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
      after: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
    response: z.object({ items: z.array(EntrySchema), next: z.number().int().nullable() }),
    access: { roles: ["auditor"] },
    audit: "audit.read",
    handler: async ({ query, caller }) => {
      const items = await ctx.store.audit.list({ actor: query.actor, action: query.action, since: query.since, org: caller?.viewer.org ?? "" }, query.after, query.limit);
      return { items: items.map(({ prevHash: _p, ...e }) => e), next: items.length === query.limit ? items[items.length - 1]!.seq : null };
    },
  });

  routes.add({
    method: "GET",
    url: "/api/audit/verify",
    tag: "audit",
    summary: "Check the audit log's hash chain end to end",
    response: z.object({ ok: z.boolean(), entries: z.number().int(), head: z.string(), broken: z.object({ seq: z.number().int(), reason: z.string() }).nullable() }),
    access: { roles: ["auditor"] },
    audit: "audit.verify",
    handler: async () => verifyChain(ctx.store.audit.all()),
  });
}

/**
 * `POST /api/uploads`: a member organization contributes ads (a contributor signed in, or a machine with an
 * `upload` token). Records are validated one by one: bad ones are named by index, the rest go in, in one run.
 */
import { z } from "zod";
import { ingestRecords } from "../../ingest/ingest.js";
import type { ApiContext } from "../context.js";
import { notFound } from "../problem.js";
import type { RouteTable } from "../route.js";

export const UPLOAD_MAX_RECORDS = 5000;
export const UPLOAD_BODY_LIMIT = 32 * 1024 * 1024;

export function registerUploadRoutes(routes: RouteTable, ctx: ApiContext): void {
  routes.add({
    method: "POST",
    url: "/api/uploads",
    tag: "uploads",
    summary: "Upload ads (the ingest format, as JSON records) owned by your organization",
    description:
      "Sharing defaults to the organization's default level. An ad whose source and id another organization already holds is refused, not changed. Each reject names its record index.",
    body: z.object({
      source: z.string().trim().min(1).max(100).optional().describe("Source name for records that carry none."),
      sharing: z.enum(["private", "hub", "aggregate"]).optional(),
      records: z.array(z.unknown()).min(1).max(UPLOAD_MAX_RECORDS),
    }),
    response: z.object({
      runId: z.number().int(),
      read: z.number().int(),
      new: z.number().int(),
      versions: z.number().int(),
      unchanged: z.number().int(),
      rejects: z.array(z.object({ index: z.number().int(), id: z.string().nullable(), reason: z.string() })),
    }),
    access: { roles: ["contributor"], scopes: ["upload"] },
    audit: "upload",
    bodyLimit: UPLOAD_BODY_LIMIT,
    handler: async ({ body, caller }) => {
      const orgId = caller?.viewer.org ?? "";
      const org = await ctx.store.hub.getOrg(orgId);
      if (!org) throw notFound(`organization ${orgId}`);
      const sharing = body.sharing ?? org.defaultSharing;
      return ingestRecords(ctx.store, body.records, { owner: { org: org.id, sharing }, source: body.source, label: `api-upload:${caller?.viewer.actor ?? "?"}` });
    },
  });
}

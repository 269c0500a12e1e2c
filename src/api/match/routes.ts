/**
 * `POST /api/match`: a member's upload of hashed phones and emails and name filters → the hub's networks whose ads
 * carry them (ids, ad counts, risk). The caller's organization scopes which ads are matched; the run is audited
 * with counts only. See docs/matching.md.
 */
import { MatchError } from "../../hub/match/errors.js";
import { matchUpload } from "../../hub/match/service.js";
import { readsMatchSource } from "../../hub/match/store-source.js";
import type { ApiContext } from "../context.js";
import { ApiError } from "../problem.js";
import type { RouteTable } from "../route.js";
import { MatchQuery, MatchResultSchema, MatchUploadBody } from "./schema.js";

/** Uploads are larger than ordinary bodies: about 100 bytes a record, so some 300,000 records. */
export const MATCH_BODY_LIMIT = 32 * 1024 * 1024;

/** A refused upload as a 400 naming the field: the key id for an unknown or retired key. */
function asApiError(e: MatchError): ApiError {
  const field = e.code === "unknown-key" || e.code === "retired-key" ? "body.keyId" : e.code === "bad-upload" ? "body" : "query.threshold";
  const detail = e.message.replace(/^match: /, "");
  return new ApiError("validation", detail, [{ field, message: detail }]);
}

export function registerMatchRoutes(routes: RouteTable, ctx: ApiContext): void {
  routes.add({
    method: "POST",
    url: "/api/match",
    tag: "match",
    summary: "Match hashed identifiers against the hub's ads (privacy-preserving)",
    description:
      "The body is an upload made by `threadline match encode` with a key file from the hub operator. The answer lists, for each record that matched, the networks (ids, ad counts, risk) — never a value.",
    access: { roles: ["analyst"], scopes: ["match"] },
    bodyLimit: MATCH_BODY_LIMIT,
    query: MatchQuery,
    body: MatchUploadBody,
    response: MatchResultSchema,
    handler: async ({ body, query, caller, reads }) => {
      // The access rule admits only signed-in analysts and tokens, so a caller is always present here.
      if (!caller) throw new ApiError("unauthorized", "sign in first (session cookie) or send an API token");
      try {
        const source = readsMatchSource(reads, () => ctx.store.networkRiskMap());
        return await matchUpload(ctx.store, source, { actor: caller.viewer.actor, org: caller.viewer.org, upload: body, options: { threshold: query.threshold } });
      } catch (e) {
        if (e instanceof MatchError) throw asApiError(e);
        throw e;
      }
    },
  });
}

/**
 * One match as the faces run it: the hub's keys from the store, the run over a scoped source, and an audit entry
 * with counts only (records, matched, rejected) — never a value, a digest or a ref.
 */
import type { AuditStore, HubStore } from "../../store/hub.js";
import { MatchError } from "./errors.js";
import type { MatchResult } from "./result.js";
import { type RunOptions, runMatch } from "./run.js";
import type { MatchSource } from "./source.js";

export interface MatchRequest {
  /** Who asks, for the audit log: a username, `token:<id>` or `cli:<os user>`. */
  actor: string;
  /** The asking organization (its scope chose the source's rows). */
  org: string;
  /** The upload's parsed JSON. */
  upload: unknown;
  options?: RunOptions;
}

/** Runs the match and records it in the audit log; a refused upload (bad envelope, unknown or retired key) too. */
export async function matchUpload(store: { hub: HubStore; audit: AuditStore }, source: MatchSource, req: MatchRequest): Promise<MatchResult> {
  let result: MatchResult;
  try {
    result = await runMatch(req.upload, await store.hub.listMatchKeys(), source, req.options);
  } catch (e) {
    if (e instanceof MatchError) {
      const keyId = (req.upload as { keyId?: unknown } | null)?.keyId;
      await store.audit.append({
        actor: req.actor,
        org: req.org,
        action: "match.refused",
        target: typeof keyId === "string" ? keyId.slice(0, 64) : null,
        detail: { code: e.code },
      });
    }
    throw e;
  }
  await store.audit.append({
    actor: req.actor,
    org: req.org,
    action: "match.run",
    target: result.keyId,
    detail: { records: result.records, matched: result.matched, rejected: result.problems.length },
  });
  return result;
}

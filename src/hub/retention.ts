/**
 * Retention: each organization may set how long its records are kept. Applying it deletes the expired records
 * with everything derived from them and logs one audit entry per organization (counts only).
 */
import type { DeleteCounts, Store } from "../store/store.js";

export interface RetentionResult {
  org: string;
  days: number;
  cutoff: string;
  counts: DeleteCounts;
}

export async function applyRetention(store: Store, actor: string, o: { now?: Date; dryRun?: boolean } = {}): Promise<RetentionResult[]> {
  const now = o.now ?? new Date();
  const out: RetentionResult[] = [];
  // A run row marks the change for everything keyed on the data's version (the API's caches).
  const runId = o.dryRun ? null : await store.startRun("retention", { actor });
  for (const org of await store.hub.listOrgs()) {
    if (org.retentionDays === null) continue;
    const cutoff = new Date(now.getTime() - org.retentionDays * 86400_000).toISOString();
    const ids = await store.expiredAds(org.id, cutoff);
    const counts = o.dryRun ? { ads: ids.length, versions: 0, facts: 0, links: 0, members: 0, caseItems: 0 } : await store.deleteAds(ids);
    if (!o.dryRun && ids.length > 0) {
      await store.audit.append({ actor, org: org.id, action: "retention.delete", target: null, detail: { days: org.retentionDays, cutoff, ...counts } });
    }
    out.push({ org: org.id, days: org.retentionDays, cutoff, counts });
  }
  if (runId !== null) await store.finishRun(runId, "ok", { ads: out.reduce((s, r) => s + r.counts.ads, 0) }, {});
  return out;
}

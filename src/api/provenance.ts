/** Where an ad came from, as the API and the evidence exports show it (one shape, so the two never disagree). */
import type { Provenance } from "../shared/api-types.js";
import type { AdRecord } from "../store/read-model.js";

export function provenanceOf(rec: AdRecord): Provenance {
  const a = rec.ad;
  return {
    source: a.source,
    sourceAdId: a.sourceAdId,
    url: a.url,
    capturedAt: a.capturedAt,
    firstSeenAt: rec.firstSeenAt,
    contentHash: a.contentHash,
    version: a.version,
    ingestFile: rec.ingestFile,
    ingestLine: rec.ingestLine,
  };
}

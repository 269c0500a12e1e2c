/** Stored ads + their identifier facts → the records the linker takes. */
import type { IdentifierKind, LinkRecord } from "../link/types.js";
import type { AdForLinking } from "../store/store.js";

export const IDENTIFIER_FACT_KINDS = ["phone", "email", "handle", "url"] as const;

export type Identifier = { kind: IdentifierKind; value: string };

/**
 * `ids` are the ad's identifier facts (phone, email, handle, url), handed over: the record keeps the array and
 * appends the image hashes, which come from the ad itself.
 */
export function toLinkRecord(ad: AdForLinking, ids: Identifier[]): LinkRecord {
  const identifiers = ids;
  if (ad.images !== "[]") {
    for (const img of JSON.parse(ad.images) as { sha256?: string; phash?: string }[]) {
      if (img.sha256) identifiers.push({ kind: "image", value: img.sha256.toLowerCase() });
    }
  }
  const t = ad.postedAt ? Date.parse(ad.postedAt) : Number.NaN;
  return { id: ad.id, adId: ad.sourceAdId, source: ad.source, postedAt: t, city: ad.city, title: ad.title, body: ad.body, identifiers };
}

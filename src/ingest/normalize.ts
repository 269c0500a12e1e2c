/** The normalized text kept beside the raw text, and the content hash that tells a re-post from a new version. */
import { createHash } from "node:crypto";
import type { AdInput } from "../domain/ad.js";

/** NFKC, lower case, whitespace collapsed: the form search and comparison use. Raw text is always kept too. */
export function normalizeText(title: string | undefined, body: string | undefined): string {
  return `${title ?? ""}\n${body ?? ""}`.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** SHA-256 over every content field in a fixed order; provenance (file, line, capture time) is not content. */
export function contentHash(ad: AdInput): string {
  const canon = JSON.stringify([
    ad.title ?? "",
    ad.body ?? "",
    ad.url ?? "",
    ad.posted_at ?? "",
    ad.city ?? "",
    ad.region ?? "",
    ad.phone ?? "",
    ad.email ?? "",
    ad.images ?? [],
    ad.extra ?? {},
  ]);
  return createHash("sha256").update(canon).digest("hex");
}

/** The normalized text kept beside the raw text, and the content hash that tells a re-post from a new version. */
import * as crypto from "node:crypto";
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
  return sha256Hex(canon);
}

// One-shot `crypto.hash` (Node ≥ 20.12) skips building a Hash object per ad; older Node takes the long way.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: "hex") => string }).hash;

function sha256Hex(s: string): string {
  return oneShot !== undefined ? oneShot("sha256", s, "hex") : crypto.createHash("sha256").update(s).digest("hex");
}

/** The records an ad passes through, from an input line to a stored, versioned row. */

/** An image reference as a source gives it; any of the three may be missing. */
export interface ImageRef {
  sha256?: string;
  phash?: string;
  url?: string;
}

/**
 * One ad as it arrives (a JSON line or a CSV row), after validation.
 * Unknown input fields are kept verbatim in `extra`.
 */
export interface AdInput {
  id: string;
  source: string;
  url?: string;
  posted_at?: string;
  title?: string;
  body?: string;
  city?: string;
  region?: string;
  phone?: string;
  email?: string;
  images?: ImageRef[];
  extra?: Record<string, unknown>;
}

/** Sharing level of a contributed record (enforced by the hub). */
export type SharingLevel = "private" | "hub" | "aggregate";

/** An ad as stored: the current version plus its provenance. `id` is the store's own key. */
export interface StoredAd {
  id: number;
  source: string;
  sourceAdId: string;
  url: string | null;
  postedAt: string | null;
  capturedAt: string;
  title: string;
  body: string;
  city: string | null;
  region: string | null;
  phone: string | null;
  email: string | null;
  images: ImageRef[];
  extra: Record<string, unknown>;
  contentHash: string;
  version: number;
  org: string;
  sharing: SharingLevel;
}

/** What happened to one input record on ingest. */
/** "refused": the ad is held by another organization and was left alone (recorded as a reject). */
export type IngestOutcome = "new" | "version" | "unchanged" | "refused";

/** The linker's snapshot ⇄ the store's named blobs, plus the watermark of the last ad linked. */
import type { IndexSnapshot } from "../link/index.js";

const META = "__meta";

export interface LinkState {
  snapshot: IndexSnapshot;
  /** Highest store id already in the index: the next run links only ads above it. */
  lastAdId: number;
  /** Latest ingest run whose ads the index has seen (to notice changed versions of old ads). */
  lastIngestRun: number;
}

export function encodeLinkState(s: LinkState): Record<string, Uint8Array> {
  const meta = { snapshot: s.snapshot.meta, lastAdId: s.lastAdId, lastIngestRun: s.lastIngestRun };
  return { ...s.snapshot.blobs, [META]: new TextEncoder().encode(JSON.stringify(meta)) };
}

export function decodeLinkState(parts: Record<string, Uint8Array>): LinkState | null {
  const raw = parts[META];
  if (!raw) return null;
  const meta = JSON.parse(new TextDecoder().decode(raw)) as { snapshot: IndexSnapshot["meta"]; lastAdId: number; lastIngestRun: number };
  const blobs = { ...parts };
  delete blobs[META];
  return { snapshot: { meta: meta.snapshot, blobs }, lastAdId: meta.lastAdId, lastIngestRun: meta.lastIngestRun };
}

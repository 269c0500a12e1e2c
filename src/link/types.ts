/** Records the linking core takes in and hands back. @module */
import type { Link } from "../domain/link.js";

export type IdentifierKind = "phone" | "email" | "handle" | "url" | "image";

/** One ad as the linker needs it. `id` is the store's key; `postedAt` is ms since epoch, NaN if unknown. */
export interface LinkRecord {
  id: number;
  adId: string;
  source: string;
  postedAt: number;
  city: string | null;
  title: string;
  body: string;
  identifiers: { kind: IdentifierKind; value: string }[];
  /** The text's shingles when already computed (`recordShingles`, e.g. in a worker thread). */
  shingles?: Uint32Array<ArrayBufferLike>;
}

/** What one `addBatch` call did. */
export interface BatchResult {
  /** Links created by this batch (`a < b` by store id); built on first access (a getter). */
  links: Link[];
  /**
   * True when the boilerplate snapshot changed and every text link was recomputed: the caller should replace
   * its stored text/template links with `index.links()` (identifier links are never affected).
   */
  rebuilt: boolean;
  timings: Record<string, number>;
}

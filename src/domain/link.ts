/** Links between ads and the networks they resolve into. */

export type LinkKind = "text" | "template" | "phone" | "email" | "handle" | "url" | "image";

/** A justified link between two stored ads (`a < b`). */
export interface Link {
  a: number;
  b: number;
  kind: LinkKind;
  weight: number;
  /** Human-readable and machine-checkable reasons: the shared value, similarity, ad counts. */
  evidence: Record<string, unknown>;
}

/** A resolved network: a stable id and its member ads, each with why it belongs. */
export interface Network {
  id: string;
  members: { adId: number; reason: Record<string, unknown> }[];
}

/**
 * What a match run reads from the hub: the identifier facts its caller may see, with each ad's network, and the
 * networks' risk scores. The store adapter (store-source.ts) answers it from scoped reads; tests use arrays.
 */
import type { MatchKind } from "./upload.js";

export interface IdentifierRow {
  kind: string;
  /** The normalized value as the extractor stored it. Stays inside the run: never part of a result. */
  value: string;
  adId: number;
  /** null for an ad in no network (a singleton). */
  networkId: string | null;
}

export interface MatchSource {
  /** Identifier facts of the given kinds, in batches of about `batch` rows. */
  identifierRows(kinds: readonly MatchKind[], batch: number): AsyncIterable<IdentifierRow[]>;
  /** networkId → risk (0–1) for the ids that have one. */
  networkRisk(ids: readonly string[]): Promise<Map<string, number>>;
}

/** A singleton ad's network id, as exports and the API show it ("S-<adId>"). */
export const singletonNetworkId = (adId: number): string => `S-${adId}`;

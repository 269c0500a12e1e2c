/** The fact extractor ingest runs on every new or changed ad. */
import type { AdInput } from "../domain/ad.js";
import type { Fact } from "../domain/fact.js";

export const EXTRACTOR_VERSION = "none";

export function extractFacts(_ad: AdInput): Fact[] {
  return [];
}

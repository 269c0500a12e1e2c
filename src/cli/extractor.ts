/** The fact extractor ingest uses (loaded lazily: the gazetteer is only read when extraction runs). */
import type { AdInput } from "../domain/ad.js";
import type { Fact } from "../domain/fact.js";

export async function extractForIngest(): Promise<{ extract: (ad: AdInput) => Fact[]; version: string }> {
  return { extract: () => [], version: "none" };
}

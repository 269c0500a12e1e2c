/** One raw record → a stored item (validated, hashed, facts extracted) or a reject. Pure; runs in workers too. */
import { encodeFacts } from "../store/fact-codec.js";
import type { IngestItem, RejectItem } from "../store/store.js";
import { extractEncodedFacts } from "./extractor.js";
import { contentHash } from "./normalize.js";
import type { ReadRecord } from "./readers.js";
import { validateRecord } from "./schema.js";

export interface PrepareOptions {
  file: string;
  source?: string;
  extract: boolean;
}

export interface PreparedBatch {
  items: IngestItem[];
  rejects: RejectItem[];
  facts: number;
}

export type WireRecord = ReadRecord;

export function prepareBatch(records: WireRecord[], o: PrepareOptions): PreparedBatch {
  const out: PreparedBatch = { items: [], rejects: [], facts: 0 };
  prepareRecords(records, o, (item) => {
    out.facts += item.facts.count;
    out.items.push(item);
  }, (reject) => out.rejects.push(reject));
  return out;
}

/**
 * Prepare `records` in order, handing each item or reject over as soon as it is made: a worker encodes each item
 * at once (`wire.ts`), so the objects of a large batch never pile up in its heap.
 */
export function prepareRecords(
  records: WireRecord[],
  o: PrepareOptions,
  onItem: (item: IngestItem) => void,
  onReject: (reject: RejectItem) => void,
): void {
  const source = o.source ?? null;
  for (const rec of records) {
    let value: unknown;
    if ("error" in rec) {
      onReject({ source, file: o.file, line: rec.line, recordId: null, reason: rec.error, raw: rec.raw });
      continue;
    }
    const raw = "text" in rec ? rec.text : rec.raw;
    if ("text" in rec) {
      try {
        value = JSON.parse(rec.text) as unknown;
      } catch (e) {
        onReject({ source, file: o.file, line: rec.line, recordId: null, reason: `not JSON: ${(e as Error).message}`, raw });
        continue;
      }
    } else value = rec.value;
    const v = validateRecord(value, o.source);
    if (!v.ok) {
      onReject({ source, file: o.file, line: rec.line, recordId: v.recordId, reason: v.reason, raw });
      continue;
    }
    // Extracted straight into the stored encoding (what `encodeFacts(extractAd(ad))` gives, tested).
    const facts = o.extract ? extractEncodedFacts(v.ad) : encodeFacts([]);
    onItem({ input: v.ad, contentHash: contentHash(v.ad), file: o.file, line: rec.line, facts });
  }
}

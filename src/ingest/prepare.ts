/** One raw record → a stored item (validated, hashed, facts extracted) or a reject. Pure; runs in workers too. */
import type { IngestItem, RejectItem } from "../store/store.js";
import { extractFacts } from "./extractor.js";
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
  const source = o.source ?? null;
  for (const rec of records) {
    let value: unknown;
    if ("error" in rec) {
      out.rejects.push({ source, file: o.file, line: rec.line, recordId: null, reason: rec.error, raw: rec.raw });
      continue;
    }
    const raw = "text" in rec ? rec.text : rec.raw;
    if ("text" in rec) {
      try {
        value = JSON.parse(rec.text) as unknown;
      } catch (e) {
        out.rejects.push({ source, file: o.file, line: rec.line, recordId: null, reason: `not JSON: ${(e as Error).message}`, raw });
        continue;
      }
    } else value = rec.value;
    const v = validateRecord(value, o.source);
    if (!v.ok) {
      out.rejects.push({ source, file: o.file, line: rec.line, recordId: v.recordId, reason: v.reason, raw });
      continue;
    }
    const facts = o.extract ? extractFacts(v.ad) : [];
    out.facts += facts.length;
    out.items.push({ input: v.ad, contentHash: contentHash(v.ad), file: o.file, line: rec.line, facts });
  }
  return out;
}

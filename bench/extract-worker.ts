/**
 * Bench worker for extraction alone: takes JSON lines of ads packed as the ingest pool packs them and returns, per
 * ad, what an ingest worker ships back and stores: `extractAdEncoded(ad)` (= `encodeFacts(extractAd(ad))`) — the facts' JSON text (the
 * `ad_facts` row) and their indexed keys. No validation, hashing or store items.
 */
import { parentPort } from "node:worker_threads";
import { extractAdEncoded, type AdText } from "../src/extract/index.js";
import { unpackRecords, type PackedLines } from "../src/ingest/wire.js";

export interface ExtractJob {
  seq: number;
  lines: PackedLines;
}

parentPort?.on("message", (job: ExtractJob) => {
  const json: string[] = [];
  const keys: string[] = [];
  let facts = 0;
  for (const rec of unpackRecords(job.lines)) {
    if (!("text" in rec)) continue;
    const e = extractAdEncoded(JSON.parse(rec.text) as AdText);
    facts += e.count;
    json.push(e.json);
    keys.push(JSON.stringify(e.keys)); // as the ingest wire sends them: inside each item's JSON
  }
  // As the ingest wire has it: each ad's facts JSON as its own string, the keys as JSON text.
  parentPort?.postMessage({ seq: job.seq, facts: json, keys: `[${keys.join(",")}]`, count: facts });
});

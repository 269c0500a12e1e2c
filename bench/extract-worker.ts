/**
 * Bench worker for extraction alone: takes JSON lines of ads packed as the ingest pool packs them, returns the
 * facts of each ad as JSON (what a worker-threaded extract stage would ship back). No validation or hashing.
 */
import { parentPort } from "node:worker_threads";
import { extractAd, type AdText } from "../src/extract/index.js";
import { unpackRecords, type PackedLines } from "../src/ingest/wire.js";

export interface ExtractJob {
  seq: number;
  lines: PackedLines;
}

parentPort?.on("message", (job: ExtractJob) => {
  const out: string[] = [];
  let facts = 0;
  for (const rec of unpackRecords(job.lines)) {
    if (!("text" in rec)) continue;
    const f = extractAd(JSON.parse(rec.text) as AdText);
    facts += f.length;
    out.push(JSON.stringify(f));
  }
  parentPort?.postMessage({ seq: job.seq, facts: `[${out.join(",")}]`, count: facts });
});

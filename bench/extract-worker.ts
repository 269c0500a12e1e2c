/**
 * Bench worker for extraction alone: takes JSON lines of ads packed as the ingest pool packs them and returns, per
 * ad, what an ingest worker ships back and stores: `extractAdEncoded(ad)` (= `encodeFacts(extractAd(ad))`) — the facts' JSON text (the
 * `ad_facts` row) and their indexed keys — in slices of REPLY_ITEMS ads, as an ingest worker replies. No validation,
 * hashing or store items.
 */
import { parentPort } from "node:worker_threads";
import { extractAdEncoded, type AdText } from "../src/extract/index.js";
import { REPLY_ITEMS, unpackRecords, type PackedLines } from "../src/ingest/wire.js";

export interface ExtractJob {
  seq: number;
  lines: PackedLines;
}

/** One slice of a job's facts; the job is done with the slice whose `last` is true. */
export interface ExtractReply {
  seq: number;
  /** Each ad's facts JSON as its own string, as the ingest wire has them. */
  facts: string[];
  /** The ads' indexed keys as JSON text: ingest sends them inside each item's JSON. */
  keys: string;
  count: number;
  last: boolean;
}

parentPort?.on("message", (job: ExtractJob) => {
  let json: string[] = [];
  let keys: string[] = [];
  let facts = 0;
  const send = (last: boolean) => {
    const reply: ExtractReply = { seq: job.seq, facts: json, keys: `[${keys.join(",")}]`, count: facts, last };
    parentPort?.postMessage(reply);
    json = [];
    keys = [];
    facts = 0;
  };
  for (const rec of unpackRecords(job.lines)) {
    if (!("text" in rec)) continue;
    const e = extractAdEncoded(JSON.parse(rec.text) as AdText);
    facts += e.count;
    json.push(e.json);
    keys.push(JSON.stringify(e.keys));
    if (json.length >= REPLY_ITEMS) send(false);
  }
  send(true);
});

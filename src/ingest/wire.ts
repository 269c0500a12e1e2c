/**
 * What crosses the thread boundary between the ingest pool and its workers, in forms that are cheap to copy.
 * Structured clone copies every small object one by one (and the receiving thread rebuilds each); a few large
 * strings copy as flat memory, and one `JSON.parse` rebuilds objects faster than the structured-clone reader. So:
 * - JSON lines go to a worker as a few large strings (the texts concatenated) plus a typed array of line numbers
 *   and lengths, instead of an array of `{line, text}` objects;
 * - a prepared batch comes back as JSON text, parsed on the main thread, except each item's encoded facts, which
 *   already are JSON text (the store keeps them as they are): they travel as plain strings beside the items, so
 *   they are neither escaped into the items' JSON nor parsed back.
 * Both are cut into parts of at most PART_CHARS characters, far below the longest string V8 allows, however large
 * the batch. A job's results go back in slices of at most REPLY_ITEMS items (`WorkerReply.last` marks the final
 * one): sent soon after they are made, they die young in the worker's heap, where a whole batch of result strings
 * survived scavenges and was copied twice on its way to the old generation (≈ 5 µs of CPU per ad in the extraction
 * bench). Everything in a prepared batch is JSON data: ads came from JSON or CSV text, facts are already encoded
 * as the JSON text the store keeps (`fact-codec.ts`), and the store writes images and extra fields as JSON itself,
 * so the round trip changes nothing it stores (JSON has no -0 or Infinity; neither could reach the store as such anyway). Each item is stringified as
 * soon as the worker has prepared it, so a large batch never piles up as objects in the worker's heap.
 */
import type { IngestItem, RejectItem } from "../store/store.js";
import type { PreparedBatch, PrepareOptions, WireRecord } from "./prepare.js";

/** Longest string part sent either way (characters). */
export const PART_CHARS = 1 << 24;

/** Most items (or ads) a worker holds before sending them back: fewer than a scavenge's worth. */
export const REPLY_ITEMS = 256;

/** JSON lines packed: the texts concatenated into parts (no text is split), `meta` holds [line, length] per record. */
export interface PackedLines {
  parts: string[];
  meta: Int32Array;
}

export interface WorkerJob {
  seq: number;
  records: WireRecord[] | PackedLines;
  options: PrepareOptions;
}

/** A prepared batch as JSON: `items` parts are JSON arrays of items (facts without their text), in order. */
export interface EncodedBatch {
  items: string[];
  /** Each item's `facts.json`, in item order. */
  factJson: string[];
  rejects: RejectItem[];
  facts: number;
}

/** One slice of a job's results; the job is done with the slice whose `last` is true. */
export interface WorkerReply {
  seq: number;
  batch: EncodedBatch;
  last: boolean;
}

/** Pack records when they are all unparsed JSON lines (the common case); other records travel as they are. */
export function packRecords(records: WireRecord[], partChars = PART_CHARS): WireRecord[] | PackedLines {
  const meta = new Int32Array(records.length * 2);
  const parts: string[] = [];
  let part: string[] = [];
  let size = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (!("text" in r)) return records;
    if (size + r.text.length > partChars && part.length > 0) {
      parts.push(part.join(""));
      part = [];
      size = 0;
    }
    meta[2 * i] = r.line;
    meta[2 * i + 1] = r.text.length;
    part.push(r.text);
    size += r.text.length;
  }
  if (part.length > 0) parts.push(part.join(""));
  return { parts, meta };
}

export function unpackRecords(records: WireRecord[] | PackedLines): WireRecord[] {
  if (Array.isArray(records)) return records;
  const out: WireRecord[] = [];
  const { parts, meta } = records;
  let p = 0;
  let at = 0;
  for (let i = 0; i < meta.length; i += 2) {
    const len = meta[i + 1];
    // Texts never straddle parts: move on when this one is used up (empty texts fit anywhere).
    while (at + len > parts[p].length) {
      p++;
      at = 0;
    }
    out.push({ line: meta[i], text: parts[p].slice(at, at + len) });
    at += len;
  }
  return out;
}

/** Builds an EncodedBatch item by item: each item is stringified when it is added, and parts are bounded in size. */
export class BatchEncoder {
  constructor(private readonly partChars = PART_CHARS) {}

  private readonly parts: string[] = [];
  private part: string[] = [];
  private size = 0;
  private readonly rejects: RejectItem[] = [];
  private readonly factJson: string[] = [];
  private facts = 0;

  /** Items and rejects added so far. */
  get count(): number {
    return this.factJson.length + this.rejects.length;
  }

  add(item: IngestItem): void {
    const { json, ...facts } = item.facts;
    this.factJson.push(json);
    const s = JSON.stringify({ ...item, facts });
    if (this.size + s.length > this.partChars && this.part.length > 0) this.flush();
    this.part.push(s);
    this.size += s.length + 1;
    this.facts += item.facts.count;
  }

  reject(r: RejectItem): void {
    this.rejects.push(r);
  }

  finish(): EncodedBatch {
    if (this.part.length > 0) this.flush();
    return { items: this.parts, factJson: this.factJson, rejects: this.rejects, facts: this.facts };
  }

  private flush(): void {
    this.parts.push(`[${this.part.join(",")}]`);
    this.part = [];
    this.size = 0;
  }
}

export function decodeBatch(b: EncodedBatch): PreparedBatch {
  const items: IngestItem[] = [];
  let i = 0;
  for (const part of b.items) {
    // Parsed items lack facts.json until it is put back here.
    for (const item of JSON.parse(part) as IngestItem[]) {
      item.facts.json = b.factJson[i++]!;
      items.push(item);
    }
  }
  return { items, rejects: b.rejects, facts: b.facts };
}

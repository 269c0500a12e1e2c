/**
 * Ingest: read → validate → normalize → extract → store, in batches of one transaction each. A bad record is
 * rejected with its file, line and reason; the rest of the file still goes in. Stopping (abort signal) between
 * batches leaves every committed batch in place and nothing half-written.
 *
 * With `workers > 0`, parsing, validation and extraction run in worker threads while this thread only writes,
 * so the store's single writer is never idle waiting for CPU work.
 */
import { basename } from "node:path";
import { statSync } from "node:fs";
import type { IngestOwner, Store } from "../store/store.js";
import { EXTRACTOR_VERSION } from "./extractor.js";
import { PreparePool } from "./pool.js";
import { prepareBatch, type PreparedBatch, type PrepareOptions, type WireRecord } from "./prepare.js";
import { detectFormat, openReader } from "./readers.js";

export interface IngestOptions {
  source?: string;
  format?: string;
  batchSize?: number;
  /** Extract facts from every new or changed ad (default true). */
  extract?: boolean;
  /** Worker threads for parsing and extraction; 0 runs everything on this thread (default). */
  workers?: number;
  signal?: AbortSignal;
  /** Owning organization and sharing level of every record (default: `public`, shared with the hub). */
  owner?: IngestOwner;
  onProgress?: (p: { file: string; bytes: number; totalBytes: number; read: number }) => void;
}

export interface IngestSummary {
  files: number;
  read: number;
  new: number;
  versions: number;
  unchanged: number;
  rejected: number;
  facts: number;
  seconds: number;
  adsPerSec: number;
  interrupted: boolean;
  runId: number;
}

/** Fewer new ads than this never trigger a text-index merge (FTS5's automerge keeps small runs in shape). */
const COMPACT_MIN_ADS = 10_000;

export async function ingestFiles(store: Store, files: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const extract = opts.extract ?? true;
  const ev = extract ? EXTRACTOR_VERSION : "none";
  const runId = await store.startRun("ingest", {
    files,
    source: opts.source ?? null,
    format: opts.format ?? null,
    extractorVersion: ev,
    workers: opts.workers ?? 0,
    org: opts.owner?.org ?? "public",
    sharing: opts.owner?.sharing ?? "hub",
  });
  const s: IngestSummary = { files: files.length, read: 0, new: 0, versions: 0, unchanged: 0, rejected: 0, facts: 0, seconds: 0, adsPerSec: 0, interrupted: false, runId };
  const pool = opts.workers && opts.workers > 0 ? new PreparePool(opts.workers) : null;
  let status: "ok" | "interrupted" | "failed" = "ok";
  try {
    for (const file of files) {
      if (opts.signal?.aborted) break;
      await ingestOne(store, file, runId, ev, { file, source: opts.source, extract }, pool, opts, s);
    }
    if (opts.signal?.aborted) {
      s.interrupted = true;
      status = "interrupted";
    }
    // A bulk load leaves the text index in many segments. Merging rewrites the whole index (≈ 5 s at a million ads,
    // ~4% of loading them), so it is done only when the run wrote at least a tenth of what the store holds.
    const written = s.new + s.versions;
    if (written >= COMPACT_MIN_ADS && written * 10 >= (await store.countAds())) await store.compactTextIndex();
  } catch (e) {
    status = "failed";
    throw e;
  } finally {
    await pool?.close();
    s.seconds = (performance.now() - t0) / 1000;
    s.adsPerSec = s.seconds > 0 ? s.read / s.seconds : 0;
    const { files: _f, seconds, adsPerSec, interrupted: _i, runId: _r, ...counts } = s;
    await store.finishRun(runId, status, counts, { seconds, adsPerSec });
  }
  return s;
}

async function ingestOne(
  store: Store,
  file: string,
  runId: number,
  ev: string,
  prep: PrepareOptions,
  pool: PreparePool | null,
  opts: IngestOptions,
  s: IngestSummary,
): Promise<void> {
  const batchSize = opts.batchSize ?? 10000;
  const reader = openReader(file, detectFormat(file, opts.format));
  const totalBytes = statSync(file).size;
  const name = basename(file);
  const inFlight: Promise<PreparedBatch>[] = [];

  const write = async (batch: PreparedBatch) => {
    const res = await store.writeIngestBatch(runId, batch.items, batch.rejects, ev, opts.owner);
    for (const o of res.outcomes) {
      if (o === "new") s.new++;
      else if (o === "version") s.versions++;
      else if (o === "refused") s.rejected++;
      else s.unchanged++;
    }
    s.rejected += batch.rejects.length;
    s.facts += batch.facts;
    opts.onProgress?.({ file: name, bytes: reader.bytesRead(), totalBytes, read: s.read });
  };
  const drainOne = async () => write(await (inFlight.shift() as Promise<PreparedBatch>));

  let chunk: WireRecord[] = [];
  const submit = async () => {
    if (chunk.length === 0) return;
    const records = chunk;
    chunk = [];
    if (!pool) return write(prepareBatch(records, prep));
    inFlight.push(pool.submit(records, prep));
    if (inFlight.length >= pool.capacity) await drainOne();
  };

  for await (const rec of reader.records) {
    s.read++;
    chunk.push(rec);
    if (chunk.length >= batchSize) {
      await submit();
      if (opts.signal?.aborted) break;
    }
  }
  if (!opts.signal?.aborted) await submit();
  // Batches already prepared are written even when stopping: each is its own transaction.
  while (inFlight.length) await drainOne();
}

export interface RecordsResult {
  runId: number;
  read: number;
  new: number;
  versions: number;
  unchanged: number;
  /** Rejected records (invalid, or held by another organization), each by its index in the request. */
  rejects: { index: number; id: string | null; reason: string }[];
}

/**
 * Ingests records already in memory (an API upload) as one run and one transaction: the same validation,
 * extraction and versioning as files, rejects named by their index (0-based) in `records`.
 */
export async function ingestRecords(store: Store, records: readonly unknown[], o: { owner: IngestOwner; source?: string; label: string }): Promise<RecordsResult> {
  const runId = await store.startRun("ingest", { upload: o.label, records: records.length, source: o.source ?? null, extractorVersion: EXTRACTOR_VERSION, org: o.owner.org, sharing: o.owner.sharing });
  const wire: WireRecord[] = records.map((value, i) => ({ line: i + 1, value, raw: JSON.stringify(value)?.slice(0, 4096) ?? "" }));
  const out: RecordsResult = { runId, read: records.length, new: 0, versions: 0, unchanged: 0, rejects: [] };
  try {
    const batch = prepareBatch(wire, { file: o.label, source: o.source, extract: true });
    const res = await store.writeIngestBatch(runId, batch.items, batch.rejects, EXTRACTOR_VERSION, o.owner);
    res.outcomes.forEach((outcome, i) => {
      const item = batch.items[i]!;
      if (outcome === "new") out.new++;
      else if (outcome === "version") out.versions++;
      else if (outcome === "unchanged") out.unchanged++;
      else out.rejects.push({ index: item.line - 1, id: item.input.id, reason: "refused: this source and id are held by another organization; the stored ad was left unchanged" });
    });
    for (const r of batch.rejects) out.rejects.push({ index: r.line - 1, id: r.recordId, reason: r.reason });
    out.rejects.sort((a, b) => a.index - b.index);
    await store.finishRun(runId, "ok", { read: out.read, new: out.new, versions: out.versions, unchanged: out.unchanged, rejected: out.rejects.length }, {});
  } catch (e) {
    await store.finishRun(runId, "failed", {}, {});
    throw e;
  }
  return out;
}

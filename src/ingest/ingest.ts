/**
 * Ingest: read → validate → normalize → extract → store, in batches of one transaction each. A bad record is
 * rejected with its file, line and reason; the rest of the file still goes in. Stopping (abort signal) between
 * batches leaves every committed batch in place and nothing half-written.
 */
import { basename } from "node:path";
import { statSync } from "node:fs";
import type { AdInput } from "../domain/ad.js";
import type { Fact } from "../domain/fact.js";
import type { IngestItem, RejectItem, Store } from "../store/store.js";
import { contentHash, normalizeText } from "./normalize.js";
import { detectFormat, openReader } from "./readers.js";
import { validateRecord } from "./schema.js";

export interface IngestOptions {
  source?: string;
  format?: string;
  batchSize?: number;
  /** Fact extraction run on every new or changed ad; none when omitted. */
  extract?: (ad: AdInput) => Fact[];
  extractorVersion?: string;
  signal?: AbortSignal;
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

export async function ingestFiles(store: Store, files: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const batchSize = opts.batchSize ?? 2000;
  const ev = opts.extractorVersion ?? "none";
  const runId = await store.startRun("ingest", { files, source: opts.source ?? null, format: opts.format ?? null, extractorVersion: ev });
  const s: IngestSummary = { files: files.length, read: 0, new: 0, versions: 0, unchanged: 0, rejected: 0, facts: 0, seconds: 0, adsPerSec: 0, interrupted: false, runId };
  let status: "ok" | "interrupted" | "failed" = "ok";
  try {
    for (const file of files) {
      if (opts.signal?.aborted) break;
      await ingestOne(store, file, runId, batchSize, ev, opts, s);
    }
    if (opts.signal?.aborted) {
      s.interrupted = true;
      status = "interrupted";
    }
  } catch (e) {
    status = "failed";
    throw e;
  } finally {
    s.seconds = (performance.now() - t0) / 1000;
    s.adsPerSec = s.seconds > 0 ? s.read / s.seconds : 0;
    const { files: _f, seconds, adsPerSec, interrupted: _i, runId: _r, ...counts } = s;
    await store.finishRun(runId, status, counts, { seconds, adsPerSec });
  }
  return s;
}

async function ingestOne(store: Store, file: string, runId: number, batchSize: number, ev: string, opts: IngestOptions, s: IngestSummary): Promise<void> {
  const format = detectFormat(file, opts.format);
  const totalBytes = statSync(file).size;
  const reader = openReader(file, format);
  const name = basename(file);
  let items: IngestItem[] = [];
  let rejects: RejectItem[] = [];
  const flush = async () => {
    if (items.length === 0 && rejects.length === 0) return;
    const res = await store.writeIngestBatch(runId, items, rejects, ev);
    for (const o of res.outcomes) {
      if (o === "new") s.new++;
      else if (o === "version") s.versions++;
      else s.unchanged++;
    }
    s.rejected += rejects.length;
    items = [];
    rejects = [];
    opts.onProgress?.({ file: name, bytes: reader.bytesRead(), totalBytes, read: s.read });
  };
  for await (const rec of reader.records) {
    s.read++;
    if ("error" in rec) {
      rejects.push({ source: opts.source ?? null, file, line: rec.line, recordId: null, reason: rec.error, raw: rec.raw });
    } else {
      const v = validateRecord(rec.value, opts.source);
      if (!v.ok) {
        rejects.push({ source: opts.source ?? null, file, line: rec.line, recordId: v.recordId, reason: v.reason, raw: rec.raw });
      } else {
        const facts = opts.extract ? opts.extract(v.ad) : [];
        s.facts += facts.length;
        items.push({ input: v.ad, contentHash: contentHash(v.ad), normText: normalizeText(v.ad.title, v.ad.body), file, line: rec.line, facts });
      }
    }
    if (items.length + rejects.length >= batchSize) {
      await flush();
      if (opts.signal?.aborted) return;
    }
  }
  await flush();
}

/**
 * A small ordered worker pool: each job goes to the worker with the fewest jobs outstanding, results come back
 * per job (callers await them in submission order), and the caller keeps at most `capacity` (2 × size) jobs in
 * flight so memory stays bounded however large the file. Records and prepared batches cross the thread boundary
 * packed (`wire.ts`), batches in slices, and are unpacked and joined here, so callers see one plain batch per job.
 */
import { Worker } from "node:worker_threads";
import { compileOnWorkerThreads } from "../util/jit.js";
import type { PreparedBatch, PrepareOptions, WireRecord } from "./prepare.js";
import { decodeBatch, packRecords, type WorkerJob, type WorkerReply } from "./wire.js";

/**
 * Young generation of each worker: extraction allocates many short-lived objects (matches, units, facts), and a
 * larger nursery means fewer scavenges (about 5% of extraction time at V8's default).
 */
const YOUNG_GENERATION_MB = 96;

interface Pending {
  resolve: (b: PreparedBatch) => void;
  reject: (e: Error) => void;
  worker: number;
  /** The slices received so far, decoded and joined. */
  batch: PreparedBatch;
}

export class PreparePool {
  private readonly workers: Worker[];
  /** Jobs sent to each worker and not yet answered. */
  private readonly load: number[];
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  constructor(size: number) {
    const url = new URL("./worker.js", import.meta.url);
    compileOnWorkerThreads(size);
    this.load = new Array<number>(size).fill(0);
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      w.on("message", (m: WorkerReply) => {
        const p = this.pending.get(m.seq);
        if (p === undefined) return;
        try {
          appendBatch(p.batch, decodeBatch(m.batch));
        } catch (e) {
          this.settle(m.seq, p);
          p.reject(e as Error);
          return;
        }
        if (!m.last) return;
        this.settle(m.seq, p);
        p.resolve(p.batch);
      });
      w.on("error", (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      return w;
    });
  }

  get capacity(): number {
    return this.workers.length * 2;
  }

  submit(records: WireRecord[], options: PrepareOptions): Promise<PreparedBatch> {
    const seq = this.next++;
    const packed = packRecords(records);
    const job: WorkerJob = { seq, records: packed, options };
    let worker = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.load[i] < this.load[worker]) worker = i;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject, worker, batch: { items: [], rejects: [], facts: 0 } });
      this.load[worker]++;
      const transfer = Array.isArray(packed) ? [] : [packed.meta.buffer as ArrayBuffer];
      this.workers[worker].postMessage(job, transfer);
    });
  }

  /** Job `seq` is answered (its remaining slices, if any, are dropped). */
  private settle(seq: number, p: Pending): void {
    this.pending.delete(seq);
    this.load[p.worker]--;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function appendBatch(to: PreparedBatch, slice: PreparedBatch): void {
  for (const item of slice.items) to.items.push(item);
  for (const r of slice.rejects) to.rejects.push(r);
  to.facts += slice.facts;
}

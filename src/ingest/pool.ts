/**
 * A small ordered worker pool: jobs go round-robin to workers, results come back in submission order, and at
 * most `2 × size` jobs are in flight so memory stays bounded however large the file.
 */
import { Worker } from "node:worker_threads";
import type { PreparedBatch, PrepareOptions, WireRecord } from "./prepare.js";
import type { WorkerJob } from "./worker.js";

export class PreparePool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: (b: PreparedBatch) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor(size: number) {
    const url = new URL("./worker.js", import.meta.url);
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(url);
      w.on("message", (m: { seq: number; batch: PreparedBatch }) => {
        const p = this.pending.get(m.seq);
        this.pending.delete(m.seq);
        p?.resolve(m.batch);
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
    const job: WorkerJob = { seq, records, options };
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.workers[seq % this.workers.length].postMessage(job);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

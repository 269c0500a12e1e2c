/**
 * Worker threads that answer jobs by sequence number: posting a job gives a promise of the reply that carries the
 * same `seq`; a worker's error rejects every job still waiting. Shared by the link stage's worker pools.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

export class WorkerCalls<Reply extends { seq: number }> {
  /** False when running from TypeScript sources (tests), where there is no compiled worker to start. */
  static available(url: URL): boolean {
    return existsSync(fileURLToPath(url));
  }

  readonly size: number;
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor(url: URL, size: number) {
    this.size = size;
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(url);
      w.on("message", (m: Reply) => {
        const p = this.pending.get(m.seq);
        this.pending.delete(m.seq);
        p?.resolve(m);
      });
      w.on("error", (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      return w;
    });
  }

  /** Post the job `make(seq)` to worker `worker` (taken modulo the pool size); resolves with its reply. */
  call<T extends Reply>(worker: number, make: (seq: number) => object, transfer: ArrayBuffer[] = []): Promise<T> {
    const seq = this.next++;
    const w = this.workers[worker % this.size]!;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      w.postMessage(make(seq), transfer);
    }) as Promise<T>;
  }

  /** Post a message that expects no reply to every worker. */
  broadcast(message: object): void {
    for (const w of this.workers) w.postMessage(message);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

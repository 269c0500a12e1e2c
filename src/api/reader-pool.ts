/**
 * Reader threads for the API's heavier reads. better-sqlite3 answers on the thread that asks, so one network of
 * thousands of ads (hundreds of milliseconds to explain) would hold up every other request of the process; a
 * reader thread with its own connection to the same file answers it instead, and the two cores of a small
 * server both work. Each job's answer comes back as the JSON text the route sends.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ReadScope } from "../domain/access.js";

/** A job for a reader thread (reader-worker.ts). */
export interface ReaderJob {
  type: "networkDetail";
  seq: number;
  scope: ReadScope;
  id: string;
  memberLimit: number;
}

/** The answer's JSON text (null: no such network for this viewer), or why it failed. */
export type ReaderReply = { seq: number; json: string | null } | { seq: number; error: string };

const WORKER_URL = new URL("./reader-worker.js", import.meta.url);

interface Reader {
  worker: Worker;
  pending: Map<number, { resolve: (json: string | null) => void; reject: (e: Error) => void }>;
}

export class ReaderPool {
  /** False when running from TypeScript sources (tests), where there is no compiled worker to start. */
  static available(): boolean {
    return existsSync(fileURLToPath(WORKER_URL));
  }

  private readonly readers: (Reader | null)[];
  private next = 0;
  private closed = false;

  /** Starts `size` reader threads on the database file at `db` (each opens its own connection). */
  constructor(
    private readonly db: string,
    size: number,
  ) {
    this.readers = Array.from({ length: Math.max(1, size) }, () => this.start());
  }

  /** The network's detail as `viewer` sees it, as JSON text; null when the viewer has no such network. */
  networkDetail(scope: ReadScope, id: string, memberLimit: number): Promise<string | null> {
    return this.call((seq) => ({ type: "networkDetail", seq, scope: { org: scope.org, all: scope.all }, id, memberLimit }));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.readers.map(async (r) => {
        if (!r) return;
        const exited = new Promise((resolve) => r.worker.once("exit", resolve));
        r.worker.ref(); // until it has closed its connection
        r.worker.postMessage({ type: "close" });
        await exited;
      }),
    );
  }

  private call(make: (seq: number) => ReaderJob): Promise<string | null> {
    if (this.closed) return Promise.reject(new Error("reader pool: closed"));
    // The least busy reader: one slow job must not queue quick ones behind it while another reader idles.
    let best = -1;
    for (let i = 0; i < this.readers.length; i++) {
      const r = (this.readers[i] ??= this.start());
      if (best < 0 || r.pending.size < this.readers[best]!.pending.size) best = i;
    }
    const r = this.readers[best]!;
    const seq = this.next++;
    return new Promise((resolve, reject) => {
      r.pending.set(seq, { resolve, reject });
      // A job in hand keeps the process alive until it is answered (an HTTP server would, a script calling
      // `app.inject` would not).
      r.worker.ref();
      r.worker.postMessage(make(seq));
    });
  }

  private start(): Reader {
    const worker = new Worker(WORKER_URL, { workerData: { db: this.db } });
    const r: Reader = { worker, pending: new Map() };
    worker.on("message", (m: ReaderReply) => {
      const p = r.pending.get(m.seq);
      r.pending.delete(m.seq);
      if (r.pending.size === 0) worker.unref();
      if (!p) return;
      if ("error" in m) p.reject(new Error(m.error));
      else p.resolve(m.json);
    });
    // A thread that dies fails its jobs in flight and is replaced on the next call.
    const fail = (e: Error) => {
      for (const p of r.pending.values()) p.reject(e);
      r.pending.clear();
      const i = this.readers.indexOf(r);
      if (i >= 0) this.readers[i] = null;
    };
    worker.on("error", (e) => fail(new Error(`reader thread failed: ${e.message}`)));
    worker.on("exit", (code) => fail(new Error(`reader thread exited (code ${code})`)));
    // Idle reader threads do not keep the process alive.
    worker.unref();
    return r;
  }
}

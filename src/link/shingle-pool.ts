/**
 * Shingles pages of ads in worker threads while the linker works on the page before: tokenizing and shingling is
 * pure per ad and was ~half of a full build's first pass. Only what `recordShingles` reads crosses the boundary
 * (title, body, contact values; or, given the database file, ids and contact values); the shingles come back as
 * one transferred typed array per page.
 */
import { WorkerCalls } from "./worker-calls.js";
import { isSlotKind, type ShingleConfig } from "./record-shingles.js";
import type { LinkRecord } from "./types.js";

type ShingleInput = Pick<LinkRecord, "title" | "body" | "identifiers">;

export interface ShingleJob {
  seq: number;
  /** Either the records' text, or their ids and the database file to read it from (`ShinglePool` with a file). */
  records: ShingleInput[];
  ids?: number[];
  file?: string;
  config: ShingleConfig;
}

export interface ShingleReply {
  seq: number;
  values: Uint32Array;
  /** Ad i's shingles are values[offsets[i], offsets[i + 1]). */
  offsets: Uint32Array;
}

const WORKER_URL = new URL("./shingle-worker.js", import.meta.url);

export class ShinglePool {
  /** False when running from TypeScript sources (tests), where there is no compiled worker to start. */
  static available(): boolean {
    return WorkerCalls.available(WORKER_URL);
  }

  private readonly calls: WorkerCalls<ShingleReply>;

  /**
   * With `file` (an SQLite database), workers read each ad's title and body from it by id instead of receiving
   * them: the calling thread then never holds the corpus's text (at 1M ads, a GB of strings read, copied to a
   * worker and collected).
   */
  constructor(size: number, private readonly config: ShingleConfig, private readonly file?: string) {
    this.calls = new WorkerCalls(WORKER_URL, size);
  }

  /**
   * Shingles of `records`, in order, set on each record (`record.shingles`) when they arrive. The page is split
   * across the workers.
   */
  async shingle(records: LinkRecord[]): Promise<void> {
    const n = this.calls.size;
    const per = Math.ceil(records.length / n);
    const jobs: Promise<void>[] = [];
    const file = this.file;
    for (let w = 0; w < n; w++) {
      const part = records.slice(w * per, (w + 1) * per);
      if (part.length === 0) continue;
      const make = (seq: number): ShingleJob => {
        const job: ShingleJob = {
          seq,
          records: part.map((r) => ({ title: file ? "" : r.title, body: file ? "" : r.body, identifiers: r.identifiers.filter((i) => isSlotKind(i.kind)) })),
          config: this.config,
        };
        if (file) {
          job.file = file;
          job.ids = part.map((r) => r.id);
        }
        return job;
      };
      jobs.push(
        this.calls.call(w, make).then((reply) => {
          part.forEach((r, i) => (r.shingles = reply.values.subarray(reply.offsets[i], reply.offsets[i + 1])));
        }),
      );
    }
    await Promise.all(jobs);
  }

  close(): Promise<void> {
    return this.calls.close();
  }
}

/** A reader thread (reader-pool.ts): its own connection to the database, answering jobs with JSON text. */
import { parentPort, workerData } from "node:worker_threads";
import { Auth } from "../hub/auth.js";
import { openStore } from "../store/open.js";
import { ApiContext } from "./context.js";
import { networkDetail } from "./networks/detail.js";
import type { ReaderJob, ReaderReply } from "./reader-pool.js";

const port = parentPort;
if (!port) throw new Error("reader-worker: not started as a worker thread");

const store = await openStore((workerData as { db: string }).db, { mmap: true });
const ctx = new ApiContext(store, new Auth(store.hub));

async function answer(job: ReaderJob): Promise<string | null> {
  const reads = store.reads(job.scope);
  const row = await reads.networkRow(job.id);
  return row ? JSON.stringify(await networkDetail(ctx, reads, row, job.memberLimit)) : null;
}

port.on("message", (job: ReaderJob | { type: "close" }) => {
  if (job.type === "close") {
    void store.close().finally(() => port.close());
    return;
  }
  answer(job).then(
    (json) => port.postMessage({ seq: job.seq, json } satisfies ReaderReply),
    (e: unknown) => port.postMessage({ seq: job.seq, error: e instanceof Error ? e.message : String(e) } satisfies ReaderReply),
  );
});

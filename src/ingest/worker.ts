/** Worker thread: prepares batches (parse, validate, hash, extract) while the main thread writes to the store. */
import { parentPort } from "node:worker_threads";
import { prepareBatch, type PrepareOptions, type WireRecord } from "./prepare.js";

export interface WorkerJob {
  seq: number;
  records: WireRecord[];
  options: PrepareOptions;
}

parentPort?.on("message", (job: WorkerJob) => {
  parentPort?.postMessage({ seq: job.seq, batch: prepareBatch(job.records, job.options) });
});

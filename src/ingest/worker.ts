/** Worker thread: prepares batches (parse, validate, hash, extract) while the main thread writes to the store. */
import { parentPort } from "node:worker_threads";
import { prepareRecords } from "./prepare.js";
import { BatchEncoder, unpackRecords, type WorkerJob, type WorkerReply } from "./wire.js";

parentPort?.on("message", (job: WorkerJob) => {
  const encoder = new BatchEncoder();
  prepareRecords(unpackRecords(job.records), job.options, (item) => encoder.add(item), (reject) => encoder.reject(reject));
  const reply: WorkerReply = { seq: job.seq, batch: encoder.finish() };
  parentPort?.postMessage(reply);
});

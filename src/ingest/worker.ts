/** Worker thread: prepares batches (parse, validate, hash, extract) while the main thread writes to the store. */
import { parentPort } from "node:worker_threads";
import { prepareRecords } from "./prepare.js";
import { BatchEncoder, REPLY_ITEMS, unpackRecords, type WorkerJob, type WorkerReply } from "./wire.js";

parentPort?.on("message", (job: WorkerJob) => {
  let encoder = new BatchEncoder();
  const send = (last: boolean) => {
    const reply: WorkerReply = { seq: job.seq, batch: encoder.finish(), last };
    parentPort?.postMessage(reply);
    encoder = new BatchEncoder();
  };
  const flush = () => {
    if (encoder.count >= REPLY_ITEMS) send(false);
  };
  prepareRecords(
    unpackRecords(job.records),
    job.options,
    (item) => {
      encoder.add(item);
      flush();
    },
    (reject) => {
      encoder.reject(reject);
      flush();
    },
  );
  send(true);
});

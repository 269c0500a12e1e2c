/** Worker thread: shingles a page of ads' texts (`recordShingles`) and sends them back as one flat typed array. */
import { parentPort } from "node:worker_threads";
import { recordShingles } from "./record-shingles.js";
import type { ShingleJob, ShingleReply } from "./shingle-pool.js";

parentPort?.on("message", (job: ShingleJob) => {
  const offsets = new Uint32Array(job.records.length + 1);
  const parts: Uint32Array<ArrayBufferLike>[] = [];
  let total = 0;
  job.records.forEach((r, i) => {
    const sh = recordShingles(r, job.config);
    parts.push(sh);
    total += sh.length;
    offsets[i + 1] = total;
  });
  const values = new Uint32Array(total);
  parts.forEach((p, i) => values.set(p, offsets[i]));
  const reply: ShingleReply = { seq: job.seq, values, offsets };
  parentPort?.postMessage(reply, [values.buffer as ArrayBuffer, offsets.buffer as ArrayBuffer]);
});

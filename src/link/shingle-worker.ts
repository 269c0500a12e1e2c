/**
 * Worker thread: shingles a page of ads' texts (`recordShingles`) and sends them back as one flat typed array.
 * Given a database file, it reads the texts itself (read-only, by id range; an ad gone meanwhile shingles as empty).
 */
import Database from "better-sqlite3";
import { parentPort } from "node:worker_threads";
import { recordShingles } from "./record-shingles.js";
import type { ShingleJob, ShingleReply } from "./shingle-pool.js";

let db: { file: string; text: Database.Statement<[number, number], { id: number; title: string; body: string }> } | null = null;

function withText(job: ShingleJob): ShingleJob["records"] {
  const ids = job.ids;
  if (!job.file || !ids || ids.length === 0) return job.records;
  if (db?.file !== job.file) {
    const conn = new Database(job.file, { readonly: true, fileMustExist: true });
    db = { file: job.file, text: conn.prepare("select id, title, body from ads where id between ? and ? order by id") };
  }
  const out = job.records.slice();
  let i = 0;
  // Ids arrive ascending (pages are read in id order); rows not asked for are skipped.
  for (const row of db.text.iterate(ids[0], ids[ids.length - 1])) {
    while (i < ids.length && ids[i] < row.id) i++;
    if (i === ids.length) break;
    if (ids[i] === row.id) out[i] = { ...out[i], title: row.title, body: row.body };
  }
  return out;
}

parentPort?.on("message", (job: ShingleJob) => {
  const records = withText(job);
  const offsets = new Uint32Array(records.length + 1);
  const parts: Uint32Array<ArrayBufferLike>[] = [];
  let total = 0;
  records.forEach((r, i) => {
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

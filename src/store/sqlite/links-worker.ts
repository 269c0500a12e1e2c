/** Worker thread: writes one large link replacement through its own connection (see links-write.ts). */
import Database from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";
import { writeLinks, type LinkColumns } from "./links-write.js";

const { file, runId, cols, replace } = workerData as { file: string; runId: number; cols: LinkColumns; replace: boolean };
const raw = new Database(file, { fileMustExist: true });
try {
  // The same settings the store's own connection writes with (connection.ts); the write lock may still be
  // held by a reader's checkpoint for a moment.
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = NORMAL");
  raw.pragma("busy_timeout = 60000");
  raw.pragma("cache_size = -65536");
  raw.pragma("temp_store = MEMORY");
  raw.pragma("wal_autocheckpoint = 8192");
  writeLinks(raw, runId, cols, replace);
  parentPort?.postMessage({ ok: true });
} catch (e) {
  parentPort?.postMessage({ ok: false, error: (e as Error).message });
} finally {
  raw.close();
}

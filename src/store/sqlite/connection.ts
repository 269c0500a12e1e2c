/** Opens a SQLite database file with the pragmas Threadline relies on, and migrates it. */
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { migrate } from "../migrations/index.js";
import type { Database as Schema } from "../schema.js";
import { sqliteFts, sqliteFtsExplicitInsert } from "./fts.js";

export interface SqliteConnection {
  raw: Database.Database;
  db: Kysely<Schema>;
}

/** The SQLite-only migrations, applied with the portable ones in name order. */
export const SQLITE_MIGRATIONS = [sqliteFts, sqliteFtsExplicitInsert];

export interface OpenOptions {
  /**
   * Read through a memory map of the file (for the API server): a network's members are scattered over the file,
   * and reading them through mmap measured 2–2.6× faster at 1M ads than copying each page into SQLite's cache.
   * Batch stages leave it off: their reads are scans, and the mapped pages would count in their RSS (the 1M link
   * stage's peak went from 3.5 to 5.4 GB).
   */
  mmap?: boolean;
}

/** The most better-sqlite3's build maps (SQLITE_MAX_MMAP_SIZE); pages beyond it are read as before. */
const MMAP_BYTES = 2147418112;

export async function openSqlite(path: string, opts: OpenOptions = {}): Promise<SqliteConnection> {
  const raw = new Database(path);
  // Larger pages suit multi-KiB ad texts and the FTS index; only takes effect on a new, empty file.
  raw.pragma("page_size = 16384");
  // WAL: readers never block the writer, and a crash mid-transaction rolls back cleanly on next open.
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = NORMAL");
  raw.pragma("foreign_keys = ON");
  raw.pragma("busy_timeout = 5000");
  raw.pragma("cache_size = -65536");
  raw.pragma("temp_store = MEMORY");
  if (opts.mmap) raw.pragma(`mmap_size = ${MMAP_BYTES}`);
  // Checkpoint every 128 MiB of WAL rather than 16 MiB (1000 pages): bulk writes re-dirty the same FTS and index
  // pages, and each checkpoint copies and syncs them (100k-ad ingest without extraction ≈ 10% faster).
  raw.pragma("wal_autocheckpoint = 8192");
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: raw }) });
  await migrate(db as unknown as Kysely<unknown>, "sqlite", SQLITE_MIGRATIONS);
  return { raw, db };
}

/** Where the database lives: `--db PATH`, else `THREADLINE_DB`, else `./threadline.db`. */
import type { Store } from "./store.js";
import type { OpenOptions } from "./sqlite/connection.js";
import { SqliteStore } from "./sqlite/store.js";

export function resolveDbPath(flag?: string): string {
  return flag ?? process.env.THREADLINE_DB ?? "./threadline.db";
}

export async function openStore(path: string, opts: OpenOptions = {}): Promise<Store> {
  return SqliteStore.open(path, opts);
}

/** Helpers every CLI command shares: the database option, opening the store, and error reporting. */
import type { Command } from "commander";
import { openStore, resolveDbPath } from "../store/open.js";
import type { Store } from "../store/store.js";

export function dbOption(cmd: Command): Command {
  return cmd.option("--db <path>", "database file (default: $THREADLINE_DB or ./threadline.db)");
}

export async function withStore<T>(dbFlag: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(resolveDbPath(dbFlag));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** A user-facing failure: printed as `threadline <module>: message`, exit code 1, no stack trace. */
export class CliError extends Error {
  override name = "CliError";
}

export function fmt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

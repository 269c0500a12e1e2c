/** Helpers every CLI command shares: the database option, opening the store, and error reporting. */
import type { Command } from "commander";
import { openStore, resolveDbPath } from "../store/open.js";
import type { Store } from "../store/store.js";
import { cliActor } from "./actor.js";

export function dbOption(cmd: Command): Command {
  return cmd.option("--db <path>", "database file (default: $THREADLINE_DB or ./threadline.db)");
}

let invocation: { command: string; args: string[] } | null = null;

/** The command being run (set by main.ts before any action): every command that opens a database is audited. */
export function setInvocation(command: string, args: readonly string[]): void {
  invocation = { command, args: args.map((a) => (a.length > 200 ? `${a.slice(0, 200)}…` : a)).slice(0, 50) };
}

export async function withStore<T>(dbFlag: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(resolveDbPath(dbFlag));
  try {
    if (invocation) await store.audit.append({ actor: cliActor(), org: null, action: `cli.${invocation.command}`, target: null, detail: { args: invocation.args } });
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

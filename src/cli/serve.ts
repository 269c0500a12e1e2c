/** `threadline serve`: the REST API and the web app over a database, until SIGINT/SIGTERM. */
import type { Command } from "commander";
import { buildServer } from "../api/server.js";
import { instanceOf } from "../api/problem.js";
import { openStore, resolveDbPath } from "../store/open.js";
import { CliError, dbOption } from "./common.js";

export interface ServeOptions {
  db: string;
  port: number;
  host: string;
  /** Called once listening (e.g. to print the URL). */
  onListen?: (url: string) => void;
}

/** Serves until a signal arrives; resolves after a graceful shutdown (in-flight requests finish, store closed). */
export async function serve(o: ServeOptions): Promise<void> {
  const store = await openStore(o.db);
  const app = await buildServer({
    store,
    logger: {
      level: process.env.LOG_LEVEL ?? "info",
      // Paths only: query strings hold identifiers and search terms, which do not belong in logs.
      serializers: { req: (req: { method: string; url: string }) => ({ method: req.method, url: instanceOf(req.url) }) },
    },
  });
  try {
    await app.listen({ port: o.port, host: o.host });
  } catch (e) {
    await app.close();
    await store.close();
    throw new CliError(`serve: cannot listen on ${o.host}:${o.port}: ${(e as Error).message}`);
  }
  const url = `http://${o.host.includes(":") ? `[${o.host}]` : o.host}:${o.port}`;
  o.onListen?.(url);
  if ((await store.hub.listUsers()).length === 0) {
    process.stderr.write(`serve: no users yet, so nobody can sign in. First run: threadline admin setup --db ${o.db} --org <id> --user <name>\n`);
  }
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      app.log.info(`serve: ${signal}, shutting down`);
      void app
        .close()
        .then(() => store.close())
        .then(resolve, resolve);
    };
    const onInt = () => stop("SIGINT");
    const onTerm = () => stop("SIGTERM");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
  });
}

function parsePort(v: string): number {
  const n = Number.parseInt(v, 10);
  if (!Number.isInteger(n) || n < 0 || n > 65535 || String(n) !== v.trim()) throw new CliError(`serve: --port must be 0–65535, got "${v}"`);
  return n;
}

export function registerServe(program: Command): void {
  dbOption(program.command("serve"))
    .description("serve the REST API (/api, docs at /api/docs) and the web app on http://127.0.0.1:8080")
    .option("--port <n>", "port", parsePort, 8080)
    .option("--host <host>", "interface to bind (127.0.0.1 keeps it on this machine)", "127.0.0.1")
    .action(async (o: { db?: string; port: number; host: string }) => {
      await serve({ db: resolveDbPath(o.db), port: o.port, host: o.host, onListen: (url) => process.stderr.write(`serve: ${url} (API reference: ${url}/api/docs)\n`) });
    });
}

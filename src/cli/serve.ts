/**
 * `threadline serve`: the REST API and the web app over a database, until SIGINT/SIGTERM. With `--workers N` the
 * port is shared by N processes (node:cluster), each with its own SQLite connection: better-sqlite3 runs queries on
 * the event loop, so one process uses one core however many requests wait. WAL lets the readers run side by side;
 * writes (audit entries, cases) take SQLite's lock in turn. Each process also starts reader threads
 * (src/api/reader-pool.ts) that explain the larger networks off its event loop.
 */
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { buildServer } from "../api/server.js";
import { instanceOf } from "../api/problem.js";
import { ReaderPool } from "../api/reader-pool.js";
import { openStore, resolveDbPath } from "../store/open.js";
import { CliError, dbOption } from "./common.js";

export interface ServeOptions {
  db: string;
  port: number;
  host: string;
  /** Called once listening (e.g. to print the URL). */
  onListen?: (url: string) => void;
  /** Server processes sharing the port (default 1: this process). */
  workers?: number;
  /** Reader threads per process (default: the cores left beside the processes, shared; see defaultReaders). */
  readers?: number;
  /** Set in a worker process: do not print the first-run hint (the primary does). */
  quiet?: boolean;
}

const urlOf = (o: ServeOptions, port: number) => `http://${o.host.includes(":") ? `[${o.host}]` : o.host}:${port}`;

async function warnWithoutUsers(db: string): Promise<void> {
  const store = await openStore(db);
  try {
    if ((await store.hub.listUsers()).length === 0) {
      process.stderr.write(`serve: no users yet, so nobody can sign in. First run: threadline admin setup --db ${db} --org <id> --user <name>\n`);
    }
  } finally {
    await store.close();
  }
}

/** Serves until a signal arrives; resolves after a graceful shutdown (in-flight requests finish, store closed). */
export async function serve(o: ServeOptions): Promise<void> {
  if ((o.workers ?? 1) > 1) return servePrimary(o, o.workers as number);
  const store = await openStore(o.db, { mmap: true });
  const n = o.readers ?? defaultReaders(o.workers ?? 1);
  const readers = n > 0 && ReaderPool.available() ? new ReaderPool(o.db, n) : null;
  const app = await buildServer({
    store,
    readers,
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
    await readers?.close();
    await store.close();
    throw new CliError(`serve: cannot listen on ${o.host}:${o.port}: ${(e as Error).message}`);
  }
  o.onListen?.(urlOf(o, o.port));
  if (!o.quiet) await warnWithoutUsers(o.db);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      app.log.info(`serve: ${signal}, shutting down`);
      void app
        .close()
        .then(() => readers?.close())
        .then(() => store.close())
        .then(resolve, resolve);
    };
    const onInt = () => stop("SIGINT");
    const onTerm = () => stop("SIGTERM");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
  });
}

/**
 * The primary of `--workers N`: migrates the database once (so workers never race on a migration), forks the
 * workers (src/cli/serve-worker.ts), reports the URL when all listen, and on SIGINT/SIGTERM stops them and waits.
 */
async function servePrimary(o: ServeOptions, n: number): Promise<void> {
  await warnWithoutUsers(o.db);
  const readers = String(o.readers ?? defaultReaders(n));
  cluster.setupPrimary({ exec: fileURLToPath(new URL("./serve-worker.js", import.meta.url)), args: [o.db, String(o.port), o.host, readers], silent: false });
  const workers = Array.from({ length: n }, () => cluster.fork({ LOG_LEVEL: process.env.LOG_LEVEL ?? "info" }));
  let listening = 0;
  let stopping = false;
  await new Promise<void>((resolve, reject) => {
    for (const w of workers) {
      w.once("listening", (addr) => {
        if (++listening === n) {
          o.onListen?.(urlOf(o, addr.port));
          resolve();
        }
      });
      w.once("exit", (code) => {
        if (!stopping && listening < n) reject(new CliError(`serve: a worker exited (code ${code}) before listening on ${o.host}:${o.port}`));
      });
    }
  }).catch(async (e: unknown) => {
    for (const w of workers) w.process.kill("SIGTERM");
    throw e;
  });
  await new Promise<void>((resolve) => {
    let alive = n;
    for (const w of workers) {
      w.once("exit", () => {
        if (--alive === 0) resolve();
      });
    }
    const stop = () => {
      stopping = true;
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      for (const w of workers) w.process.kill("SIGTERM");
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

/**
 * The cores the server processes' event loops leave, shared among them. One process always gets a reader, even on
 * one core, so a large network never holds its event loop; processes that already fill the cores get none (at
 * 1M ads on two cores, two processes with a reader each measured a p95 of 119–133 ms on the network endpoint,
 * against 90–104 ms without; one process with one reader: 82–87 ms).
 */
function defaultReaders(processes: number): number {
  const spare = Math.floor((availableParallelism() - processes) / processes);
  return processes === 1 ? Math.max(1, spare) : Math.max(0, spare);
}

function parseReaders(v: string): number {
  const n = Number.parseInt(v, 10);
  if (!Number.isInteger(n) || n < 0 || n > 64 || String(n) !== v.trim()) throw new CliError(`serve: --readers must be 0–64, got "${v}"`);
  return n;
}

function parseWorkers(v: string): number {
  const n = v === "auto" ? availableParallelism() : Number.parseInt(v, 10);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new CliError(`serve: --workers must be 1–64 or "auto", got "${v}"`);
  return n;
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
    .option("--workers <n>", 'server processes sharing the port ("auto": one per core)', parseWorkers, 1)
    .option("--readers <n>", "reader threads per process for large network views (default: the cores the processes leave; 0: none)", parseReaders)
    .action(async (o: { db?: string; port: number; host: string; workers: number; readers?: number }) => {
      await serve({
        db: resolveDbPath(o.db),
        port: o.port,
        host: o.host,
        workers: o.workers,
        readers: o.readers,
        onListen: (url) => process.stderr.write(`serve: ${url} (API reference: ${url}/api/docs)${o.workers > 1 ? `, ${o.workers} processes` : ""}\n`),
      });
    });
}

/**
 * The REST API under load: `threadline serve` (one process; BENCH_API_WORKERS=auto for one per core) over a linked
 * database in a child process, autocannon with 20
 * concurrent clients on the search, ad, network and hotspot endpoints (varied requests: common and rare terms,
 * filters, random ads, networks of every size). Reports p50/p95/p99 latency and req/s per endpoint.
 */
import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { createOrg, createUser } from "../src/hub/admin.js";
import { Auth } from "../src/hub/auth.js";
import { openStore } from "../src/store/open.js";

export interface ApiBenchRow {
  endpoint: string;
  requests: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

const here = new URL(".", import.meta.url).pathname;

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : Number.NaN;
}

/** Request paths per endpoint, sampled from the database so they hit real rows. */
function paths(dbPath: string): Record<string, string[]> {
  const db = new Database(dbPath, { readonly: true });
  try {
    const maxId = db.prepare("select max(id) from ads").pluck().get() as number;
    const phones = db.prepare("select value from fact_index where kind = 'phone' and ad_id % 997 = 0 limit 50").pluck().all() as string[];
    // A fixed pseudo-random draw (a multiplicative hash of the row id), so runs compare on the same networks.
    const nets = db.prepare("select id from networks order by (rowid * 2654435761) % 4294967296 limit 200").pluck().all() as string[];
    const big = db.prepare("select id from networks order by size desc limit 5").pluck().all() as string[];
    const words = ["sweet", "new in town", "discreet upscale", "Toronto", "incall", "petite asian", "stella", "available now", "gfe", "massage"];
    const search: string[] = [];
    for (let i = 0; i < 200; i++) {
      const w = words[i % words.length];
      const kind = i % 4;
      if (kind === 0) search.push(`/api/ads?q=${encodeURIComponent(w)}&limit=50`);
      else if (kind === 1) search.push(`/api/ads?q=${encodeURIComponent(w)}&city=Toronto&limit=50`);
      else if (kind === 2 && phones.length) search.push(`/api/ads?phone=${encodeURIComponent(phones[i % phones.length])}`);
      else search.push(`/api/ads?province=QC&from=2024-03-01&limit=50`);
    }
    const ads = Array.from({ length: 500 }, (_, i) => `/api/ads/${1 + ((i * 7919) % maxId)}`);
    // Mostly random networks, with the largest ones mixed in (one request in ten).
    const networks = nets.map((id, i) => `/api/networks/${i % 10 === 0 ? big[(i / 10) % big.length] : id}`);
    const hotspots = [4, 8, 12, 26, 52].map((w) => `/api/hotspots?weeks=${w}`);
    return { search, ad: ads, network: networks, hotspots };
  } finally {
    db.close();
  }
}

/** A bench analyst (created once per database) and a one-time link to sign it in. */
async function benchLoginLink(dbPath: string): Promise<string> {
  const store = await openStore(dbPath);
  try {
    if (!(await store.hub.getOrg("bench"))) await createOrg(store, "bench", "bench", "Benchmark");
    let user = await store.hub.getUser("bench-analyst");
    user ??= (await createUser(store, "bench", { username: "bench-analyst", org: "bench", roles: ["analyst"] })).user;
    return await new Auth(store.hub).createLoginLink(user.id);
  } finally {
    await store.close();
  }
}

/** Signs in through the one-time link; returns the session cookie (what a browser would hold). */
async function signInCookie(base: string, token: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/link?token=${token}`, { redirect: "manual" });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (res.status !== 303 || !cookie) throw new Error(`bench api: sign-in failed (${res.status})`);
  return cookie;
}

async function waitUp(base: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/openapi.json`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("bench api: server did not start");
}

async function load(base: string, cookie: string, list: string[], seconds: number): Promise<Omit<ApiBenchRow, "endpoint">> {
  let i = 0;
  const lat: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(
      {
        url: base,
        connections: 20,
        duration: seconds,
        headers: { cookie },
        requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: list[i++ % list.length] }) }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    inst.on("response", (_client, _status, _bytes, ms) => lat.push(ms));
  });
  lat.sort((a, b) => a - b);
  return { requests: r.requests.total, reqPerSec: r.requests.average, p50: pct(lat, 50), p95: pct(lat, 95), p99: pct(lat, 99), errors: r.errors, non2xx: r.non2xx };
}

export async function benchApi(dbPath: string, seconds = 10): Promise<{ dbMB: number; ads: number; rows: ApiBenchRow[] }> {
  const db = new Database(dbPath, { readonly: true });
  const ads = db.prepare("select count(*) from ads").pluck().get() as number;
  db.close();
  const link = await benchLoginLink(dbPath);
  const port = 18_000 + Math.floor(Math.random() * 2000);
  // BENCH_API_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, join(here, "../src/cli/main.js"), "serve", "--db", dbPath, "--port", String(port), "--workers", process.env.BENCH_API_WORKERS ?? "1"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, LOG_LEVEL: "warn" },
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUp(base);
    // Requests run as a signed-in analyst: every one passes the guard, scoped reads and an audit append, as in use.
    const cookie = await signInCookie(base, link);
    const rows: ApiBenchRow[] = [];
    // BENCH_API_ONLY: a comma-separated subset of the endpoints (e.g. "network" while profiling one).
    const only = process.env.BENCH_API_ONLY?.split(",");
    for (const [endpoint, list] of Object.entries(paths(dbPath))) {
      if (only !== undefined && !only.includes(endpoint)) continue;
      await load(base, cookie, list.slice(0, 20), 2); // warm the page cache and the API's caches
      rows.push({ endpoint, ...(await load(base, cookie, list, seconds)) });
    }
    return { dbMB: Math.round(statSync(dbPath).size / 2 ** 20), ads, rows };
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

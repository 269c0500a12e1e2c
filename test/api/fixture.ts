/** A small linked database built from the synthetic corpus (plus hostile ads), and a server over it. */
import { writeFileSync } from "node:fs";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildServer } from "../../src/api/server.js";
import { createOrg, createUser } from "../../src/hub/admin.js";
import { ingestFiles } from "../../src/ingest/ingest.js";
import { linkStore } from "../../src/pipeline/link.js";
import { openStore } from "../../src/store/open.js";
import type { Store } from "../../src/store/store.js";
import { generateCorpus } from "../../src/synth/index.js";
import { tempDir } from "../helpers.js";

export const HOSTILE_TITLE = `<script>alert("x")</script> Hostile title`;
export const HOSTILE_BODY = `<img src=x onerror="alert(1)"> zebraquokka text me at (416) 893-2245 </textarea><svg onload=alert(2)> ' OR 1=1 --`;

export interface Fixture {
  app: FastifyInstance;
  store: Store;
  /** The database file (a reader thread opens its own connection to it). */
  dbPath: string;
  hostileId: number;
  /** Requests as a signed-in analyst of the `ngo-a` organization (session cookie + CSRF header). */
  get(url: string): Promise<LightMyRequestResponse>;
  req(o: InjectOptions): Promise<LightMyRequestResponse>;
  /** Requests with no credentials at all. */
  anon(o: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Cheap scrypt for tests: the real parameters cost ~100 ms per hash by design. */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };
export const TEST_PASSWORD = "correct horse battery staple";

export interface Session {
  cookie: string;
  csrf: string;
}

/** Signs a user in through the API; returns its cookie and CSRF token. */
export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const set = String(res.headers["set-cookie"]);
  return { cookie: set.split(";")[0]!, csrf: res.json<{ csrf: string }>().csrf };
}

/** Adds a session's cookie and CSRF header to a request. */
export function as(s: Session, o: InjectOptions): InjectOptions {
  return { ...o, headers: { ...(o.headers ?? {}), cookie: s.cookie, "x-csrf-token": s.csrf } };
}

export async function buildFixture(ads = 1500): Promise<Fixture> {
  const t = tempDir();
  const file = t.file("ads.jsonl");
  const lines: string[] = [];
  for (const r of generateCorpus({ ads, seed: 11 })) lines.push(JSON.stringify(r.ad));
  lines.push(JSON.stringify({ id: "hostile-1", source: "siteA", title: HOSTILE_TITLE, body: HOSTILE_BODY, city: "Toronto", region: "ON", posted_at: "2024-06-01T12:00:00Z" }));
  lines.push(JSON.stringify({ id: "hostile-2", source: "siteA", title: "Second zebraquokka", body: "same phone (416) 893-2245", city: "Toronto", region: "ON", posted_at: "2024-06-02T12:00:00Z" }));
  writeFileSync(file, `${lines.join("\n")}\n`);
  const store = await openStore(t.file("api.db"));
  await ingestFiles(store, [file]);
  await linkStore(store, { full: true });
  await store.putArtifact("demo", null, { synthetic: true });
  const hostile = await store.findAd("siteA", "hostile-1");
  if (!hostile) throw new Error("fixture: hostile ad missing");
  await createOrg(store, "test", "ngo-a", "NGO A");
  await createUser(store, "test", { username: "ana", org: "ngo-a", roles: ["analyst"], password: TEST_PASSWORD, scrypt: TEST_SCRYPT });
  const app = await buildServer({ store, logger: false, webDist: null });
  const s = await signIn(app, "ana");
  return {
    app,
    store,
    dbPath: t.file("api.db"),
    hostileId: hostile.id,
    get: (url) => app.inject(as(s, { method: "GET", url })),
    req: (o) => app.inject(as(s, o)),
    anon: (o) => app.inject(o),
    close: async () => {
      await app.close();
      await store.close();
      t.cleanup();
    },
  };
}

/** Follows `nextCursor` to the end; returns every item. */
export async function walk<T>(f: Fixture, url: string, guard = 1000): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < guard; i++) {
    const sep = url.includes("?") ? "&" : "?";
    const res = await f.get(cursor ? `${url}${sep}cursor=${encodeURIComponent(cursor)}` : url);
    if (res.statusCode !== 200) throw new Error(`walk: ${res.statusCode} ${res.body}`);
    const page = res.json<{ items: T[]; nextCursor: string | null }>();
    out.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return out;
  }
  throw new Error("walk: too many pages");
}

export function expectProblem(res: LightMyRequestResponse, status: number): { type: string; title: string; status: number; detail: string; instance: string; errors?: { field: string; message: string }[] } {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body.slice(0, 300)}`);
  if (!String(res.headers["content-type"]).startsWith("application/problem+json")) throw new Error(`not problem+json: ${String(res.headers["content-type"])}`);
  const p = res.json<{ type: string; title: string; status: number; detail: string; instance: string; errors?: { field: string; message: string }[] }>();
  if (p.status !== status || typeof p.type !== "string" || typeof p.title !== "string" || typeof p.detail !== "string" || typeof p.instance !== "string") {
    throw new Error(`bad problem body: ${res.body}`);
  }
  return p;
}

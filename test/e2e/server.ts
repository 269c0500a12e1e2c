/**
 * The app under test: the web bundle built into a temp folder, served with the real API on a random port, with
 * the hub's organizations and users the tests sign in as (cheap scrypt, so a sign-in costs milliseconds). As
 * `threadline serve` runs it: networks of 50+ ads are explained by a reader thread (the compiled one in dist/,
 * built by `pretest`).
 */
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { Role } from "../../src/domain/access.js";
import { buildServer } from "../../src/api/server.js";
import { createOrg, createUser } from "../../src/hub/admin.js";
import { Auth } from "../../src/hub/auth.js";
import type { ReaderPool } from "../../src/api/reader-pool.js";
import { openStore } from "../../src/store/open.js";

export interface E2eUser {
  username: string;
  password: string;
  org: string;
  roles: Role[];
}

const ALL_ROLES: Role[] = ["admin", "analyst", "contributor", "auditor"];

/** Who the tests are. `all` walks the workbench; the others each serve one test, so lock-outs never collide. */
export const USERS = {
  all: { username: "e2e-ana", password: "e2e-ana pass phrase 1", org: "e2e-lab", roles: ALL_ROLES },
  login: { username: "e2e-login", password: "e2e-login pass phrase 2", org: "e2e-lab", roles: ["analyst"] },
  locked: { username: "e2e-locked", password: "e2e-locked pass phrase 3", org: "e2e-lab", roles: ["analyst"] },
  contributor: { username: "e2e-contrib", password: "e2e-contrib pass phrase 4", org: "e2e-shelter", roles: ["contributor"] },
} satisfies Record<string, E2eUser>;
export type UserKey = keyof typeof USERS;

export const ORGS: Record<string, string> = { "e2e-lab": "E2E Lab (synthetic)", "e2e-shelter": "E2E Shelter (synthetic)" };

export interface RunningApi {
  url: string;
  /** A fresh one-time sign-in link path (`/api/auth/link?token=…`) for the user. */
  loginLink(user: UserKey): Promise<string>;
  close(): Promise<void>;
}

/** `vite build` of web/ into `outDir` (a fresh bundle for every run, so the test never sees a stale web/dist). */
export async function buildWeb(outDir: string): Promise<string> {
  const { build } = await import("vite");
  await build({ configFile: join(process.cwd(), "web/vite.config.ts"), logLevel: "warn", build: { outDir, emptyOutDir: true } });
  return outDir;
}

export async function startApi(db: string, webDist: string): Promise<RunningApi> {
  const store = await openStore(db);
  const ids = new Map<UserKey, number>();
  for (const [id, name] of Object.entries(ORGS)) if (!(await store.hub.getOrg(id))) await createOrg(store, "e2e", id, name);
  for (const [key, u] of Object.entries(USERS) as [UserKey, E2eUser][]) {
    const { user } = await createUser(store, "e2e", { ...u, scrypt: { N: 1024, r: 8, p: 1 } });
    ids.set(key, user.id);
  }
  const auth = new Auth(store.hub);
  const { ReaderPool: Pool } = (await import(new URL("../../dist/api/reader-pool.js", import.meta.url).href)) as { ReaderPool: typeof ReaderPool };
  const readers = new Pool(db, 1);
  const app = await buildServer({ store, webDist, logger: false, readers });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    loginLink: async (user) => `/api/auth/link?token=${await auth.createLoginLink(ids.get(user) ?? -1)}`,
    close: async () => {
      // keep-alive sockets from fetch() would otherwise hold close() open
      app.server.closeAllConnections();
      await app.close();
      await readers.close();
      await store.close();
    },
  };
}

/** Signs in over HTTP (as a script would): the session cookie and CSRF token for Node-side requests. */
export async function signIn(url: string, user: E2eUser): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  if (!res.ok) throw new Error(`e2e: sign-in as ${user.username} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  return { cookie, csrf: ((await res.json()) as { csrf: string }).csrf };
}

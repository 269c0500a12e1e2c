/**
 * Attacks the hub must stand up to: password guessing, session fixation, cross-site requests, a stolen token after
 * revocation, a tampered audit log, and search snippets leaking another organization's private text.
 */
import { execFileSync, spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdsPage } from "../../src/shared/api-types.js";
import { Auth, FREE_FAILURES, lockDelayMs } from "../../src/hub/auth.js";
import { verifyChain } from "../../src/hub/audit-chain.js";
import { createOrg, createUser } from "../../src/hub/admin.js";
import { openStore } from "../../src/store/open.js";
import { TEST_PASSWORD, TEST_SCRYPT, as, signIn } from "../api/fixture.js";
import { tempDir } from "../helpers.js";
import { buildHubFixture, ORG_A, ORG_B, type HubFixture } from "./fixture.js";

let f: HubFixture;
beforeAll(async () => {
  f = await buildHubFixture();
}, 120_000);
afterAll(async () => f?.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  f.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password }, headers: { ...headers, "x-forwarded-for": "ignored" } });

describe("password guessing", () => {
  it("locks an account after a few failures, doubling the wait; the right password is refused while locked", async () => {
    const t = tempDir();
    const store = await openStore(t.file("lock.db"));
    try {
      await createOrg(store, "test", "org-x", "X");
      await createUser(store, "test", { username: "target", org: "org-x", roles: ["analyst"], password: TEST_PASSWORD, scrypt: TEST_SCRYPT });
      let now = new Date("2026-01-01T00:00:00Z");
      const auth = new Auth(store.hub, () => now);
      for (let i = 1; i < FREE_FAILURES; i++) expect((await auth.login("target", `wrong-${i}`)).ok).toBe(false);
      const fifth = await auth.login("target", "wrong-5");
      expect(fifth).toMatchObject({ ok: false, reason: "locked", retryAfterSec: lockDelayMs(FREE_FAILURES) / 1000 });
      expect(await auth.login("target", TEST_PASSWORD)).toMatchObject({ ok: false, reason: "locked" });
      now = new Date(now.getTime() + lockDelayMs(FREE_FAILURES) + 1000);
      const sixth = await auth.login("target", "wrong-6");
      expect(sixth).toMatchObject({ ok: false, reason: "locked", retryAfterSec: (2 * lockDelayMs(FREE_FAILURES)) / 1000 });
      now = new Date(now.getTime() + 2 * lockDelayMs(FREE_FAILURES) + 1000);
      expect((await auth.login("target", TEST_PASSWORD)).ok).toBe(true);
      // A success resets the count.
      expect((await store.hub.getUser("target"))?.failedLogins).toBe(0);
    } finally {
      await store.close();
      t.cleanup();
    }
  });

  it("over HTTP: 429 with Retry-After, the same 401 for unknown users and wrong passwords, every attempt audited", async () => {
    const unknown = await login("nobody-here", "whatever-password");
    const wrong = await login("auditor-a", "whatever-password");
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json<{ detail: string }>().detail).toBe(wrong.json<{ detail: string }>().detail);
    let last = wrong;
    for (let i = 0; i < FREE_FAILURES; i++) last = await login("auditor-a", `guess-${i}`);
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers["retry-after"])).toBeGreaterThan(0);
    expect((await login("auditor-a", TEST_PASSWORD)).statusCode).toBe(429);
    const failures = await f.store.audit.list({ actor: "auditor-a", action: "login.failed" }, 0, 100);
    expect(failures.length).toBeGreaterThanOrEqual(FREE_FAILURES);
    // An admin of the organization unlocks the account; the right password works again.
    const u = await f.store.hub.getUser("auditor-a");
    const unlock = await f.as("admin-a", { method: "POST", url: `/api/admin/users/${u?.id}/access`, payload: { unlock: true } });
    expect(unlock.json<{ user: { locked: boolean } }>().user.locked).toBe(false);
    expect((await login("auditor-a", TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("spraying many usernames from one address is slowed too", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await f.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: `spray-${i}`, password: "password-guess" }, remoteAddress: "203.0.113.9" })).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    // Another address is not affected.
    expect((await f.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "analyst-a", password: TEST_PASSWORD }, remoteAddress: "203.0.113.10" })).statusCode).toBe(200);
  });
});

describe("sessions", () => {
  it("session fixation: a session id planted before sign-in never becomes a signed-in session", async () => {
    const planted = "attacker-chosen-session-id-0123456789abcdefghijkl";
    const res = await login("analyst-a", TEST_PASSWORD, { cookie: `tl_session=${planted}` });
    expect(res.statusCode).toBe(200);
    const issued = String(res.headers["set-cookie"]).split(";")[0]!.split("=")[1];
    expect(issued).not.toBe(planted);
    expect((await f.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: `tl_session=${planted}` } })).statusCode).toBe(401);
    // A real session presented at sign-in (someone else's, fixed on this browser) is ended, not reused.
    const other = await signIn(f.app, "analyst-b");
    const again = await login("analyst-a", TEST_PASSWORD, { cookie: other.cookie });
    expect(String(again.headers["set-cookie"])).not.toContain(other.cookie);
    expect((await f.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: other.cookie } })).statusCode).toBe(401);
  });

  it("the cookie is HttpOnly and SameSite=Strict; logout ends the session server-side", async () => {
    const res = await login("analyst-a", TEST_PASSWORD);
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const s = { cookie: cookie.split(";")[0]!, csrf: res.json<{ csrf: string }>().csrf };
    expect((await f.app.inject(as(s, { method: "POST", url: "/api/auth/logout" }))).statusCode).toBe(204);
    expect((await f.app.inject(as(s, { method: "GET", url: "/api/auth/me" }))).statusCode).toBe(401);
  });

  it("CSRF: a write with the cookie but without the session's token is refused", async () => {
    const s = await signIn(f.app, "analyst-a");
    const body = { title: "csrf probe", description: "" };
    const bare = await f.app.inject({ method: "POST", url: "/api/cases", payload: body, headers: { cookie: s.cookie } });
    expect(bare.statusCode).toBe(403);
    const forged = await f.app.inject({ method: "POST", url: "/api/cases", payload: body, headers: { cookie: s.cookie, "x-csrf-token": "guessed" } });
    expect(forged.statusCode).toBe(403);
    const other = await signIn(f.app, "analyst-a");
    const crossed = await f.app.inject({ method: "POST", url: "/api/cases", payload: body, headers: { cookie: s.cookie, "x-csrf-token": other.csrf } });
    expect(crossed.statusCode).toBe(403);
    expect((await f.app.inject(as(s, { method: "POST", url: "/api/cases", payload: body }))).statusCode).toBe(201);
  });

  it("a one-time link works once", async () => {
    const u = await f.store.hub.getUser("analyst-a");
    const token = await f.auth.createLoginLink(u?.id ?? -1);
    const first = await f.app.inject({ method: "GET", url: `/api/auth/link?token=${token}` });
    expect(first.statusCode).toBe(303);
    expect(String(first.headers["set-cookie"])).toMatch(/^tl_session=/);
    expect((await f.app.inject({ method: "GET", url: `/api/auth/link?token=${token}` })).statusCode).toBe(401);
  });
});

describe("account control", () => {
  it("a disabled user's sessions end at once and sign-in is refused; a password reset ends sessions and issues a new one", async () => {
    const s = await signIn(f.app, "contributor-a");
    const u = await f.store.hub.getUser("contributor-a");
    const off = await f.as("admin-a", { method: "POST", url: `/api/admin/users/${u?.id}/access`, payload: { disabled: true } });
    expect(off.json<{ user: { disabled: boolean } }>().user.disabled).toBe(true);
    expect((await f.app.inject(as(s, { method: "GET", url: "/api/auth/me" }))).statusCode).toBe(401);
    expect((await login("contributor-a", TEST_PASSWORD)).statusCode).toBe(401);
    await f.as("admin-a", { method: "POST", url: `/api/admin/users/${u?.id}/access`, payload: { disabled: false } });
    const reset = await f.as("admin-a", { method: "POST", url: `/api/admin/users/${u?.id}/access`, payload: { resetPassword: true } });
    const fresh = reset.json<{ password: string }>().password;
    expect(fresh).toHaveLength(20);
    expect((await login("contributor-a", TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login("contributor-a", fresh)).statusCode).toBe(200);
    // Another organization's admin cannot touch this user.
    expect((await f.as("admin-a", { method: "POST", url: `/api/admin/users/${(await f.store.hub.getUser("analyst-b"))?.id}/access`, payload: { disabled: true } })).statusCode).toBe(404);
  });
});

describe("API tokens", () => {
  it("a stolen token stops working the moment it is revoked", async () => {
    const g = await f.auth.createToken(ORG_A, "laptop script", ["upload"], 30, null);
    const upload = () =>
      f.app.inject({ method: "POST", url: "/api/uploads", headers: { authorization: `Bearer ${g.token}` }, payload: { records: [{ id: `stolen-${Date.now()}`, source: "tok", body: "text" }] } });
    expect((await upload()).statusCode).toBe(200);
    const revoke = await f.as("admin-a", { method: "DELETE", url: `/api/admin/tokens/${g.record.id}` });
    expect(revoke.statusCode).toBe(204);
    expect((await upload()).statusCode).toBe(401);
    // Only a hash is stored: the token cannot be read back from the database.
    const row = (await f.store.hub.getToken(g.record.id))!;
    // tl_<12-char id>_<43-char secret>; both parts may themselves contain "_".
    expect(JSON.stringify(row)).not.toContain(g.token.slice(-43));
  });

  it("an admin cannot revoke another organization's token, and a token cannot read data", async () => {
    const b = await f.auth.createToken(ORG_B, "bank feed", ["upload"], 30, null);
    expect((await f.as("admin-a", { method: "DELETE", url: `/api/admin/tokens/${b.record.id}` })).statusCode).toBe(404);
    expect((await f.app.inject({ method: "GET", url: "/api/ads?q=call", headers: { authorization: `Bearer ${b.token}` } })).statusCode).toBe(403);
    expect((await f.app.inject({ method: "GET", url: "/api/ads", headers: { authorization: "Bearer tl_notreal_x" } })).statusCode).toBe(401);
  });
});

describe("search never leaks private text", () => {
  it("a word shared by a hub ad and another organization's private ad finds only the hub ad, and no snippet shows private text", async () => {
    // Every planted ad says "please": a common word that also matches bank-b's private record.
    const priv = f.planted.find((p) => p.org === ORG_B && p.sharing === "private")!;
    const res = await f.as("analyst-a", { method: "GET", url: "/api/ads?q=please" });
    const page = res.json<AdsPage>();
    expect(page.items.map((i) => i.id)).not.toContain(priv.id);
    expect(res.body).not.toContain(priv.word);
    // The owner finds it with the same query.
    const own = (await f.as("analyst-b", { method: "GET", url: "/api/ads?q=please" })).json<AdsPage>();
    expect(own.items.map((i) => i.id)).toContain(priv.id);
  });
});

describe("audit log", () => {
  it("concurrent appends (one shared commit) keep call order, consecutive numbers and an intact chain", async () => {
    const t = tempDir();
    const store = await openStore(t.file("burst.db"));
    const first = await store.audit.append({ actor: "u", org: "o", action: "search", target: null, detail: { i: -1 } });
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => store.audit.append({ actor: `u${i}`, org: "o", action: "search", target: null, detail: { i } })));
    expect(burst.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => first.seq + 1 + i));
    expect(burst[0]!.prevHash).toBe(first.hash);
    for (let i = 1; i < burst.length; i++) expect(burst[i]!.prevHash).toBe(burst[i - 1]!.hash);
    const stored: { actor: string }[] = [];
    for await (const e of store.audit.all()) stored.push(e);
    expect(stored.map((e) => e.actor)).toEqual(["u", ...burst.map((e) => e.actor)]);
    expect((await verifyChain(store.audit.all())).ok).toBe(true);
    await store.close();
    t.cleanup();
  });

  it("editing, deleting or re-chaining an entry is detected by `audit verify`", async () => {
    const t = tempDir();
    const db = t.file("audit.db");
    const store = await openStore(db);
    for (let i = 0; i < 6; i++) await store.audit.append({ actor: `u${i}`, org: "o", action: "search", target: null, detail: { q: `term ${i}` } });
    expect((await verifyChain(store.audit.all())).ok).toBe(true);
    await store.close();
    const cli = (...args: string[]) => spawnSync(process.execPath, ["dist/cli/main.js", ...args], { encoding: "utf8" });
    expect(cli("audit", "verify", "--db", db).status).toBe(0);

    const raw = new Database(db);
    raw.prepare("update audit_log set detail = ? where seq = 3").run(JSON.stringify({ q: "something else" }));
    raw.close();
    const edited = cli("audit", "verify", "--db", db);
    expect(edited.status).toBe(1);
    expect(edited.stderr).toMatch(/entry 3: entry content does not match its hash/);

    // Re-hashing the edited entry does not help: the next entry's link breaks.
    const { auditHash } = await import("../../src/hub/audit-chain.js");
    const raw2 = new Database(db);
    const e3 = raw2.prepare("select * from audit_log where seq = 3").get() as { seq: number; at: string; actor: string; org_id: string; action: string; target: null; detail: string; prev_hash: string };
    const h = auditHash(e3.prev_hash, { seq: 3, at: e3.at, actor: e3.actor, org: e3.org_id, action: e3.action, target: null, detail: JSON.parse(e3.detail) as Record<string, unknown> });
    raw2.prepare("update audit_log set hash = ? where seq = 3").run(h);
    raw2.close();
    expect(cli("audit", "verify", "--db", db).stderr).toMatch(/entry 4: previous-hash link/);

    const raw3 = new Database(db);
    raw3.prepare("delete from audit_log where seq = 3").run();
    raw3.close();
    expect(cli("audit", "verify", "--db", db).stderr).toMatch(/entries 3–3 are missing/);
    const shown = execFileSync(process.execPath, ["dist/cli/main.js", "audit", "show", "--db", db, "--user", "u5"], { encoding: "utf8" });
    expect(shown.trim().split("\n")).toHaveLength(1);
    t.cleanup();
  });
});

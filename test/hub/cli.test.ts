/** The hub's CLI as an operator uses it: first-run setup, organizations, users, roles, tokens, links, retention. */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyChain } from "../../src/hub/audit-chain.js";
import { verifyPassword } from "../../src/hub/password.js";
import { openStore } from "../../src/store/open.js";
import { tempDir } from "../helpers.js";

const CLI = "dist/cli/main.js";
let t: ReturnType<typeof tempDir>;
let db: string;
const run = (args: string[], input?: string) => spawnSync(process.execPath, [CLI, ...args, "--db", db], { encoding: "utf8", input });

beforeAll(() => {
  t = tempDir();
  db = t.file("hub.db");
});
afterAll(() => t.cleanup());

describe("threadline admin", () => {
  it("setup creates the first admin once, with a generated password that works; no default password exists", async () => {
    const first = run(["admin", "setup", "--org", "ngo-north", "--org-name", "NGO North", "--user", "root-admin"]);
    expect(first.status).toBe(0);
    const password = /password \(shown once, store it safely\): (\S+)/.exec(first.stdout)?.[1];
    expect(password?.length).toBe(20);
    const again = run(["admin", "setup", "--org", "other", "--user", "second"]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already been done/);
    const store = await openStore(db);
    const u = await store.hub.getUser("root-admin");
    expect(u?.roles).toEqual(["admin", "analyst", "auditor", "contributor"]);
    expect(await verifyPassword(password as string, u?.passwordHash as string)).toBe(true);
    expect(u?.passwordHash).not.toContain(password as string);
    await store.close();
  });

  it("creates organizations and users, grants and revokes roles, refuses bad input with a clear message", () => {
    expect(run(["admin", "create-org", "bank-east", "--name", "Bank East", "--default-sharing", "private"]).status).toBe(0);
    expect(run(["admin", "create-org", "Bad Id"]).stderr).toMatch(/lower-case/);
    expect(run(["admin", "create-user", "bea", "--org", "bank-east", "--role", "contributor"]).stdout).toMatch(/password \(shown once\)/);
    expect(run(["admin", "create-user", "bea2", "--org", "nowhere", "--role", "analyst"]).stderr).toMatch(/no organization "nowhere"/);
    expect(run(["admin", "create-user", "bea3", "--org", "bank-east", "--role", "wizard"]).stderr).toMatch(/unknown role "wizard"/);
    expect(run(["admin", "create-user", "bea4", "--org", "bank-east", "--role", "analyst", "--password-stdin"], "short").stderr).toMatch(/at least 12/);
    expect(run(["admin", "grant", "bea", "analyst,auditor"]).stdout).toMatch(/analyst, auditor, contributor/);
    expect(run(["admin", "revoke", "bea", "auditor"]).stdout).toMatch(/analyst, contributor$/m);
    expect(run(["admin", "users", "--org", "bank-east"]).stdout).toMatch(/^bea\tbank-east\tanalyst,contributor$/m);
    expect(run(["admin", "disable", "bea"]).status).toBe(0);
    expect(run(["admin", "users", "--org", "bank-east"]).stdout).toMatch(/^bea\t.*\tdisabled$/m);
    expect(run(["admin", "enable", "bea"]).status).toBe(0);
    expect(run(["admin", "reset-password", "bea"]).stdout).toMatch(/new password \(shown once\): \S{20}/);
    expect(run(["admin", "unlock", "nobody"]).stderr).toMatch(/no user "nobody"/);
  });

  it("prints one-time links and tokens once; lists tokens without secrets; revokes", () => {
    expect(run(["admin", "login-link", "bea", "--base-url", "http://127.0.0.1:9999"]).stdout).toMatch(/^http:\/\/127\.0\.0\.1:9999\/api\/auth\/link\?token=[A-Za-z0-9_-]{43}$/m);
    const created = run(["admin", "token", "create", "--org", "bank-east", "--name", "nightly feed", "--scopes", "upload,match", "--days", "30"]);
    const token = /token \(shown once\): (tl_\S+)/.exec(created.stdout)?.[1] as string;
    expect(token).toMatch(/^tl_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}$/);
    const list = run(["admin", "token", "list"]).stdout;
    expect(list).toContain("nightly feed");
    expect(list).not.toContain(token.slice(-43));
    const id = token.slice(3, 15);
    expect(run(["admin", "token", "revoke", id]).status).toBe(0);
    expect(run(["admin", "token", "revoke", id]).stderr).toMatch(/no active token/);
    expect(run(["admin", "token", "create", "--org", "bank-east", "--name", "x", "--scopes", "everything"]).stderr).toMatch(/unknown scope/);
  });

  it("ingests for an organization at its default sharing level; retention deletes them and the audit chain holds", async () => {
    const file = t.file("bank.jsonl");
    writeFileSync(file, `${JSON.stringify({ id: "b1", source: "bank", body: "customer phone (416) 555-0142" })}\n`);
    expect(run(["ingest", file, "--org", "bank-east"]).status).toBe(0);
    expect(run(["ingest", file, "--org", "nobody"]).stderr).toMatch(/no organization "nobody"/);
    expect(run(["ingest", file, "--org", "bank-east", "--sharing", "secret"]).stderr).toMatch(/--sharing must be one of/);
    let store = await openStore(db);
    const ad = await store.findAd("bank", "b1");
    expect(ad).toMatchObject({ org: "bank-east", sharing: "private" });
    await store.close();
    expect(run(["admin", "retention", "bank-east", "0"]).stderr).toMatch(/whole number/);
    expect(run(["admin", "retention", "bank-east", "1"]).status).toBe(0);
    expect(run(["retention", "apply", "--dry-run"]).stdout).toMatch(/bank-east .*would delete 0 ads/);
    const raw = new Database(db);
    raw.prepare("update ads set first_seen_at = '2000-01-01T00:00:00.000Z'").run();
    raw.close();
    expect(run(["retention", "apply"]).stdout).toMatch(/bank-east .*deleted 1 ads, 0 old versions, \d+ facts/);
    store = await openStore(db);
    expect(await store.findAd("bank", "b1")).toBeNull();
    expect((await verifyChain(store.audit.all())).ok).toBe(true);
    const actions = (await store.audit.list({}, 0, 1000)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["org.create", "user.create", "grant", "revoke", "token.create", "token.revoke", "login-link.create", "retention.set", "retention.delete"]));
    await store.close();
  });
});

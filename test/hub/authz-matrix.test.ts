/**
 * The authorization matrix: every route in the server's route table × every caller (anonymous, a user holding
 * each single role, each kind of API token) → allowed or refused, checked against a written policy. A route added
 * without an entry in POLICY (or without a sample request) fails here, so no route ships without a rule.
 */
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role, type TokenScope } from "../../src/domain/access.js";
import { routeDocs } from "../../src/api/route.js";
import { encodeRecords } from "../../src/hub/match/encode.js";
import { newMatchKey, toKeyFile } from "../../src/hub/match/keys.js";
import { signIn, as, type Session } from "../api/fixture.js";
import { buildHubFixture, ORG_A, type HubFixture } from "./fixture.js";

type Policy = "public" | "any-user" | { roles: Role[]; scopes: TokenScope[] };

/** Who may call what. Changing a route's rule means changing this table too — on purpose. */
const POLICY: Record<string, Policy> = {
  "GET /api/openapi.json": "public",
  "GET /api/docs": "public",
  "GET /api/public/stats": "public",
  "POST /api/auth/login": "public",
  "GET /api/auth/link": "public",
  "GET /api/auth/me": "any-user",
  "POST /api/auth/logout": "any-user",
  "POST /api/auth/password": "any-user",
  "GET /api/ads": { roles: ["analyst"], scopes: [] },
  "GET /api/ads/:id": { roles: ["analyst"], scopes: [] },
  "GET /api/networks": { roles: ["analyst"], scopes: [] },
  "GET /api/networks/:id": { roles: ["analyst"], scopes: [] },
  "GET /api/identifiers/:kind/:value": { roles: ["analyst"], scopes: [] },
  "GET /api/hotspots": { roles: ["analyst"], scopes: [] },
  "GET /api/stats": { roles: ["analyst"], scopes: [] },
  "GET /api/cases": { roles: ["analyst"], scopes: [] },
  "POST /api/cases": { roles: ["analyst"], scopes: [] },
  "GET /api/cases/:id": { roles: ["analyst"], scopes: [] },
  "POST /api/cases/:id/items": { roles: ["analyst"], scopes: [] },
  "DELETE /api/cases/:id/items/:itemId": { roles: ["analyst"], scopes: [] },
  "POST /api/cases/:id/notes": { roles: ["analyst"], scopes: [] },
  "GET /api/cases/:id/export.pdf": { roles: ["analyst"], scopes: [] },
  "GET /api/cases/:id/export.zip": { roles: ["analyst"], scopes: [] },
  "POST /api/match": { roles: ["analyst"], scopes: ["match"] },
  "POST /api/uploads": { roles: ["contributor"], scopes: ["upload"] },
  "GET /api/admin/users": { roles: ["admin"], scopes: [] },
  "POST /api/admin/users": { roles: ["admin"], scopes: [] },
  "POST /api/admin/users/:id/roles": { roles: ["admin"], scopes: [] },
  "POST /api/admin/users/:id/access": { roles: ["admin"], scopes: [] },
  "GET /api/admin/tokens": { roles: ["admin"], scopes: [] },
  "POST /api/admin/tokens": { roles: ["admin"], scopes: [] },
  "DELETE /api/admin/tokens/:id": { roles: ["admin"], scopes: [] },
  "GET /api/audit": { roles: ["auditor"], scopes: [] },
  "GET /api/audit/verify": { roles: ["auditor"], scopes: [] },
};

let f: HubFixture;
let caseId = 0;
let itemCounter = 0;
let userCounter = 0;
let matchUploadBody: unknown;
beforeAll(async () => {
  f = await buildHubFixture();
  const reads = f.store.reads({ org: ORG_A, all: false });
  caseId = (await reads.createCase("matrix case", "")).id;
  const key = newMatchKey();
  await f.store.hub.putMatchKey(key);
  matchUploadBody = encodeRecords(toKeyFile(key), [{ ref: "r1", kind: "phone", raw: "(416) 555-0190", line: 2 }]).upload;
}, 120_000);
afterAll(async () => f?.close());

/** A valid request for each route, so only authorization decides the outcome. */
const SAMPLES: Record<string, () => Promise<InjectOptions>> = {
  "GET /api/openapi.json": async () => ({ method: "GET", url: "/api/openapi.json" }),
  "GET /api/docs": async () => ({ method: "GET", url: "/api/docs" }),
  "GET /api/public/stats": async () => ({ method: "GET", url: "/api/public/stats" }),
  "POST /api/auth/login": async () => ({ method: "POST", url: "/api/auth/login", payload: { username: "victim-a", password: "correct horse battery staple" } }),
  "GET /api/auth/link": async () => {
    const u = await f.store.hub.getUser("victim-a");
    return { method: "GET", url: `/api/auth/link?token=${await f.auth.createLoginLink(u?.id ?? -1)}` };
  },
  "GET /api/auth/me": async () => ({ method: "GET", url: "/api/auth/me" }),
  "POST /api/auth/logout": async () => ({ method: "POST", url: "/api/auth/logout" }),
  "POST /api/auth/password": async () => ({ method: "POST", url: "/api/auth/password", payload: { current: "correct horse battery staple", next: "correct horse battery staple" } }),
  "GET /api/ads": async () => ({ method: "GET", url: "/api/ads?q=call" }),
  "GET /api/ads/:id": async () => ({ method: "GET", url: `/api/ads/${f.mixed.hubIds[0]}` }),
  "GET /api/networks": async () => ({ method: "GET", url: "/api/networks" }),
  "GET /api/networks/:id": async () => {
    const net = (await f.store.networkAssignments()).get(f.mixed.hubIds[0]!);
    return { method: "GET", url: `/api/networks/${net}` };
  },
  "GET /api/identifiers/:kind/:value": async () => ({ method: "GET", url: `/api/identifiers/phone/${encodeURIComponent(f.mixed.phone)}` }),
  "GET /api/hotspots": async () => ({ method: "GET", url: "/api/hotspots" }),
  "GET /api/stats": async () => ({ method: "GET", url: "/api/stats" }),
  "GET /api/cases": async () => ({ method: "GET", url: "/api/cases" }),
  "POST /api/cases": async () => ({ method: "POST", url: "/api/cases", payload: { title: "t", description: "" } }),
  "GET /api/cases/:id": async () => ({ method: "GET", url: `/api/cases/${caseId}` }),
  "POST /api/cases/:id/items": async () => ({ method: "POST", url: `/api/cases/${caseId}/items`, payload: { kind: "ad", ref: String(f.planted[++itemCounter % 3]!.id + 0) } }),
  "DELETE /api/cases/:id/items/:itemId": async () => {
    const reads = f.store.reads({ org: ORG_A, all: false });
    const item = await reads.addCaseItem(caseId, "network", `N-matrix-${++itemCounter}`);
    return { method: "DELETE", url: `/api/cases/${caseId}/items/${item?.id}` };
  },
  "POST /api/cases/:id/notes": async () => ({ method: "POST", url: `/api/cases/${caseId}/notes`, payload: { text: "note" } }),
  "GET /api/cases/:id/export.pdf": async () => ({ method: "GET", url: `/api/cases/${caseId}/export.pdf?purpose=authorization%20matrix` }),
  "GET /api/cases/:id/export.zip": async () => ({ method: "GET", url: `/api/cases/${caseId}/export.zip?purpose=authorization%20matrix` }),
  "POST /api/match": async () => ({ method: "POST", url: "/api/match", payload: matchUploadBody as Record<string, unknown> }),
  "POST /api/uploads": async () => ({ method: "POST", url: "/api/uploads", payload: { records: [{ id: `m-${++itemCounter}`, source: "matrix", body: "hello" }] } }),
  "GET /api/admin/users": async () => ({ method: "GET", url: "/api/admin/users" }),
  "POST /api/admin/users": async () => ({ method: "POST", url: "/api/admin/users", payload: { username: `made-${++userCounter}`, roles: ["analyst"] } }),
  "POST /api/admin/users/:id/roles": async () => {
    const u = await f.store.hub.getUser("victim-a");
    return { method: "POST", url: `/api/admin/users/${u?.id}/roles`, payload: { roles: ["analyst"] } };
  },
  "POST /api/admin/users/:id/access": async () => {
    const u = await f.store.hub.getUser("victim-a");
    return { method: "POST", url: `/api/admin/users/${u?.id}/access`, payload: { unlock: true } };
  },
  "GET /api/admin/tokens": async () => ({ method: "GET", url: "/api/admin/tokens" }),
  "POST /api/admin/tokens": async () => ({ method: "POST", url: "/api/admin/tokens", payload: { name: "t", scopes: ["upload"], days: 1 } }),
  "DELETE /api/admin/tokens/:id": async () => {
    const g = await f.auth.createToken(ORG_A, "to revoke", ["upload"], 1, null);
    return { method: "DELETE", url: `/api/admin/tokens/${g.record.id}` };
  },
  "GET /api/audit": async () => ({ method: "GET", url: "/api/audit" }),
  "GET /api/audit/verify": async () => ({ method: "GET", url: "/api/audit/verify" }),
};

type CallerKind = { kind: "anonymous" } | { kind: "user"; role: Role } | { kind: "token"; scope: TokenScope };
const CALLERS: CallerKind[] = [{ kind: "anonymous" }, ...ROLES.map((role) => ({ kind: "user" as const, role })), { kind: "token", scope: "upload" }, { kind: "token", scope: "match" }];
const label = (c: CallerKind) => (c.kind === "anonymous" ? "anonymous" : c.kind === "user" ? `user with role ${c.role}` : `token with scope ${c.scope}`);

function expected(p: Policy, c: CallerKind): "allow" | 401 | 403 {
  if (p === "public") return "allow";
  if (c.kind === "anonymous") return 401;
  if (p === "any-user") return c.kind === "user" ? "allow" : 403;
  if (c.kind === "user") return p.roles.includes(c.role) ? "allow" : 403;
  return p.scopes.includes(c.scope) ? "allow" : 403;
}

/** A fresh session per request: logout and password change end sessions, and must not spoil the next row. */
async function call(c: CallerKind, o: InjectOptions) {
  if (c.kind === "anonymous") return f.anon(o);
  if (c.kind === "token") return f.token(c.scope, o);
  const s: Session = await signIn(f.app, `${c.role}-a`);
  return f.app.inject(as(s, o));
}

describe("authorization matrix", () => {
  it("every route has a policy and a sample, and declares the access the policy states", () => {
    const docs = routeDocs(f.app);
    expect(docs.length).toBeGreaterThan(30);
    for (const d of docs) {
      const key = `${d.method} ${d.url}`;
      expect(POLICY[key], `no authorization policy for ${key}: add it to POLICY`).toBeDefined();
      expect(SAMPLES[key], `no sample request for ${key}: add one to SAMPLES`).toBeDefined();
      const p = POLICY[key]!;
      if (p === "public") expect(d.access, key).toBe("public");
      else if (p === "any-user") expect(d.access, key).toBe("session");
      else expect(d.access, key).toEqual({ roles: p.roles, ...(p.scopes.length ? { scopes: p.scopes } : {}) });
    }
    for (const key of Object.keys(POLICY)) expect(docs.some((d) => `${d.method} ${d.url}` === key), `${key} is in POLICY but not served`).toBe(true);
  });

  it("every route × every caller is allowed or refused exactly as the policy says", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const d of routeDocs(f.app)) {
      const key = `${d.method} ${d.url}`;
      const policy = POLICY[key];
      const sample = SAMPLES[key];
      if (!policy || !sample) continue;
      for (const c of CALLERS) {
        const res = await call(c, await sample());
        const want = expected(policy, c);
        const ok = want === "allow" ? res.statusCode < 400 : res.statusCode === want;
        checked++;
        if (!ok) failures.push(`${key} as ${label(c)}: want ${want}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  }, 120_000);

  it("a refused call is audited with who tried and the outcome", async () => {
    await f.as("contributor-a", { method: "GET", url: "/api/ads?q=anything" });
    const e = (await f.store.audit.list({ actor: "contributor-a", action: "search" }, 0, 100)).at(-1);
    expect(e?.detail).toMatchObject({ status: "403" });
  });
});

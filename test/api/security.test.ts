/** Safe defaults: headers, limits, hostile URLs; the OpenAPI document and its page; the web app fallback. */
import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/api/server.js";
import { openApiPath } from "../../src/api/openapi.js";
import { CSP } from "../../src/api/security.js";
import { tempDir } from "../helpers.js";
import { buildFixture, expectProblem, type Fixture } from "./fixture.js";

let f: Fixture;
beforeAll(async () => {
  f = await buildFixture(300);
});
afterAll(async () => f.close());

const HEADERS = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

describe("security headers", () => {
  it("are on every response: data, problems, framework errors, pages", async () => {
    expect(CSP).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    const responses = await Promise.all([
      f.get("/api/stats"),
      f.get("/api/ads/0"),
      f.get("/api/nothing-here"),
      f.get("/api/ads/%E0%A4%A"),
      f.get("/api/docs"),
      f.get("/"),
      f.get(`/api/ads?q=${"a".repeat(1 << 20)}`),
      f.req({ method: "POST", url: "/api/cases", headers: { "content-type": "application/json" }, payload: JSON.stringify({ title: "x".repeat(2 << 20) }) }),
    ]);
    for (const res of responses) {
      for (const [k, v] of Object.entries(HEADERS)) expect(res.headers[k], `${k} on ${res.statusCode}`).toBe(v);
    }
    expect(responses[0].headers["cache-control"]).toBe("no-store");
  });
});

describe("hostile URLs", () => {
  it("answers a 1 MB query string with 414 problem details (inject)", async () => {
    const p = expectProblem(await f.get(`/api/ads?q=${"%41".repeat(350_000)}`), 414);
    expect(p.type).toBe("/problems/uri-too-long");
    expect(p.instance).toBe("/api/ads");
  });

  it("answers a 1 MB URL over a real socket with 414 problem details, and keeps serving", async () => {
    const app = await buildServer({ store: f.store, logger: false, webDist: null });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const port = (app.server.address() as AddressInfo).port;
    const get = (path: string) =>
      new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port, path }, (res) => {
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }));
        });
        req.on("error", reject);
        req.end();
      });
    try {
      const big = await get(`/api/ads?q=${"x".repeat(1 << 20)}`);
      expect([400, 414]).toContain(big.status);
      expect(big.type).toMatch(/^application\/problem\+json/);
      expect((JSON.parse(big.body) as { status: number }).status).toBe(big.status);
      const ok = await get("/api/openapi.json");
      expect(ok.status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it("never crashes on garbage paths and parameters", async () => {
    const urls = ["/api/ads/%", "/api/ads/%ff%fe", "/api/networks/%00", "/api/identifiers/phone/%ff", "/api/identifiers/%ED%A0%80/x", "/api/cases/1%27%20OR%201=1", "/api/ads?limit=%ff", "/api/networks?sort[]=size", "/api/ads?__proto__[x]=1&constructor=1"];
    for (const url of urls) {
      const res = await f.get(url);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.headers["content-type"], url).toMatch(/json/);
    }
  });
});

describe("OpenAPI", () => {
  it("lists every registered /api route, generated from the route table", async () => {
    const seen: { method: string; url: string }[] = [];
    const app = await buildServer({
      store: f.store,
      logger: false,
      webDist: null,
      onRoute: (r) => {
        for (const m of [r.method].flat()) seen.push({ method: m, url: r.url });
      },
    });
    const res = await app.inject({ url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = JSON.parse(res.body) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters: { name: string }[] }>> };
    expect(doc.openapi).toBe("3.1.0");
    const apiRoutes = seen.filter((r) => r.url.startsWith("/api") && r.method !== "HEAD" && r.method !== "OPTIONS");
    expect(apiRoutes.length).toBeGreaterThanOrEqual(17);
    for (const r of apiRoutes) {
      const op = doc.paths[openApiPath(r.url)]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${r.url} missing from the OpenAPI document`).toBeDefined();
      expect(Object.keys(op.responses).length).toBeGreaterThan(0);
    }
    expect(doc.paths["/api/ads"].get.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["q", "city", "phone", "minRisk", "cursor", "limit"]));
    await app.close();
  });

  it("is browsable at /api/docs without scripts", async () => {
    const res = await f.get("/api/docs");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body).not.toMatch(/https?:\/\//);
    expect(res.body).toContain("/api/networks/{id}");
  });
});

describe("web app", () => {
  it("says how to build it when web/dist is missing", async () => {
    const res = await f.get("/");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("npm run build");
  });

  it("serves the built app with SPA fallback, and keeps /api 404s as problems", async () => {
    const t = tempDir();
    mkdirSync(t.file("assets"));
    writeFileSync(t.file("index.html"), "<!doctype html><title>app</title>");
    writeFileSync(t.file("assets/app.js"), "console.log(1)");
    const app = await buildServer({ store: f.store, logger: false, webDist: t.dir });
    try {
      expect((await app.inject({ url: "/" })).body).toContain("<title>app</title>");
      const deep = await app.inject({ url: "/networks/N-000001" });
      expect(deep.statusCode).toBe(200);
      expect(deep.body).toContain("<title>app</title>");
      expect(deep.headers["content-security-policy"]).toBe(CSP);
      expect((await app.inject({ url: "/assets/app.js" })).headers["content-type"]).toMatch(/javascript/);
      expectProblem(await app.inject({ url: "/api/unknown" }), 404);
      expect((await app.inject({ url: "/../../etc/passwd" })).body).not.toContain("root:");
    } finally {
      await app.close();
      t.cleanup();
    }
  });
});

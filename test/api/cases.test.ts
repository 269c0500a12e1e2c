/** Cases and the evidence exports. */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseDetail, CaseSummary, ExportManifest, NetworkSummary } from "../../src/shared/api-types.js";
import { buildFixture, expectProblem, walk, type Fixture } from "./fixture.js";
import { unzip } from "./unzip.js";

let f: Fixture;
beforeAll(async () => {
  f = await buildFixture(800);
});
afterAll(async () => f.close());

const post = (url: string, payload: unknown) => f.req({ method: "POST", url, payload: payload as Record<string, unknown> });

describe("cases", () => {
  it("creates, lists, adds items and notes, removes items", async () => {
    const created = await post("/api/cases", { title: "  Case <b>one</b> ", description: "synthetic" });
    expect(created.statusCode).toBe(201);
    const c = created.json<CaseDetail>();
    expect(c.title).toBe("Case <b>one</b>");
    const net = (await f.get("/api/networks?limit=1")).json<{ items: NetworkSummary[] }>().items[0];
    const withNet = await post(`/api/cases/${c.id}/items`, { kind: "network", ref: net.id });
    expect(withNet.statusCode).toBe(201);
    const withAd = (await post(`/api/cases/${c.id}/items`, { kind: "ad", ref: f.hostileId })).json<CaseDetail>();
    expect(withAd.items.map((i) => i.kind)).toEqual(["network", "ad"]);
    expect(withAd.items[1].label).toContain("<script>");
    expectProblem(await post(`/api/cases/${c.id}/items`, { kind: "ad", ref: String(f.hostileId) }), 409);
    const noted = (await post(`/api/cases/${c.id}/notes`, { text: "checked the phone" })).json<CaseDetail>();
    expect(noted.notes.map((n) => n.text)).toEqual(["checked the phone"]);
    expect(noted.noteCount).toBe(1);
    const del = await f.req({ method: "DELETE", url: `/api/cases/${c.id}/items/${withAd.items[1].id}` });
    expect(del.statusCode).toBe(204);
    expectProblem(await f.req({ method: "DELETE", url: `/api/cases/${c.id}/items/${withAd.items[1].id}` }), 404);
    const got = (await f.get(`/api/cases/${c.id}`)).json<CaseDetail>();
    expect(got.items.length).toBe(1);
    for (let i = 0; i < 6; i++) await post("/api/cases", { title: `Case ${i}` });
    const all = await walk<CaseSummary>(f, "/api/cases?limit=2");
    expect(all.length).toBe(7);
    expect(new Set(all.map((x) => x.id)).size).toBe(7);
    expect(all[0].id).toBeGreaterThan(all[1].id);
  });

  it("validates bodies and references with problem details", async () => {
    const p = expectProblem(await post("/api/cases", { title: "", description: 5 }), 400);
    expect(p.errors?.map((e) => e.field).sort()).toEqual(["body.description", "body.title"]);
    expect(expectProblem(await f.req({ method: "POST", url: "/api/cases" }), 400).errors?.[0].field).toBe("body");
    expectProblem(await f.req({ method: "POST", url: "/api/cases", headers: { "content-type": "application/json" }, payload: "{bad json" }), 400);
    expectProblem(await f.req({ method: "POST", url: "/api/cases", headers: { "content-type": "text/plain" }, payload: "x" }), 415);
    const big = JSON.stringify({ title: "big", description: "x".repeat(1.1 * 1024 * 1024) });
    expectProblem(await f.req({ method: "POST", url: "/api/cases", headers: { "content-type": "application/json" }, payload: big }), 413);
    const c = (await post("/api/cases", { title: "refs" })).json<CaseDetail>();
    expect(expectProblem(await post(`/api/cases/${c.id}/items`, { kind: "ad", ref: "99999999" }), 400).errors?.[0].field).toBe("body.ref");
    expect(expectProblem(await post(`/api/cases/${c.id}/items`, { kind: "network", ref: "N-404" }), 400).errors?.[0].field).toBe("body.ref");
    expect(expectProblem(await post(`/api/cases/${c.id}/items`, { kind: "person", ref: "x" }), 400).errors?.[0].field).toBe("body.kind");
    expectProblem(await post("/api/cases/999999/notes", { text: "x" }), 404);
    expectProblem(await f.get("/api/cases/999999"), 404);
    expectProblem(await f.get("/api/cases/abc"), 400);
  });

  it("exports a verifiable ZIP and a PDF", async () => {
    const c = (await post("/api/cases", { title: "Export", description: "for a prosecutor" })).json<CaseDetail>();
    const net = (await f.get("/api/networks?limit=1")).json<{ items: NetworkSummary[] }>().items[0];
    await post(`/api/cases/${c.id}/items`, { kind: "network", ref: net.id });
    await post(`/api/cases/${c.id}/items`, { kind: "ad", ref: String(f.hostileId) });
    const zip = await f.get(`/api/cases/${c.id}/export.zip?purpose=${encodeURIComponent("court disclosure for file 42")}`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers["content-type"]).toBe("application/zip");
    const files = unzip(zip.rawPayload);
    const manifest = JSON.parse((files.get("manifest.json") as Buffer).toString("utf8")) as ExportManifest;
    expect(manifest.purpose).toBe("court disclosure for file 42");
    expect(manifest.exportedBy).toBe("ana");
    expect(manifest.org).toBe("ngo-a");
    expect(manifest.notice).toMatch(/not verdicts/);
    expect(manifest.items.length).toBe(net.size + 1);
    for (const item of manifest.items) {
      const data = files.get(item.path) as Buffer;
      expect(createHash("sha256").update(data).digest("hex")).toBe(item.sha256);
      const ad = JSON.parse(data.toString("utf8")) as { provenance: { contentHash: string; url: string | null } };
      expect(ad.provenance.contentHash).toBe(item.provenance.contentHash);
    }
    const hostile = JSON.parse((files.get(`ads/${f.hostileId}.json`) as Buffer).toString("utf8")) as { body: string };
    expect(hostile.body).toContain("<img src=x onerror");
    const sums = (files.get("SHA256SUMS") as Buffer).toString("utf8").trim().split("\n");
    for (const line of sums) {
      const [hash, name] = line.split("  ");
      expect(createHash("sha256").update(files.get(name) as Buffer).digest("hex")).toBe(hash);
    }
    // Every export states why it is made: none without a purpose.
    expectProblem(await f.get(`/api/cases/${c.id}/export.pdf`), 400);
    const pdf = await f.get(`/api/cases/${c.id}/export.pdf?purpose=${encodeURIComponent("prosecutor briefing")}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expectProblem(await f.get("/api/cases/999999/export.pdf?purpose=unknown%20case%20check"), 404);
    expectProblem(await f.get(`/api/cases/${c.id}/export.zip?purpose=x`), 400);
  });
});

/** Publishing from a real store: only hub and aggregate ads count, through the CLI and the public API route. */
import { readFileSync } from "node:fs";
import { Command } from "commander";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ApiContext } from "../../src/api/context.js";
import { Guard } from "../../src/api/auth/guard.js";
import { ApiError } from "../../src/api/problem.js";
import { registerPublicRoutes } from "../../src/api/public/routes.js";
import { RouteTable } from "../../src/api/route.js";
import { registerPublish } from "../../src/cli/publish.js";
import { Auth } from "../../src/hub/auth.js";
import { PUBLIC_SCOPE, publicRows, publicTable } from "../../src/hub/publish/index.js";
import type { PublishRow, PublishedTable } from "../../src/hub/publish/types.js";
import { ingestFiles } from "../../src/ingest/ingest.js";
import { openStore } from "../../src/store/open.js";
import type { Store } from "../../src/store/store.js";
import { tempDir, writeJsonl } from "../helpers.js";

let t: ReturnType<typeof tempDir>;
let store: Store;
let app: FastifyInstance;
const SINCE = "2023-12-01";

let seq = 0;
function ads(n: number, city: string | null, region: string | null, day: string): Record<string, unknown>[] {
  return Array.from({ length: n }, () => {
    seq++;
    return { id: `p-${seq}`, source: "pubsite", title: `Ad ${seq}`, body: `Sweet and friendly, ask for ${seq}`, city, region, posted_at: `${day}T12:00:00Z` };
  });
}

beforeAll(async () => {
  t = tempDir();
  store = await openStore(t.file("pub.db"));
  await store.hub.createOrg("ngo-a", "NGO A");
  const shared = [...ads(20, "Toronto", "ON", "2024-01-02"), ...ads(12, "Vancouver", "BC", "2024-01-10"), ...ads(3, "Zzyzxqville", null, "2024-01-03"), ...ads(2, null, null, "2024-01-04")];
  // The newest ad: its block is still filling and is not published, but it ends the window.
  shared.push(...ads(1, "Toronto", "ON", "2024-04-20"));
  await ingestFiles(store, [writeJsonl(t.file("hub.jsonl"), shared)]);
  await ingestFiles(store, [writeJsonl(t.file("agg.jsonl"), ads(15, "Toronto", "ON", "2024-01-03"))], { owner: { org: "ngo-a", sharing: "aggregate" } });
  await ingestFiles(store, [writeJsonl(t.file("priv.jsonl"), ads(7, "Toronto", "ON", "2024-01-03"))], { owner: { org: "ngo-a", sharing: "private" } });

  app = Fastify({ logger: false });
  app.setErrorHandler((err, _req, reply) => reply.code(err instanceof ApiError ? err.status : 500).send({ detail: err instanceof ApiError ? err.detail : String(err) }));
  const auth = new Auth(store.hub);
  const routes = new RouteTable(app, { guard: new Guard(auth), store });
  registerPublicRoutes(routes, new ApiContext(store, auth));
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await store.close();
  t.cleanup();
});

const withoutTime = (x: PublishedTable) => ({ ...x, generatedAt: "" });

describe("publishing from the store", () => {
  test("hub and aggregate ads count, private ones never; unresolved and missing cities are 'unknown'", async () => {
    const table = await publicTable(store.reads(PUBLIC_SCOPE), { since: SINCE });
    expect(table.weeks).toContain("2024-01-01");
    expect(table.weeks).not.toContain("2024-04-15");
    const on = table.provinces.find((p) => p.province === "ON");
    expect(on?.cities.map((c) => c.city)).toEqual(["Toronto"]);
    const toronto = (rows: PublishRow[]) => rows.filter((r) => r.city === "Toronto").reduce((n, r) => n + r.ads, 0);
    expect(toronto(await publicRows(store.reads(PUBLIC_SCOPE), table.weeks))).toBe(35); // 20 hub + 15 aggregate
    expect(toronto(await publicRows(store.reads({ org: "ngo-a", all: false }), table.weeks))).toBe(42); // its own private ones too
    expect(on?.total === null || on?.total === 35).toBe(true);
    expect(table.provinces.find((p) => p.province === "unknown")?.cities.map((c) => c.city)).toEqual([null]);
    expect(JSON.stringify(table)).not.toContain("Zzyzx");
    expect(table.national.total === null || table.national.total === 52).toBe(true);
  });

  test("the CLI writes the table and records the release in the audit log", async () => {
    const out = t.file("public.json");
    const program = new Command().exitOverride();
    registerPublish(program);
    await program.parseAsync(["publish", "--db", store.path, "--since", SINCE, "--out", out], { from: "user" });
    const written = JSON.parse(readFileSync(out, "utf8")) as PublishedTable;
    expect(withoutTime(written)).toEqual(withoutTime(await publicTable(store.reads(PUBLIC_SCOPE), { since: SINCE })));
    const entries = await store.audit.list({ action: "publish" }, 0, 10);
    expect(entries).toHaveLength(1);
    expect(entries[0].actor).toMatch(/^cli:/);
    expect(entries[0].detail).toMatchObject({ k: 10, suppressed: written.suppressed });

    const csv = t.file("public.csv");
    await program.parseAsync(["publish", "--db", store.path, "--since", SINCE, "--format", "csv", "--out", csv], { from: "user" });
    expect(readFileSync(csv, "utf8").split("\n")[0]).toBe("level,province,city,week,ads");
    await expect(program.parseAsync(["publish", "--db", store.path, "--k", "5"], { from: "user" })).rejects.toThrow(/at least 10/);
  });

  test("GET /api/public/stats serves the same table without sign-in, and refuses a caller's k", async () => {
    const res = await app.inject({ url: `/api/public/stats?since=${SINCE}` });
    expect(res.statusCode).toBe(200);
    expect(withoutTime(res.json<PublishedTable>())).toEqual(withoutTime(await publicTable(store.reads(PUBLIC_SCOPE), { since: SINCE })));
    expect((await app.inject({ url: "/api/public/stats?k=2" })).statusCode).toBe(400);
    expect((await app.inject({ url: "/api/public/stats?since=2024-13-01" })).statusCode).toBe(400);
    expect((await app.inject({ url: "/api/public/stats" })).json<PublishedTable>().k).toBe(10);
  });
});

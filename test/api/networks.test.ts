/** Networks, identifiers, hotspots and stats. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HotspotsResponse, IdentifierDetail, NetworkDetail, NetworkSummary, StatsResponse } from "../../src/shared/api-types.js";
import { buildFixture, expectProblem, walk, type Fixture } from "./fixture.js";
import type { SqliteStore } from "../../src/store/sqlite/store.js";

let f: Fixture;
beforeAll(async () => {
  f = await buildFixture();
});
afterAll(async () => f.close());

describe("GET /api/networks", () => {
  it("pages every network once in each sort order", async () => {
    const total = (await f.store.stats()).networks;
    for (const sort of ["size", "recent", "risk"]) {
      const all = await walk<NetworkSummary>(f, `/api/networks?sort=${sort}&limit=7`);
      expect(all.length, sort).toBe(total);
      expect(new Set(all.map((n) => n.id)).size).toBe(total);
    }
    const bySize = await walk<NetworkSummary>(f, "/api/networks?limit=200");
    for (let i = 1; i < bySize.length; i++) expect(bySize[i - 1].size).toBeGreaterThanOrEqual(bySize[i].size);
    const recent = await walk<NetworkSummary>(f, "/api/networks?sort=recent&limit=200");
    for (let i = 1; i < recent.length; i++) expect((recent[i - 1].lastPosted ?? "") >= (recent[i].lastPosted ?? "")).toBe(true);
  });

  it("validates sort and limit", async () => {
    const p = expectProblem(await f.get("/api/networks?sort=evil&limit=-3"), 400);
    expect(p.errors?.map((e) => e.field).sort()).toEqual(["query.limit", "query.sort"]);
  });
});

describe("GET /api/networks/:id", () => {
  it("explains a network: members, identifiers, text, indicators, trail, links and graph", async () => {
    const top = (await f.get("/api/networks?limit=1")).json<{ items: NetworkSummary[] }>().items[0];
    const res = await f.get(`/api/networks/${top.id}?memberLimit=5`);
    expect(res.statusCode).toBe(200);
    const n = res.json<NetworkDetail>();
    expect(n.size).toBe(top.size);
    expect(n.members.total).toBe(top.size);
    expect(n.members.items.length).toBe(Math.min(5, top.size));
    expect(n.members.items[0].reason).toBeTypeOf("object");
    expect(n.identifiers.length).toBeGreaterThan(0);
    expect(n.trail.reduce((s, t) => s + t.ads, 0)).toBeLessThanOrEqual(top.size);
    expect(n.trail.length).toBeGreaterThan(0);
    expect(n.links.total).toBeGreaterThanOrEqual(n.links.items.length);
    for (const l of n.links.items) expect(l.evidence).toBeTypeOf("object");
    const nodeIds = new Set(n.graph.nodes.map((x) => x.id));
    expect(n.graph.nodes.some((x) => x.kind === "ad")).toBe(true);
    for (const e of n.graph.edges) {
      expect(nodeIds.has(e.source), e.source).toBe(true);
      expect(nodeIds.has(e.target), e.target).toBe(true);
    }
    for (const i of n.indicators) expect(i.reason.length).toBeGreaterThan(0);
  });

  it("lists the links between members, strongest first, with their count (as a plain join finds them)", async () => {
    const raw = (f.store as SqliteStore).raw;
    const nets = raw.prepare("select id from networks order by size desc limit 3").pluck().all() as string[];
    expect(nets.length).toBeGreaterThan(0);
    for (const id of nets) {
      const want = raw
        .prepare(
          `select l.ad_a as a, l.ad_b as b, l.kind, l.weight from links l join network_members m on m.ad_id = l.ad_a join network_members m2 on m2.ad_id = l.ad_b
           where m.network_id = ? and m2.network_id = ? order by l.weight desc, l.id`,
        )
        .all(id, id) as { a: number; b: number; kind: string; weight: number }[];
      const n = (await f.get(`/api/networks/${id}`)).json<NetworkDetail>();
      expect(n.links.total, id).toBe(want.length);
      expect(n.links.items.map((l) => ({ a: l.a, b: l.b, kind: l.kind, weight: l.weight })), id).toEqual(want.slice(0, n.links.items.length));
      expect(n.links.items.length).toBe(Math.min(want.length, 200));
    }
  });

  it("404s an unknown network", async () => {
    expectProblem(await f.get("/api/networks/N-999999"), 404);
    expectProblem(await f.get(`/api/networks/${encodeURIComponent("' OR 1=1 --")}`), 404);
    expectProblem(await f.get("/api/networks/N-000001?memberLimit=5000"), 400);
  });
});

describe("GET /api/identifiers/:kind/:value", () => {
  it("finds a phone in any format with its ads, cities and networks", async () => {
    const res = await f.get(`/api/identifiers/phone/${encodeURIComponent("(416) 893-2245")}?limit=1`);
    expect(res.statusCode).toBe(200);
    const d = res.json<IdentifierDetail>();
    expect(d.value).toBe("+14168932245");
    expect(d.adCount).toBe(2);
    expect(d.cities[0].city).toBe("Toronto");
    expect(d.ads.items.length).toBe(1);
    expect(d.ads.nextCursor).not.toBeNull();
    const all = await walk<{ id: number }>(f, `/api/identifiers/phone/%2B14168932245?limit=1`).catch(() => null);
    expect(all).toBeNull(); // walk expects a page at the top level; identifiers nest it under `ads`
    const next = (await f.get(`/api/identifiers/phone/%2B14168932245?limit=1&cursor=${d.ads.nextCursor ?? ""}`)).json<IdentifierDetail>();
    expect(next.ads.items.length).toBe(1);
    expect(next.ads.items[0].id).not.toBe(d.ads.items[0].id);
    expect(next.ads.nextCursor).toBeNull();
  });

  it("404s an unseen identifier and 400s an unknown kind", async () => {
    expectProblem(await f.get("/api/identifiers/phone/5555555555"), 404);
    expectProblem(await f.get("/api/identifiers/email/nobody%40example.org"), 404);
    expect(expectProblem(await f.get("/api/identifiers/ssn/123"), 400).errors?.[0].field).toBe("params.kind");
    expectProblem(await f.get(`/api/identifiers/handle/${"x".repeat(300)}`), 400);
  });
});

describe("GET /api/hotspots and /api/stats", () => {
  it("counts ads per city and week with coordinates", async () => {
    const first = await f.get("/api/hotspots?weeks=8");
    // The second answer comes serialized from the cache: same type, same bytes.
    const again = await f.get("/api/hotspots?weeks=8");
    for (const r of [first, again]) expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(again.body).toBe(first.body);
    const h = first.json<HotspotsResponse>();
    expect(h.weeks.length).toBe(8);
    expect(h.cells.length).toBeGreaterThan(0);
    for (const c of h.cells) {
      expect(h.weeks).toContain(c.week);
      expect(c.lat).toBeGreaterThan(40);
      expect(c.lon).toBeLessThan(-50);
      expect(c.ads).toBeGreaterThan(0);
    }
    expectProblem(await f.get("/api/hotspots?weeks=0"), 400);
    expectProblem(await f.get("/api/hotspots?weeks=105"), 400);
  });

  it("reports totals, this week, top networks, trend and the synthetic flag", async () => {
    const s = (await f.get("/api/stats")).json<StatsResponse>();
    expect(s.synthetic).toBe(true);
    expect(s.totals.ads).toBe(await f.store.countAds());
    expect(s.totals.phones).toBeGreaterThan(0);
    expect(s.topNetworks.length).toBeGreaterThan(0);
    expect(s.weekly.length).toBeGreaterThan(0);
    expect(s.asOf).not.toBeNull();
  });
});

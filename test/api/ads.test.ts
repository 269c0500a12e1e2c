/** GET /api/ads (search, filters, pagination, hostile queries) and GET /api/ads/:id. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdDetail, AdSummary, AdsPage } from "../../src/shared/api-types.js";
import { searchTerms, segments } from "../../src/api/ads/routes.js";
import { HOSTILE_BODY, HOSTILE_TITLE, buildFixture, expectProblem, walk, type Fixture } from "./fixture.js";

let f: Fixture;
beforeAll(async () => {
  f = await buildFixture();
});
afterAll(async () => f.close());

describe("GET /api/ads", () => {
  it("lists newest first and pages through every ad exactly once", async () => {
    const all = await walk<AdSummary>(f, "/api/ads?limit=200");
    expect(all.length).toBe(await f.store.countAds());
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1].postedAt ?? "", all[i].postedAt ?? ""];
      expect(a >= b).toBe(true);
    }
  });

  it("full-text search ranks by bm25, highlights hits as segments, and pages without dupes or misses", async () => {
    const first = (await f.get("/api/ads?q=sweet&limit=5")).json<AdsPage>();
    expect(first.items.length).toBe(5);
    expect(first.items[0].relevance).not.toBeNull();
    expect(first.items.some((a) => a.snippet.some((s) => s.hit && /sweet/i.test(s.text)))).toBe(true);
    const rel = first.items.map((a) => a.relevance ?? 0);
    expect([...rel].sort((a, b) => b - a)).toEqual(rel);
    const all = await walk<AdSummary>(f, "/api/ads?q=sweet&limit=37");
    const direct = await walk<AdSummary>(f, "/api/ads?q=sweet&limit=200");
    expect(all.map((a) => a.id)).toEqual(direct.map((a) => a.id));
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(37);
  });

  it("combines filters with AND and normalizes a raw phone through the extractor", async () => {
    const res = (await f.get(`/api/ads?phone=${encodeURIComponent("(416) 893-2245")}`)).json<AdsPage>();
    expect(res.items.map((a) => a.id)).toContain(f.hostileId);
    const both = (await f.get(`/api/ads?phone=${encodeURIComponent("416.893.2245")}&q=zebraquokka&city=toronto&province=ON`)).json<AdsPage>();
    expect(both.items.length).toBe(2);
    const none = (await f.get(`/api/ads?phone=${encodeURIComponent("+14168932245")}&city=Vancouver`)).json<AdsPage>();
    expect(none.items).toEqual([]);
    const dated = (await f.get("/api/ads?q=zebraquokka&from=2024-06-02&to=2024-06-02")).json<AdsPage>();
    expect(dated.items.map((a) => a.title)).toEqual(["Second zebraquokka"]);
  });

  it("filters by network, source and city", async () => {
    const nets = (await f.get("/api/networks?limit=1")).json<{ items: { id: string; size: number }[] }>();
    const net = nets.items[0];
    const members = await walk<AdSummary>(f, `/api/ads?network=${net.id}&limit=100`);
    expect(members.length).toBe(net.size);
    expect(members.every((a) => a.networkId === net.id)).toBe(true);
    const src = (await f.get("/api/ads?source=siteA&limit=50")).json<AdsPage>();
    expect(src.items.every((a) => a.source === "siteA")).toBe(true);
    const city = (await f.get("/api/ads?city=Toronto&limit=50")).json<AdsPage>();
    expect(city.items.length).toBeGreaterThan(0);
  });

  it("treats FTS query syntax and SQL metacharacters as plain words", async () => {
    const hostile = ['"foo" OR bar* NEAR(', "title:x", "' OR 1=1 --", "\"; drop table ads; --", "NEAR(a b, 1)", "*", "^", "a AND OR NOT b", ")(", "{title body}: x", '"'];
    for (const q of hostile) {
      const res = await f.get(`/api/ads?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
    }
    // "OR" is a literal word here, not an operator: this must not match every ad with "sweet".
    const or = (await f.get(`/api/ads?q=${encodeURIComponent("sweet OR zebraquokka")}`)).json<AdsPage>();
    expect(or.items.length).toBe(0);
    const sql = (await f.get(`/api/ads?q=${encodeURIComponent("' OR 1=1 --")}`)).json<AdsPage>();
    // Quoted as literals: the words "or" and "1" must both occur (as in the hostile ad), nothing more.
    expect(sql.items.map((a) => a.id)).toContain(f.hostileId);
    const sqlAll = await walk<AdSummary>(f, `/api/ads?q=${encodeURIComponent("' OR 1=1 --")}&limit=200`);
    expect(sqlAll.length).toBeLessThan(await f.store.countAds());
    expect(searchTerms('"foo" OR bar* NEAR( title:x')).toEqual(["foo", "or", "bar", "near", "title", "x"]);
    expect(await f.store.countAds()).toBeGreaterThan(1000);
  });

  it("survives invalid UTF-8, lone surrogates and percent-encoded garbage", async () => {
    for (const q of ["%ff%fe", "%ED%A0%80", "%", "%zz", "%00", "%C0%AF", encodeURIComponent("\uFFFD\u0000")]) {
      const res = await f.get(`/api/ads?q=${q}&city=${q}`);
      expect([200, 400]).toContain(res.statusCode);
      expect(res.headers["content-type"]).toMatch(/json/);
    }
    const res = await f.req({ method: "GET", url: "/api/ads", query: { q: "\ud800 lone \udfff surrogates" } });
    expect(res.statusCode).toBe(200);
    expectProblem(await f.get("/api/ads/%ff%fe"), 400);
  });

  it("rejects invalid queries with problem details naming the fields", async () => {
    const p = expectProblem(await f.get("/api/ads?limit=0&province=Ontario&from=yesterday&minRisk=2"), 400);
    expect(p.type).toBe("/problems/validation");
    expect(p.errors?.map((e) => e.field).sort()).toEqual(["query.from", "query.limit", "query.minRisk", "query.province"]);
    expectProblem(await f.get("/api/ads?limit=201"), 400);
    expect(expectProblem(await f.get("/api/ads?cursor=not-a-cursor!"), 400).errors?.[0].field).toBe("query.cursor");
    expect(expectProblem(await f.get(`/api/ads?cursor=${Buffer.from('{"x":1}').toString("base64url")}`), 400).errors?.[0].field).toBe("query.cursor");
    expect(expectProblem(await f.get("/api/ads?phone=hello"), 400).errors?.[0].field).toBe("query.phone");
    expectProblem(await f.get("/api/ads?q=a&q=b"), 400);
  });
});

describe("GET /api/ads/:id", () => {
  it("returns text, provenance, facts with spans, network and versions", async () => {
    const res = await f.get(`/api/ads/${f.hostileId}`);
    expect(res.statusCode).toBe(200);
    const ad = res.json<AdDetail>();
    expect(ad.provenance.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(ad.provenance.source).toBe("siteA");
    expect(ad.provenance.ingestLine).toBeGreaterThan(0);
    const phone = ad.facts.find((x) => x.kind === "phone");
    expect(phone?.value).toBe("+14168932245");
    if (phone) expect(ad.body.slice(phone.span[0], phone.span[1])).toContain("893");
    expect(Array.isArray(ad.versions)).toBe(true);
  });

  it("returns hostile HTML/JS as JSON data, never as HTML", async () => {
    const res = await f.get(`/api/ads/${f.hostileId}`);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    const ad = res.json<AdDetail>();
    expect(ad.title).toBe(HOSTILE_TITLE);
    expect(ad.body).toBe(HOSTILE_BODY);
    // The body is a JSON document: the markup only appears inside JSON strings.
    expect(res.body.startsWith("{")).toBe(true);
    const search = await f.get("/api/ads?q=onerror");
    expect(search.headers["content-type"]).toBe("application/json; charset=utf-8");
    const hit = search.json<AdsPage>().items.find((a) => a.id === f.hostileId);
    expect(hit?.snippet.map((s) => s.text).join("")).toContain("<img src=x");
    expect(hit?.snippet.some((s) => s.hit && s.text === "onerror")).toBe(true);
  });

  it("404s an unknown ad and 400s a malformed id", async () => {
    expect(expectProblem(await f.get("/api/ads/99999999"), 404).type).toBe("/problems/not-found");
    expect(expectProblem(await f.get("/api/ads/abc"), 400).errors?.[0].field).toBe("params.id");
    expectProblem(await f.get("/api/ads/-1"), 400);
    expectProblem(await f.get("/api/ads/1e400"), 400);
  });
});

describe("snippet segments", () => {
  it("split on the control-character markers only", () => {
    expect(segments("a \u0002b\u0003 <i>c</i>")).toEqual([
      { text: "a ", hit: false },
      { text: "b", hit: true },
      { text: " <i>c</i>", hit: false },
    ]);
  });
});

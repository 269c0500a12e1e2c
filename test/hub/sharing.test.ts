/**
 * Sharing levels are enforced where the data is read, on every read path a face has: ad detail, search and its
 * snippets, identifiers, networks (a network mixing levels shows each viewer only its part), totals, cases,
 * exports — for each level × own/other organization. Expectations are written out, not derived from the rule.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdsPage, CaseDetail, ExportManifest, NetworkDetail, StatsResponse } from "../../src/shared/api-types.js";
import { applyRetention } from "../../src/hub/retention.js";
import { unzip } from "../api/unzip.js";
import { buildHubFixture, ORG_A, ORG_B, type HubFixture, type Planted } from "./fixture.js";

let f: HubFixture;
beforeAll(async () => {
  f = await buildHubFixture();
}, 120_000);
afterAll(async () => f?.close());

/** Who sees which contributed record, record by record: [viewer org][owner org][level]. */
const SEES: Record<string, Record<string, Record<string, boolean>>> = {
  [ORG_A]: { [ORG_A]: { private: true, hub: true, aggregate: true }, [ORG_B]: { private: false, hub: true, aggregate: false } },
  [ORG_B]: { [ORG_A]: { private: false, hub: true, aggregate: false }, [ORG_B]: { private: true, hub: true, aggregate: true } },
};
const VIEWERS = [
  { user: "analyst-a", org: ORG_A },
  { user: "analyst-b", org: ORG_B },
];
const get = (user: string, url: string) => f.as(user, { method: "GET", url });

describe("record-level reads, level × own/other organization", () => {
  for (const v of VIEWERS) {
    it(`${v.user}: ad detail, search, snippets and identifiers show exactly the records it may see`, async () => {
      for (const p of f.planted as Planted[]) {
        const sees = SEES[v.org]![p.org]![p.sharing]!;
        const what = `${p.org}/${p.sharing} as ${v.user}`;
        expect((await get(v.user, `/api/ads/${p.id}`)).statusCode, what).toBe(sees ? 200 : 404);
        const search = await get(v.user, `/api/ads?q=${p.word}`);
        expect(search.statusCode).toBe(200);
        const page = search.json<AdsPage>();
        expect(page.items.map((i) => i.id), what).toEqual(sees ? [p.id] : []);
        // Not a word of a hidden record comes back, in a snippet or anywhere else in the answer.
        if (!sees) expect(search.body.includes(p.word), what).toBe(false);
        else expect(page.items[0]!.snippet.some((s) => s.hit && s.text.toLowerCase() === p.word)).toBe(true);
        expect((await get(v.user, `/api/identifiers/phone/${encodeURIComponent(p.phone)}`)).statusCode, what).toBe(sees ? 200 : 404);
        const byPhone = (await get(v.user, `/api/ads?phone=${encodeURIComponent(p.phone)}`)).json<AdsPage>();
        expect(byPhone.items.length, what).toBe(sees ? 1 : 0);
      }
    });
  }

  it("totals count aggregate-level records of others but never their private ones", async () => {
    const a = (await get("analyst-a", "/api/stats")).json<StatsResponse>().totals.ads;
    const b = (await get("analyst-b", "/api/stats")).json<StatsResponse>().totals.ads;
    const pub = 303; // 300 synthetic + the three hub ads of the mixed and lone networks
    // ngo-a: its 3 + bank-b's hub and aggregate; bank-b: its 3 + 2 private bank records + ngo-a's hub and aggregate.
    expect(a).toBe(pub + 3 + 2);
    expect(b).toBe(pub + 3 + 2 + 2);
  });
});

describe("networks that mix sharing levels", () => {
  it("ngo-a sees the hub members only, with no network-level score (it summarizes members it cannot see)", async () => {
    const ad = (await get("analyst-a", `/api/ads/${f.mixed.hubIds[0]}`)).json<{ networkId: string | null }>();
    expect(ad.networkId).not.toBeNull();
    const net = (await get("analyst-a", `/api/networks/${ad.networkId}`)).json<NetworkDetail>();
    expect(net.size).toBe(2);
    expect(net.members.items.map((m) => m.id).sort()).toEqual([...f.mixed.hubIds].sort());
    for (const l of net.links.items) expect([l.a, l.b]).not.toContain(f.mixed.privateId);
    expect(JSON.stringify(net)).not.toContain("customer line");
    const phone = net.identifiers.find((i) => i.kind === "phone" && i.value === f.mixed.phone);
    expect(phone?.ads).toBe(2);
    const listed = (await get("analyst-a", "/api/networks?limit=200")).json<{ items: { id: string; size: number; risk: unknown }[] }>().items.find((n) => n.id === ad.networkId);
    expect(listed?.size).toBe(2);
    expect(listed?.risk).toBeNull();
  });

  it("bank-b, which holds the private member, sees all three", async () => {
    const ad = (await get("analyst-b", `/api/ads/${f.mixed.privateId}`)).json<{ networkId: string | null }>();
    const net = (await get("analyst-b", `/api/networks/${ad.networkId}`)).json<NetworkDetail>();
    expect(net.size).toBe(3);
    expect(net.members.items.map((m) => m.id)).toContain(f.mixed.privateId);
  });

  it("a network that is one visible ad plus hidden records is no network at all to ngo-a", async () => {
    const asA = (await get("analyst-a", `/api/ads/${f.lone.hubId}`)).json<{ networkId: string | null }>();
    expect(asA.networkId).toBeNull();
    const asB = (await get("analyst-b", `/api/ads/${f.lone.hubId}`)).json<{ networkId: string | null }>();
    expect(asB.networkId).not.toBeNull();
    expect((await get("analyst-a", `/api/networks/${asB.networkId}`)).statusCode).toBe(404);
    const summary = (await get("analyst-a", `/api/identifiers/phone/${encodeURIComponent(f.lone.phone)}`)).json<{ adCount: number; networks: unknown[] }>();
    expect(summary.adCount).toBe(1);
    expect(summary.networks).toEqual([]);
  });
});

describe("cases and exports", () => {
  const post = (user: string, url: string, payload: Record<string, unknown>) => f.as(user, { method: "POST", url, payload });

  it("a case belongs to its organization; items must be visible; exports carry only visible records", async () => {
    const bCase = (await post("analyst-b", "/api/cases", { title: "Bank case", description: "" })).json<CaseDetail>();
    expect((await get("analyst-a", `/api/cases/${bCase.id}`)).statusCode).toBe(404);
    expect((await get("analyst-a", "/api/cases")).json<{ items: { id: number }[] }>().items.map((c) => c.id)).not.toContain(bCase.id);
    expect((await post("analyst-a", `/api/cases/${bCase.id}/notes`, { text: "x" })).statusCode).toBe(404);

    const aCase = (await post("analyst-a", "/api/cases", { title: "NGO case", description: "" })).json<CaseDetail>();
    const bPrivate = f.planted.find((p) => p.org === ORG_B && p.sharing === "private")!;
    expect((await post("analyst-a", `/api/cases/${aCase.id}/items`, { kind: "ad", ref: String(bPrivate.id) })).statusCode).toBe(400);
    const netId = (await get("analyst-a", `/api/ads/${f.mixed.hubIds[0]}`)).json<{ networkId: string }>().networkId;
    expect((await post("analyst-a", `/api/cases/${aCase.id}/items`, { kind: "network", ref: netId })).statusCode).toBe(201);
    const zip = await get("analyst-a", `/api/cases/${aCase.id}/export.zip?purpose=${encodeURIComponent("referral to the police unit")}`);
    expect(zip.statusCode).toBe(200);
    const files = unzip(zip.rawPayload);
    const manifest = JSON.parse((files.get("manifest.json") as Buffer).toString("utf8")) as ExportManifest;
    expect(manifest.items.map((i) => i.adId).sort()).toEqual([...f.mixed.hubIds].sort());
    expect(manifest.exportedBy).toBe("analyst-a");
    for (const [, data] of files) expect(data.toString("utf8")).not.toContain("customer line");
  });
});

describe("uploads and ownership", () => {
  it("an upload token adds records owned by its organization; another organization cannot overwrite them", async () => {
    const rec = { id: "tok-1", source: "hubtest", title: "Uploaded", body: "zqtokenuploadword text me", city: "Halifax", posted_at: "2024-06-01T00:00:00Z" };
    const up = await f.token("upload", { method: "POST", url: "/api/uploads", payload: { sharing: "private", records: [rec, { title: "no id" }] } });
    expect(up.statusCode).toBe(200);
    const r = up.json<{ new: number; rejects: { index: number; reason: string }[] }>();
    expect(r.new).toBe(1);
    expect(r.rejects).toEqual([expect.objectContaining({ index: 1 })]);
    expect((await get("analyst-a", "/api/ads?q=zqtokenuploadword")).json<AdsPage>().items).toHaveLength(1);
    expect((await get("analyst-b", "/api/ads?q=zqtokenuploadword")).json<AdsPage>().items).toHaveLength(0);

    // bank-b tries to replace ngo-a's record (same source and id) with its own text: refused, nothing changes.
    const b = await f.store.hub.getUser("analyst-b");
    const { token } = await f.auth.createToken(ORG_B, "b upload", ["upload"], 1, b?.id ?? null);
    const hijack = await f.app.inject({ method: "POST", url: "/api/uploads", headers: { authorization: `Bearer ${token}` }, payload: { sharing: "hub", records: [{ ...rec, body: "hijacked text" }] } });
    expect(hijack.json<{ rejects: { reason: string }[] }>().rejects[0]?.reason).toMatch(/another organization/);
    const stored = await f.store.findAd("hubtest", "tok-1");
    expect(stored?.body).toBe(rec.body);
    expect(stored?.org).toBe(ORG_A);
    expect(stored?.sharing).toBe("private");
  });
});

describe("retention", () => {
  it("deletes an organization's expired records with their facts, search entries and memberships, and logs it", async () => {
    await f.store.hub.setRetention(ORG_B, 30);
    const before = f.planted.filter((p) => p.org === ORG_B);
    const res = await applyRetention(f.store, "test", { now: new Date(Date.now() + 60 * 86400_000) });
    const b = res.find((r) => r.org === ORG_B)!;
    expect(b.counts.ads).toBeGreaterThanOrEqual(5);
    for (const p of before) {
      expect(await f.store.getAd(p.id)).toBeNull();
      expect((await get("analyst-b", `/api/ads?q=${p.word}`)).json<AdsPage>().items).toEqual([]);
      expect((await f.store.factsFor([p.id])).get(p.id) ?? []).toEqual([]);
    }
    const net = (await get("analyst-a", `/api/ads/${f.mixed.hubIds[0]}`)).json<{ networkId: string | null }>();
    if (net.networkId) expect((await get("analyst-a", `/api/networks/${net.networkId}`)).json<NetworkDetail>().size).toBe(2);
    expect((await f.store.audit.list({ action: "retention.delete" }, 0, 10)).map((e) => e.org)).toContain(ORG_B);
    expect(await f.store.getStageState("link")).toBeNull();
    await f.store.hub.setRetention(ORG_B, null);
  });
});

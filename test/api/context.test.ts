/** The API's aggregate cache: concurrent requests share one computation; a failure is not cached. */
import { describe, expect, it } from "vitest";
import { ApiContext } from "../../src/api/context.js";
import type { Auth } from "../../src/hub/auth.js";
import type { ApiReads } from "../../src/store/read-model.js";
import type { Store } from "../../src/store/store.js";

function reads(version: () => string): ApiReads {
  return { scopeKey: "org:x", dataVersion: async () => version() } as unknown as ApiReads;
}

describe("ApiContext.memo", () => {
  it("computes an entry once for twenty concurrent requests, again when the data version moves", async () => {
    const ctx = new ApiContext({} as Store, {} as Auth);
    let version = "1";
    let calls = 0;
    const r = reads(() => version);
    const fn = async () => {
      calls++;
      await new Promise((res) => setTimeout(res, 20));
      return `value@${version}`;
    };
    const values = await Promise.all(Array.from({ length: 20 }, () => ctx.memo(r, "places", fn)));
    expect(calls).toBe(1);
    expect(new Set(values)).toEqual(new Set(["value@1"]));
    expect(await ctx.memo(r, "places", fn)).toBe("value@1");
    expect(calls).toBe(1);
    version = "2";
    expect(await ctx.memo(r, "places", fn)).toBe("value@2");
    expect(calls).toBe(2);
  });

  it("does not keep as current a value computed while the data version moved", async () => {
    const ctx = new ApiContext({} as Store, {} as Auth);
    let version = "1";
    let calls = 0;
    const r = reads(() => version);
    const fn = async () => {
      calls++;
      const at = version;
      await new Promise((res) => setTimeout(res, 5));
      version = "2"; // a run ends while this computation waits
      return `from ${at}`;
    };
    expect(await ctx.memo(r, "network", fn)).toBe("from 1");
    expect(await ctx.memo(r, "network", fn)).toBe("from 2");
    expect(calls).toBe(2);
  });

  it("does not keep a failed computation: the next request tries again", async () => {
    const ctx = new ApiContext({} as Store, {} as Auth);
    const r = reads(() => "1");
    let fail = true;
    const fn = async () => {
      if (fail) throw new Error("database busy");
      return 42;
    };
    const both = await Promise.allSettled([ctx.memo(r, "k", fn), ctx.memo(r, "k", fn)]);
    expect(both.map((b) => b.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect(await ctx.memo(r, "k", fn)).toBe(42);
  });
});

describe("ApiContext.memoJson", () => {
  it("keeps the answer serialized: the same text, computed once", async () => {
    const ctx = new ApiContext({} as Store, {} as Auth);
    const r = reads(() => "1");
    let calls = 0;
    const value = { cells: [{ city: "Québec", ads: 3, note: 'say "hi"\u2028' }], weeks: ["2024-01-01"] };
    const fn = async () => {
      calls++;
      return value;
    };
    const a = await ctx.memoJson(r, "hotspots:4", fn);
    const b = await ctx.memoJson(r, "hotspots:4", fn);
    expect(calls).toBe(1);
    expect(b).toBe(a);
    expect(a.text).toBe(JSON.stringify(value));
    expect(JSON.parse(a.text)).toEqual(value);
  });
});

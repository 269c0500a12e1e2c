/** The publication's window, its CSV form, and where its rows come from. */
import { describe, expect, test } from "vitest";
import { countsInAggregates } from "../../src/domain/access.js";
import { publishedCsv } from "../../src/hub/publish/csv.js";
import { publishTable } from "../../src/hub/publish/publish.js";
import { PUBLIC_SCOPE, publicRows, publicTable, type PublicReads } from "../../src/hub/publish/source.js";
import { PublishError } from "../../src/hub/publish/types.js";
import { BLOCK_WEEKS, GRID_EPOCH, mondayOf, publicationWeeks, weekRange } from "../../src/hub/publish/window.js";

const DAY = 86_400_000;
const blockIndex = (monday: string) => (Date.parse(monday) - Date.parse(GRID_EPOCH)) / (7 * DAY * BLOCK_WEEKS);

describe("publicationWeeks", () => {
  test("whole finished 4-week blocks, ending before the block of the newest ad", () => {
    const weeks = publicationWeeks("2024-06-20T10:00:00Z", { since: "2024-03-01" });
    expect(weeks.length % BLOCK_WEEKS).toBe(0);
    expect(Number.isInteger(blockIndex(weeks[0]))).toBe(true);
    expect(weeks[0] <= mondayOf("2024-03-01")).toBe(true);
    expect(blockIndex(weeks[0])).toBe(Math.floor(blockIndex(mondayOf("2024-03-01"))));
    const next = new Date(Date.parse(weeks.at(-1) as string) + 7 * DAY).toISOString().slice(0, 10);
    expect(Number.isInteger(blockIndex(next))).toBe(true);
    expect(next <= mondayOf("2024-06-20")).toBe(true);
    expect(weeks).toEqual(weekRange(weeks[0], weeks.at(-1) as string));
  });

  test("every day of a block gives the same window; the window only moves when a block finishes", () => {
    const a = publicationWeeks("2024-06-20T10:00:00Z", { since: "2024-03-01" });
    const start = a[0];
    for (let d = 0; d < 7 * BLOCK_WEEKS; d++) {
      const since = new Date(Date.parse(start) + d * DAY).toISOString().slice(0, 10);
      expect(publicationWeeks("2024-06-20T10:00:00Z", { since })).toEqual(a);
    }
    const ends = new Set<string>();
    for (let d = 0; d < 60; d++) ends.add(publicationWeeks(new Date(Date.parse("2024-06-01") + d * DAY).toISOString(), { since: "2024-01-01" }).at(-1) as string);
    expect(ends.size).toBeLessThanOrEqual(3);
  });

  test("default: about 26 weeks back; maxWeeks caps the window on the grid; nothing without data", () => {
    const weeks = publicationWeeks("2024-06-20T10:00:00Z");
    expect(weeks.length).toBeGreaterThanOrEqual(26);
    expect(weeks.length).toBeLessThan(26 + BLOCK_WEEKS);
    const capped = publicationWeeks("2024-06-20T10:00:00Z", { since: "2000-01-03", maxWeeks: 104 });
    expect(capped.length).toBeLessThanOrEqual(104);
    expect(capped.length).toBeGreaterThan(104 - BLOCK_WEEKS);
    expect(Number.isInteger(blockIndex(capped[0]))).toBe(true);
    expect(publicationWeeks(null)).toEqual([]);
    expect(publicationWeeks("2024-06-20T10:00:00Z", { since: "2030-01-01" })).toEqual([]);
    expect(() => publicationWeeks("2024-06-20T10:00:00Z", { since: "2024-02-30" })).toThrow(PublishError);
  });
});

describe("publishedCsv", () => {
  test("one line per value, hidden values empty, the other row marked", () => {
    const rows = [
      { province: "ON", city: "Toronto, East", week: "2024-01-01", ads: 30 },
      { province: "ON", city: "Toronto, East", week: "2024-01-08", ads: 12 },
      { province: "ON", city: null, week: "2024-01-01", ads: 3 },
      { province: "ON", city: null, week: "2024-01-08", ads: 11 },
    ];
    const t = publishTable(rows, { k: 10 });
    const lines = publishedCsv(t).trim().split("\n");
    expect(lines[0]).toBe("level,province,city,week,ads");
    expect(lines).toHaveLength(1 + 4 * 3);
    expect(lines).toContain('city,ON,"Toronto, East",2024-01-01,');
    expect(lines).toContain("other,ON,,2024-01-01,");
    expect(lines).toContain("national,,,total,56");
  });
});

function fakeReads(): PublicReads {
  return {
    cityPlaces: async () => [
      { raw: "toronto", ads: 20, name: "Toronto", province: "ON", lat: 43.7, lon: -79.4 },
      { raw: "T.O.", ads: 5, name: "Toronto", province: "ON", lat: 43.7, lon: -79.4 },
      { raw: "call 416 555 0101 babe", ads: 4, name: null, province: null, lat: null, lon: null },
    ],
    weeklyCityCounts: async () => [
      { city: "toronto", week: "2024-01-01", ads: 20, riskSum: null },
      { city: "T.O.", week: "2024-01-01", ads: 5, riskSum: null },
      { city: "call 416 555 0101 babe", week: "2024-01-08", ads: 4, riskSum: null },
      { city: "toronto", week: "2024-01-29", ads: 9, riskSum: null },
    ],
    weeklyAds: async () => [
      { week: "2024-01-01", ads: 27 },
      { week: "2024-01-08", ads: 4 },
      { week: "2024-01-29", ads: 9 },
    ],
    apiTotals: async () => ({
      ads: 40, versions: 40, facts: 0, links: 0, networks: 0, adsInNetworks: 0, sources: 1, phones: 0, emails: 0, handles: 0,
      latestPosted: "2024-02-01T00:00:00Z",
    }),
  };
}

describe("where the counts come from", () => {
  test("PUBLIC_SCOPE counts hub and aggregate ads of every organization, never private ones", () => {
    for (const org of ["public", "ngo-a"]) {
      expect(countsInAggregates(PUBLIC_SCOPE, org, "hub")).toBe(true);
      expect(countsInAggregates(PUBLIC_SCOPE, org, "aggregate")).toBe(true);
      expect(countsInAggregates(PUBLIC_SCOPE, org, "private")).toBe(false);
    }
    expect(PUBLIC_SCOPE.all).toBe(false);
  });

  test("raw spellings merge into their place; unresolved text is never published; ads without a city count as unknown", async () => {
    const weeks = ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22"];
    const rows = await publicRows(fakeReads(), weeks);
    expect(rows.some((r) => JSON.stringify(r).includes("416"))).toBe(false);
    expect(rows).toContainEqual({ province: null, city: null, week: "2024-01-08", ads: 4 });
    expect(rows).toContainEqual({ province: null, city: null, week: "2024-01-01", ads: 2 }); // 27 - 25 with a city
    expect(rows.some((r) => r.week === "2024-01-29")).toBe(false); // outside the window
    const t = publishTable(rows, { k: 10, weeks });
    expect(t.provinces.map((p) => [p.province, p.cities.map((c) => c.city)])).toEqual([
      ["ON", ["Toronto"]],
      ["unknown", [null]],
    ]);
    expect(rows.filter((r) => r.city === "Toronto").reduce((n, r) => n + r.ads, 0)).toBe(25);
  });

  test("publicTable refuses k below the hub's floor", async () => {
    await expect(publicTable(fakeReads(), { k: 5 })).rejects.toThrow(/at least|≥ 10/);
    const t = await publicTable(fakeReads(), { since: "2023-12-01" });
    expect(t.k).toBe(10);
    expect(t.weeks.at(-1)! < "2024-01-29").toBe(true);
  });
});

/** Aggregates behind the REST API's dashboard: weekly counts per city (hotspots) and corpus totals. */
import type Database from "better-sqlite3";
import type { ApiTotals, WeekCityCount } from "../read-model.js";
import { hasTable } from "./search.js";

type Handle = Database.Database;

/** Monday of the ISO week of an ISO date-time column, as YYYY-MM-DD. */
const WEEK = (col: string) => `date(${col}, '-' || ((cast(strftime('%w', ${col}) as integer) + 6) % 7) || ' days')`;

/**
 * Ads per (raw city, week) posted at or after `fromIso`, with the summed ad risk when scores exist. Read through
 * the posting-time index: grouping by city tempts the planner into walking the whole city index instead.
 */
export function weeklyCityCounts(db: Handle, fromIso: string): WeekCityCount[] {
  const scores = hasTable(db, "ad_scores");
  return db
    .prepare<[string], { city: string; week: string; ads: number; risk_sum: number | null }>(
      `select a.city, ${WEEK("a.posted_at")} as week, count(*) as ads, ${scores ? "sum(s.score)" : "null"} as risk_sum
       from ads a indexed by ads_posted_at ${scores ? "left join ad_scores s on s.ad_id = a.id" : ""}
       where a.posted_at >= ? and a.city is not null group by a.city, week`,
    )
    .all(fromIso)
    .map((r) => ({ city: r.city, week: r.week, ads: r.ads, riskSum: r.risk_sum }));
}

/** Ads per week posted at or after `fromIso`. */
export function weeklyAds(db: Handle, fromIso: string): { week: string; ads: number }[] {
  return db
    .prepare<[string], { week: string; ads: number }>(
      `select ${WEEK("posted_at")} as week, count(*) as ads from ads where posted_at >= ? group by week order by week`,
    )
    .all(fromIso);
}

export function apiTotals(db: Handle): ApiTotals {
  const one = (q: string) => db.prepare(q).pluck().get() as number;
  const distinct = (kind: string) => db.prepare("select count(distinct value) from facts where kind = ?").pluck().get(kind) as number;
  const ads = one("select count(*) from ads");
  return {
    ads,
    versions: ads + one("select count(*) from ad_versions"),
    facts: one("select count(*) from facts"),
    links: one("select count(*) from links"),
    networks: one("select count(*) from networks"),
    adsInNetworks: one("select count(*) from network_members"),
    sources: one("select count(*) from sources"),
    phones: distinct("phone"),
    emails: distinct("email"),
    handles: distinct("handle"),
    latestPosted: db.prepare("select max(posted_at) from ads").pluck().get() as string | null,
  };
}

/** Ads posted and networks first seen at or after `fromIso`. */
export function newSince(db: Handle, fromIso: string): { ads: number; networks: number } {
  return {
    ads: db.prepare("select count(*) from ads where posted_at >= ?").pluck().get(fromIso) as number,
    networks: db.prepare("select count(*) from networks where first_posted >= ?").pluck().get(fromIso) as number,
  };
}

/** Whether the analyze stage's scores are there. */
export function riskAvailable(db: Handle): boolean {
  return hasTable(db, "network_scores") && db.prepare("select 1 from network_scores limit 1").get() !== undefined;
}

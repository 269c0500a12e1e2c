/** Aggregates behind the REST API's dashboard: weekly counts per city (hotspots) and corpus totals. */
import type Database from "better-sqlite3";
import type { ApiTotals, WeekCityCount } from "../read-model.js";
import { cached, hasTable } from "./search.js";
import { AGG, MIN_VISIBLE_NETWORK, VSIZE, type Bind } from "./visibility.js";

type Handle = Database.Database;

/** Monday of the ISO week of an ISO date-time column, as YYYY-MM-DD. */
const WEEK = (col: string) => `date(${col}, '-' || ((cast(strftime('%w', ${col}) as integer) + 6) % 7) || ' days')`;

/**
 * Ads per (raw city, week) posted at or after `fromIso`, with the summed ad risk when scores exist. Read through
 * the posting-time index: grouping by city tempts the planner into walking the whole city index instead.
 */
export function weeklyCityCounts(db: Handle, b: Bind, fromIso: string): WeekCityCount[] {
  const scores = hasTable(db, "ad_scores");
  return (
    cached(
      db,
      `select a.city, ${WEEK("a.posted_at")} as week, count(*) as ads, ${scores ? "sum(s.score)" : "null"} as risk_sum
       from ads a indexed by ads_posted_at ${scores ? "left join ad_scores s on s.ad_id = a.id" : ""}
       where a.posted_at >= ? and a.city is not null and ${AGG("a")} group by a.city, week`,
    ).all(b, fromIso) as { city: string; week: string; ads: number; risk_sum: number | null }[]
  ).map((r) => ({ city: r.city, week: r.week, ads: r.ads, riskSum: r.risk_sum }));
}

/** Ads per week posted at or after `fromIso`. */
export function weeklyAds(db: Handle, b: Bind, fromIso: string): { week: string; ads: number }[] {
  return cached(db, `select ${WEEK("a.posted_at")} as week, count(*) as ads from ads a where a.posted_at >= ? and ${AGG("a")} group by week order by week`).all(
    b,
    fromIso,
  ) as { week: string; ads: number }[];
}

/** Whether some other organization holds records the viewer may not count (then totals need filtering). */
function hidesAny(db: Handle, b: Bind): boolean {
  return b.all === 0 && cached(db, "select 1 from ads indexed by ads_org where sharing = 'private' and org_id != ? limit 1").get(b.org) !== undefined;
}

/**
 * Corpus totals as the viewer may count them (other organizations' private records left out). When nothing is
 * hidden from the viewer, the plain counts are the answer and much cheaper.
 */
export function apiTotals(db: Handle, b: Bind): ApiTotals {
  if (!hidesAny(db, b)) return plainTotals(db, b);
  const one = (q: string) => cached(db, q).pluck().get(b) as number;
  const counted = `(select a.id from ads a where ${AGG("a")})`;
  const distinct = (kind: string) => cached(db, `select count(distinct f.value) from fact_index f join ads a on a.id = f.ad_id where f.kind = ? and ${AGG("a")}`).pluck().get(b, kind) as number;
  const ads = one(`select count(*) from ads a where ${AGG("a")}`);
  return {
    ads,
    versions: ads + one(`select count(*) from ad_versions v where v.ad_id in ${counted}`),
    facts: one(`select coalesce(sum(f.n), 0) from ad_facts f where f.ad_id in ${counted}`),
    links: one(`select count(*) from links l where l.ad_a in ${counted} and l.ad_b in ${counted}`),
    networks: one(`select count(*) from networks n where ${VSIZE("n")} >= ${MIN_VISIBLE_NETWORK}`),
    adsInNetworks: one(`select count(*) from network_members m where m.ad_id in ${counted}`),
    sources: one(`select count(distinct a.source_id) from ads a where ${AGG("a")}`),
    phones: distinct("phone"),
    emails: distinct("email"),
    handles: distinct("handle"),
    latestPosted: cached(db, `select max(a.posted_at) from ads a where ${AGG("a")}`).pluck().get(b) as string | null,
  };
}

function plainTotals(db: Handle, b: Bind): ApiTotals {
  const one = (q: string) => db.prepare(q).pluck().get() as number;
  const distinct = (kind: string) => db.prepare("select count(distinct value) from fact_index where kind = ?").pluck().get(kind) as number;
  const ads = one("select count(*) from ads");
  return {
    ads,
    versions: ads + one("select count(*) from ad_versions"),
    facts: one("select coalesce(sum(n), 0) from ad_facts"),
    links: one("select count(*) from links"),
    networks: b.all === 1 ? one("select count(*) from networks") : (cached(db, `select count(*) from networks n where ${VSIZE("n")} >= ${MIN_VISIBLE_NETWORK}`).pluck().get(b) as number),
    adsInNetworks: one("select count(*) from network_members"),
    sources: one("select count(*) from sources"),
    phones: distinct("phone"),
    emails: distinct("email"),
    handles: distinct("handle"),
    latestPosted: db.prepare("select max(posted_at) from ads").pluck().get() as string | null,
  };
}

/** Ads posted and networks first seen at or after `fromIso`. */
export function newSince(db: Handle, b: Bind, fromIso: string): { ads: number; networks: number } {
  return {
    ads: cached(db, `select count(*) from ads a where a.posted_at >= ? and ${AGG("a")}`).pluck().get(b, fromIso) as number,
    networks: cached(db, `select count(*) from networks n where n.first_posted >= ? and ${VSIZE("n")} >= ${MIN_VISIBLE_NETWORK}`).pluck().get(b, fromIso) as number,
  };
}

/** Whether the analyze stage's scores are there. */
export function riskAvailable(db: Handle): boolean {
  return hasTable(db, "network_scores") && db.prepare("select 1 from network_scores limit 1").get() !== undefined;
}

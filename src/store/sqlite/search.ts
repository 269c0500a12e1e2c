/**
 * Ad search for the REST API: FTS5 (bm25-ranked, snippets) combined with provenance, place, identifier and
 * network filters, paged by keyset (never OFFSET). SQLite-only SQL; the API builds the filter, this file the query.
 */
import type Database from "better-sqlite3";
import { HIT_END, HIT_START, type AdFilter, type AdHit, type AdSortKey, type CityPlace } from "../read-model.js";

type Handle = Database.Database;


/** Tables written by other stages that may not exist yet (the analyze stage's scores). */
export function hasTable(db: Handle, name: string): boolean {
  return db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name) !== undefined;
}

/** An FTS5 query from plain terms: every term a quoted string literal, implicitly ANDed. Terms carry no quotes. */
export function ftsQuery(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(" ");
}

interface HitRow {
  id: number;
  source: string;
  source_ad_id: string;
  url: string | null;
  posted_at: string | null;
  captured_at: string;
  title: string;
  city: string | null;
  region: string | null;
  network_id: string | null;
  risk: number | null;
  body_start: string;
  rank: number | null;
}

/** Most matches ranked per search (the newest ones); see `searchAds`. */
export const RANK_CAP = 2000;

/** Title matches weigh twice body matches. */
const BM25 = "bm25(ads_fts, 2.0, 1.0)";

/**
 * One page of ads matching `f`, after `after`, `limit` rows. With terms: best bm25 first (ties by id); else newest
 * `posted_at` first (ties by id, undated ads last).
 */
export function searchAds(db: Handle, f: AdFilter, after: AdSortKey | null, limit: number): AdHit[] {
  if ((f.terms && f.terms.length === 0) || (f.cities && f.cities.length === 0)) return [];
  const where: string[] = [];
  const args: unknown[] = [];
  const scores = hasTable(db, "ad_scores");
  if (f.cities) {
    where.push(`a.city in (${f.cities.map(() => "?").join(",")})`);
    args.push(...f.cities);
  }
  if (f.from) {
    where.push("a.posted_at >= ?");
    args.push(f.from);
  }
  if (f.to) {
    where.push("a.posted_at < ?");
    args.push(f.to);
  }
  if (f.source !== undefined) {
    where.push("a.source_id = (select id from sources where name = ?)");
    args.push(f.source);
  }
  for (const idf of f.identifiers ?? []) {
    if (idf.values.length === 0) return [];
    where.push(`a.id in (select ad_id from facts where kind = ? and value in (${idf.values.map(() => "?").join(",")}))`);
    args.push(idf.kind, ...idf.values);
  }
  if (f.network !== undefined) {
    where.push("a.id in (select ad_id from network_members where network_id = ?)");
    args.push(f.network);
  }
  if (f.minRisk !== undefined) {
    if (!scores) return [];
    where.push("a.id in (select ad_id from ad_scores where score >= ?)");
    args.push(f.minRisk);
  }
  const risk = scores ? "(select score from ad_scores where ad_id = a.id)" : "null";
  const cols = `a.id, s.name as source, a.source_ad_id, a.url, a.posted_at, a.captured_at, a.title, a.city, a.region,
    m.network_id, ${risk} as risk, substr(a.body, 1, 240) as body_start`;
  const joins = "join sources s on s.id = a.source_id left join network_members m on m.ad_id = a.id";
  let rows: HitRow[];
  if (f.terms) {
    const match = ftsQuery(f.terms);
    // Rank only the newest RANK_CAP matching ads (FTS5 walks its doclists newest-first and stops there): bm25
    // over every match of a common word in a million ads costs far more than a page is worth. The candidate set
    // is deterministic, so keyset paging over it stays exact.
    const cut = after ? "where (h.rank > ? or (h.rank = ? and h.id > ?))" : "";
    rows = db
      .prepare<unknown[], HitRow>(
        `with h as materialized (
           select f.rowid as id, ${BM25} as rank from ads_fts f join ads a on a.id = f.rowid
           where ads_fts match ?${where.length ? ` and ${where.join(" and ")}` : ""} order by f.rowid desc limit ${RANK_CAP})
         select ${cols}, h.rank from h join ads a on a.id = h.id ${joins} ${cut} order by h.rank, h.id limit ?`,
      )
      .all(match, ...args, ...(after ? [after[0], after[0], after[1]] : []), limit);
    return withSnippets(db, match, rows);
  }
  if (after) {
    const [posted, id] = after;
    if (posted === null) {
      where.push("a.posted_at is null and a.id < ?");
      args.push(id);
    } else {
      where.push("(a.posted_at < ? or (a.posted_at = ? and a.id < ?) or a.posted_at is null)");
      args.push(posted, posted, id);
    }
  }
  rows = db
    .prepare<unknown[], HitRow>(
      `select ${cols}, null as rank from ads a ${joins} ${where.length ? `where ${where.join(" and ")}` : ""}
       order by a.posted_at desc, a.id desc limit ?`,
    )
    .all(...args, limit);
  return rows.map((r) => toHit(r, r.body_start));
}

function toHit(r: HitRow, snippet: string): AdHit {
  return {
    id: r.id,
    source: r.source,
    sourceAdId: r.source_ad_id,
    url: r.url,
    postedAt: r.posted_at,
    capturedAt: r.captured_at,
    title: r.title,
    city: r.city,
    region: r.region,
    networkId: r.network_id,
    risk: r.risk,
    snippet,
    rank: r.rank,
  };
}

/** Snippets for one page only: `snippet()` needs the MATCH context, and computing it for every match is waste. */
function withSnippets(db: Handle, match: string, rows: HitRow[]): AdHit[] {
  if (rows.length === 0) return [];
  const snip = db
    .prepare<unknown[], { id: number; s: string }>(
      `select rowid as id, snippet(ads_fts, -1, '${HIT_START}', '${HIT_END}', '…', 24) as s from ads_fts
       where ads_fts match ? and rowid in (${rows.map(() => "?").join(",")})`,
    )
    .all(match, ...rows.map((r) => r.id));
  const byId = new Map(snip.map((s) => [s.id, s.s]));
  return rows.map((r) => toHit(r, byId.get(r.id) ?? r.body_start));
}

/**
 * Every distinct raw `ads.city` value with its ad count and the place the extractor resolved it to (the city-field
 * place fact of one ad carrying it). A few hundred values; the API caches the result.
 */
export function cityPlaces(db: Handle): CityPlace[] {
  const raws = db.prepare<[], { city: string; n: number }>("select city, count(*) as n from ads where city is not null group by city").all();
  const place = db.prepare<[string], { name: string | null; province: string | null; lat: number | null; lon: number | null }>(
    `select json_extract(f.data, '$.name') as name, json_extract(f.data, '$.province') as province,
       json_extract(f.data, '$.lat') as lat, json_extract(f.data, '$.lon') as lon
     from facts f where f.kind = 'place' and f.field = 'city'
       and f.ad_id = (select id from ads where city = ? and exists
         (select 1 from facts g where g.ad_id = ads.id and g.kind = 'place' and g.field = 'city') limit 1)
     limit 1`,
  );
  return raws.map((r) => {
    const p = place.get(r.city);
    return { raw: r.city, ads: r.n, name: p?.name ?? null, province: p?.province ?? null, lat: p?.lat ?? null, lon: p?.lon ?? null };
  });
}

/**
 * Ad search for the REST API: FTS5 (bm25-ranked, snippets) combined with provenance, place, identifier and
 * network filters, paged by keyset (never OFFSET). SQLite-only SQL; the API builds the filter, this file the query.
 */
import type Database from "better-sqlite3";
import { HIT_END, HIT_START, type AdFilter, type AdHit, type AdSortKey, type CityPlace } from "../read-model.js";
import { decodeFacts } from "../fact-codec.js";
import { ftsQuery, rankSql, type RankSql } from "./rank.js";
import { AGG, MIN_VISIBLE_NETWORK, VIS, VSIZE, type Bind } from "./visibility.js";

type Handle = Database.Database;

const PLACE = new Set(["place"]);

/** Tables written by other stages that may not exist yet (the analyze stage's scores). */
export function hasTable(db: Handle, name: string): boolean {
  return cached(db, "select 1 from sqlite_master where type = 'table' and name = ?").get(name) !== undefined;
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

/** Up to this many ads in the selected cities, a city filter reads through the city index. */
const CITY_INDEX_MAX = 20_000;

/** Most matches ranked per search (the newest ones); see `searchAds`. */
export const RANK_CAP = 1000;

/**
 * One page of ads matching `f`, after `after`, `limit` rows. With terms: best bm25 first (ties by id); else newest
 * `posted_at` first (ties by id, undated ads last).
 */
export function searchAds(db: Handle, b: Bind, f: AdFilter, after: AdSortKey | null, limit: number): AdHit[] {
  if ((f.terms && f.terms.length === 0) || (f.cities && f.cities.length === 0)) return [];
  // Only records the viewer may see are matched, ranked or snippeted: a private ad's words never shape a result.
  const where: string[] = [VIS("a")];
  const args: unknown[] = [];
  const scores = hasTable(db, "ad_scores");
  if (f.cities) {
    // A few thousand ads: read them by city and sort. Many: walk posted_at newest-first and filter (`+` keeps the
    // planner off the city index, which would sort a whole province per page).
    const byCity = f.citiesAds !== undefined && f.citiesAds <= CITY_INDEX_MAX;
    where.push(`${byCity ? "" : "+"}a.city in (${f.cities.map(() => "?").join(",")})`);
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
    where.push(`a.id in (select ad_id from fact_index where kind = ? and value in (${idf.values.map(() => "?").join(",")}))`);
    args.push(idf.kind, ...idf.values);
  }
  if (f.network !== undefined) {
    where.push("a.id in (select ad_id from network_members where network_id = ?)");
    args.push(f.network);
  }
  let riskSet = false;
  if (f.minRisk !== undefined) {
    if (!scores) return [];
    // Few ads at or above the score: a set read on the score index. Many (a low threshold): each ad met is checked,
    // walking newest first, and a page is found within a few thousand ads.
    riskSet = fewAtRisk(db, f.minRisk);
    where.push(riskSet ? "a.id in (select ad_id from ad_scores where score >= ?)" : "exists (select 1 from ad_scores s where s.ad_id = a.id and s.score >= ?)");
    args.push(f.minRisk);
  }
  const risk = scores ? "(select score from ad_scores where ad_id = a.id)" : "null";
  const cols = `a.id, s.name as source, a.source_ad_id, a.url, a.posted_at, a.captured_at, a.title, a.city, a.region,
    n.id as network_id, ${risk} as risk, substr(a.body, 1, 240) as body_start`;
  const joins = `join sources s on s.id = a.source_id left join network_members m on m.ad_id = a.id
    left join networks n on n.id = m.network_id and ${VSIZE("n")} >= ${MIN_VISIBLE_NETWORK}`;
  let rows: HitRow[];
  if (f.terms) {
    const match = ftsQuery(f.terms);
    // Words, optionally in cities, and nothing else: the common search, ranked against a bitmap (see `rankedWithin`).
    // While a run is writing, its committed batches (new ads, changed sharing) are not yet in the content version
    // the bitmaps are keyed on: the exact general query answers until it finishes.
    const running = runInProgress(db);
    const hidden = running ? NO_BITMAP : hiddenBitmap(db, b);
    const rank = rankSql(db, f.terms, running ? null : contentVersion(db), hidden.length > 0 ? { key: hidden, ids: () => idsOf(hidden), count: (p) => countIn(db, p, hidden) } : null);
    const wordsOnly = f.from === undefined && f.to === undefined && f.source === undefined && !f.identifiers && f.network === undefined && f.minRisk === undefined && !running;
    const page = wordsOnly
      ? f.cities
        ? rankedWithin(db, match, rank, cityBitmap(db, b, f.cities), true, after, limit)
        : rankedWithin(db, match, rank, hidden, false, after, limit)
      : // Rank and cut to the page on (id, rank) alone; only the page's rows are then read in full.
        (cached(
          db,
          `with h as materialized (
         select f.rowid as id, ${rank.expr} as rank from ads_fts f cross join ads a indexed by ads_vis on a.id = f.rowid
         where ads_fts match ?${where.length ? ` and ${where.join(" and ")}` : ""} order by f.rowid desc limit ${RANK_CAP})
       select id, rank from h ${after ? "where (h.rank > ? or (h.rank = ? and h.id > ?))" : ""} order by rank, id limit ?`,
        ).all(b, ...rank.args, match, ...args, ...(after ? [after[0], after[0], after[1]] : []), limit) as { id: number; rank: number }[]);
    if (page.length === 0) return [];
    const ranks = new Map(page.map((p) => [p.id, p.rank]));
    const full = cached(db, `select ${cols}, null as rank from ads a ${joins} where a.id in (${page.map(() => "?").join(",")})`).all(b, ...page.map((p) => p.id)) as HitRow[];
    const byId = new Map(full.map((r) => [r.id, { ...r, rank: ranks.get(r.id) ?? null }]));
    rows = page.map((p) => byId.get(p.id)).filter((r): r is HitRow => r !== undefined);
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
  // The page's ids first, its rows after: a sort computes every selected column (network, risk, text) for every
  // candidate, and an identifier, network or risk filter can name thousands of ads (a busy number: 5k ads, 50 ms).
  // Such a set is read on the covering `ads_vis` index; without one the planner walks `posted_at` or a city.
  const sets = f.identifiers !== undefined || f.network !== undefined || riskSet;
  const ids = cached(
    db,
    `select a.id from ads a ${sets ? "indexed by ads_vis" : ""} ${where.length ? `where ${where.join(" and ")}` : ""}
     order by a.posted_at desc, a.id desc limit ?`,
  )
    .pluck()
    .all(b, ...args, limit) as number[];
  if (ids.length === 0) return [];
  const full = cached(db, `select ${cols}, null as rank from ads a ${joins} where a.id in (${ids.map(() => "?").join(",")})`).all(b, ...ids) as HitRow[];
  const byId = new Map(full.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toHit(r, r.body_start)] : [];
  });
}

/**
 * Whether at most 2% of ads score `minRisk` or more. Reading a set of c ads costs c seeks; walking newest first to
 * a page of 50 costs about 50·n/c rows, each a row read and a score seek: they cross near c ≈ 1.5–5% of n (for n
 * from a million down to 100k ads).
 */
function fewAtRisk(db: Handle, minRisk: number): boolean {
  const n = (cached(db, "select coalesce(max(id), 0) from ads").pluck().get() as number) + 1;
  const cap = Math.max(1, Math.ceil(n * 0.02));
  const c = cached(db, "select count(*) from (select 1 from ad_scores where score >= ? limit ?)").pluck().get(minRisk, cap + 1) as number;
  return c <= cap;
}

/**
 * The page of `searchAds` for words (in cities): same candidates and ranks as the general query, which checks each
 * match, walked newest-first, by a seek into `ads_vis` (~1.4 µs; the newest 1,000 Toronto matches lie 3–9k matches
 * deep at a million ads). Here each match is checked against a bitmap through a SQL function instead: with
 * `keep`, the viewer's visible ads in the cities; without, the ads hidden from the viewer (usually none, and then
 * nothing is checked). bm25 — itself ~1.3 µs a row — is computed for the candidates only.
 */
function rankedWithin(db: Handle, match: string, rank: RankSql, bits: Uint8Array, keep: boolean, after: AdSortKey | null, limit: number): { id: number; rank: number }[] {
  const cut = after ? "where (h.rank > ? or (h.rank = ? and h.id > ?))" : "";
  const check = keep ? " and tl_in_bitmap(rowid) = 1" : bits.length > 0 ? " and tl_in_bitmap(rowid) = 0" : "";
  return withBitmap(
    db,
    bits,
    () =>
      cached(
        db,
        `with h as materialized (
         select rowid as id, ${rank.expr} as rank from ads_fts where ads_fts match ?${check} order by rowid desc limit ${RANK_CAP})
       select id, rank from h ${cut} order by rank, id limit ?`,
      ).all(...rank.args, match, ...(after ? [after[0], after[0], after[1]] : []), limit) as { id: number; rank: number }[],
  );
}

const idLists = new WeakMap<Uint8Array, number[]>();

/** The ids a bitmap marks, listed once per bitmap. */
function idsOf(bits: Uint8Array): number[] {
  let ids = idLists.get(bits);
  if (!ids) {
    ids = [];
    for (let i = 0; i < bits.length; i++) if (bits[i] === 1) ids.push(i);
    idLists.set(bits, ids);
  }
  return ids;
}

/** How many documents matching `match` the bitmap marks (one walk of the match's doclists). */
function countIn(db: Handle, match: string, bits: Uint8Array): number {
  return withBitmap(db, bits, () => cached(db, "select count(*) from ads_fts where ads_fts match ? and tl_in_bitmap(rowid) = 1").pluck().get(match) as number);
}

const NO_BITMAP = new Uint8Array(0);
/** The bitmap `tl_in_bitmap(id)` reads: set just around one synchronous statement, so it is never shared. */
let bitmapInUse: Uint8Array = NO_BITMAP;
const withFunction = new WeakSet<Handle>();

/** Runs `statement` (synchronous) with `tl_in_bitmap` reading `bits`. */
function withBitmap<T>(db: Handle, bits: Uint8Array, statement: () => T): T {
  if (!withFunction.has(db)) {
    db.function("tl_in_bitmap", { deterministic: false }, (id: unknown) => (typeof id === "number" && id < bitmapInUse.length && bitmapInUse[id] === 1 ? 1 : 0));
    withFunction.add(db);
  }
  bitmapInUse = bits;
  try {
    return statement();
  } finally {
    bitmapInUse = NO_BITMAP;
  }
}

interface CachedBitmap {
  version: string;
  at: number;
  bits: Uint8Array;
}

const bitmaps = new WeakMap<Handle, Map<string, CachedBitmap>>();
/** Bitmaps live as long as the API's other caches: until the data version moves or a minute passes. */
const BITMAP_TTL_MS = 60_000;
const BITMAPS_KEPT = 32;

/** One byte per ad id: 1 for the viewer's visible ads in `cities` (a million ads: 1 MB, ~15 ms to build). */
function cityBitmap(db: Handle, b: Bind, cities: string[]): Uint8Array {
  return bitmapOf(db, `cities\u0000${b.all}\u0000${b.org}\u0000${[...cities].sort().join("\u0000")}`, () =>
    cached(db, `select a.id from ads a indexed by ads_city where a.city in (${cities.map(() => "?").join(",")}) and ${VIS("a")}`)
      .pluck()
      .all(b, ...cities) as number[],
  );
}

/** One byte per ad id: 1 for the ads the viewer may not see (other organizations' ads not shared with the hub). */
function hiddenBitmap(db: Handle, b: Bind): Uint8Array {
  if (b.all === 1) return NO_BITMAP;
  return bitmapOf(db, `hidden\u0000${b.org}`, () => {
    const ids: number[] = [];
    // Per organization through `ads_org (org_id, sharing)`: a seek each, where the negated sharing test would scan.
    const orgs = cached(db, "select id from orgs where id != ?").pluck().all(b.org) as string[];
    const own = cached(db, "select a.id from ads a indexed by ads_org where a.org_id = ? and a.sharing != 'hub'").pluck();
    for (const org of orgs) for (const id of own.all(org) as number[]) ids.push(id);
    return ids;
  });
}

/** The bitmap cached under `key` for the current data version (at most a minute old), else built from `ids()`. */
function bitmapOf(db: Handle, key: string, ids: () => number[]): Uint8Array {
  let m = bitmaps.get(db);
  if (!m) bitmaps.set(db, (m = new Map()));
  const version = contentVersion(db);
  const hit = m.get(key);
  if (hit && hit.version === version && Date.now() - hit.at < BITMAP_TTL_MS) return hit.bits;
  const list = ids();
  let max = -1;
  for (const id of list) if (id > max) max = id;
  const bits = new Uint8Array(max + 1);
  for (const id of list) bits[id] = 1;
  if (m.size >= BITMAPS_KEPT) m.delete(m.keys().next().value as string);
  m.set(key, { version, at: Date.now(), bits });
  return bits;
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

/**
 * Snippets for one page only: `snippet()` needs the MATCH context, and computing it for every match is waste.
 * One `rowid = ?` probe per row: measured 3–4× faster than one `rowid in (…)` query on a million ads.
 */
function withSnippets(db: Handle, match: string, rows: HitRow[]): AdHit[] {
  if (rows.length === 0) return [];
  const snip = cached(db, `select snippet(ads_fts, -1, '${HIT_START}', '${HIT_END}', '…', 24) from ads_fts where ads_fts match ? and rowid = ?`);
  return rows.map((r) => toHit(r, (snip.pluck().get(match, r.id) as string | undefined) ?? r.body_start));
}

/** Whether a run has started and not finished (a crashed run counts: answers stay exact, only slower). */
function runInProgress(db: Handle): boolean {
  return cached(db, "select exists (select 1 from runs where finished_at is null)").pluck().get() === 1;
}

/**
 * Moves with every run that changes content (ingest, upload, link, analyze, retention): what the API's caches are
 * keyed on. SQLite's `data_version` would move with every audit write from another process.
 */
export function contentVersion(db: Handle): string {
  const r = cached(db, "select max(id) as id, max(finished_at) as done, count(*) as n from runs").get() as { id: number | null; done: string | null; n: number };
  return `${r.id ?? 0}/${r.n}/${r.done ?? ""}`;
}

const statements = new WeakMap<Handle, Map<string, Database.Statement>>();

/** A prepared statement per (handle, SQL text): compiling the search SQL costs more than running it on a page. */
export function cached(db: Handle, sqlText: string): Database.Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let st = m.get(sqlText);
  if (!st) {
    if (m.size > 500) m.clear();
    m.set(sqlText, (st = db.prepare(sqlText)));
  }
  return st;
}

/**
 * Every distinct raw `ads.city` value with its ad count and the place the extractor resolved it to (the city-field
 * place fact of one ad carrying it). A few hundred values; the API caches the result.
 */
export function cityPlaces(db: Handle, b: Bind): CityPlace[] {
  const raws = cached(db, `select a.city, count(*) as n from ads a where a.city is not null and ${AGG("a")} group by a.city`).all(b) as { city: string; n: number }[];
  // The city field's place depends only on its text, so the first few ads carrying a value tell (a raw value no
  // ad resolves would otherwise decode every one of its ads).
  const factsOf = db.prepare<[string], string>("select f.facts from ads a indexed by ads_city join ad_facts f on f.ad_id = a.id where a.city = ? limit 5").pluck();
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  return raws.map((r) => {
    // The first ad of this raw value whose city field resolved to a place.
    let p: Record<string, unknown> | undefined;
    for (const json of factsOf.iterate(r.city) as IterableIterator<string>) {
      p = decodeFacts(json, PLACE).find((f) => f.field === "city")?.data;
      if (p) break;
    }
    return { raw: r.city, ads: r.n, name: str(p?.name), province: str(p?.province), lat: num(p?.lat), lon: num(p?.lon) };
  });
}

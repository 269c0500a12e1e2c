/**
 * Read queries behind the REST API's detail views: one ad with its provenance and versions, network pages and
 * members, links inside a network, and what an identifier touches. Each view is a handful of set queries (no N+1).
 */
import type Database from "better-sqlite3";
import type { StoredAd } from "../../domain/ad.js";
import type {
  AdRecord,
  AdVersionRecord,
  IdentifierSummary,
  LinkRow,
  MemberRow,
  NetworkOrder,
  NetworkRow,
  NetworkSortKey,
} from "../read-model.js";
import { hasTable } from "./search.js";

type Handle = Database.Database;

/** The ad's provenance columns beyond `StoredAd`, its network and the resolver's reason. */
export function adRecord(db: Handle, ad: StoredAd): AdRecord {
  const r = db
    .prepare<[number], { first_seen_at: string; ingest_file: string | null; ingest_line: number | null; network_id: string | null; reason: string | null }>(
      `select a.first_seen_at, a.ingest_file, a.ingest_line, m.network_id, m.reason
       from ads a left join network_members m on m.ad_id = a.id where a.id = ?`,
    )
    .get(ad.id);
  return {
    ad,
    firstSeenAt: r?.first_seen_at ?? ad.capturedAt,
    ingestFile: r?.ingest_file ?? null,
    ingestLine: r?.ingest_line ?? null,
    networkId: r?.network_id ?? null,
    networkReason: r?.reason ? (JSON.parse(r.reason) as Record<string, unknown>) : null,
  };
}

export function adVersions(db: Handle, adId: number): AdVersionRecord[] {
  return db
    .prepare<[number], { version: number; content_hash: string; captured_at: string; url: string | null; posted_at: string | null; title: string; body: string; city: string | null; region: string | null }>(
      `select version, content_hash, captured_at, url, posted_at, title, body, city, region from ad_versions
       where ad_id = ? order by version desc`,
    )
    .all(adId)
    .map((r) => ({
      version: r.version,
      contentHash: r.content_hash,
      capturedAt: r.captured_at,
      url: r.url,
      postedAt: r.posted_at,
      title: r.title,
      body: r.body,
      city: r.city,
      region: r.region,
    }));
}

/** Ad risk scores from the analyze stage (empty when it has not run). */
export function adRisks(db: Handle, ids: readonly number[]): Map<number, { score: number; cues: string[] }> {
  const out = new Map<number, { score: number; cues: string[] }>();
  if (ids.length === 0 || !hasTable(db, "ad_scores")) return out;
  const rows = db
    .prepare<unknown[], { ad_id: number; score: number; cues: string }>(`select ad_id, score, cues from ad_scores where ad_id in (${ids.map(() => "?").join(",")})`)
    .all(...ids);
  for (const r of rows) out.set(r.ad_id, { score: r.score, cues: JSON.parse(r.cues) as string[] });
  return out;
}

const NET_COLS = "n.id, n.size, n.first_posted, n.last_posted";
type NetRaw = { id: string; size: number; first_posted: string | null; last_posted: string | null; risk: number | null };

/**
 * A page of networks (2+ ads) in the given order, after `after`. "risk" orders by the analyze stage's score and
 * is only valid when `network_scores` exists (the caller falls back to "size").
 */
export function listNetworks(db: Handle, order: NetworkOrder, after: NetworkSortKey | null, limit: number): NetworkRow[] {
  const scores = hasTable(db, "network_scores");
  const risk = scores ? "(select score from network_scores where network_id = n.id)" : "null";
  const args: unknown[] = [];
  let sqlText: string;
  if (order === "risk" && scores) {
    const cut = after ? "where (coalesce(s.score, -1) < ? or (coalesce(s.score, -1) = ? and n.id > ?))" : "";
    if (after) args.push(after[0] ?? -1, after[0] ?? -1, after[1]);
    sqlText = `select ${NET_COLS}, s.score as risk from networks n left join network_scores s on s.network_id = n.id ${cut}
      order by coalesce(s.score, -1) desc, n.id limit ?`;
  } else if (order === "recent") {
    let cut = "";
    if (after && after[0] === null) {
      cut = "where n.last_posted is null and n.id > ?";
      args.push(after[1]);
    } else if (after) {
      cut = "where (n.last_posted < ? or (n.last_posted = ? and n.id > ?) or n.last_posted is null)";
      args.push(after[0], after[0], after[1]);
    }
    sqlText = `select ${NET_COLS}, ${risk} as risk from networks n ${cut} order by n.last_posted desc, n.id limit ?`;
  } else {
    const cut = after ? "where (n.size < ? or (n.size = ? and n.id > ?))" : "";
    if (after) args.push(after[0], after[0], after[1]);
    sqlText = `select ${NET_COLS}, ${risk} as risk from networks n ${cut} order by n.size desc, n.id limit ?`;
  }
  return db
    .prepare<unknown[], NetRaw>(sqlText)
    .all(...args, limit)
    .map((r) => ({ id: r.id, size: r.size, firstPosted: r.first_posted, lastPosted: r.last_posted, risk: r.risk }));
}

export function networkRow(db: Handle, id: string): NetworkRow | null {
  const risk = hasTable(db, "network_scores") ? "(select score from network_scores where network_id = n.id)" : "null";
  const r = db.prepare<[string], NetRaw>(`select ${NET_COLS}, ${risk} as risk from networks n where n.id = ?`).get(id);
  return r ? { id: r.id, size: r.size, firstPosted: r.first_posted, lastPosted: r.last_posted, risk: r.risk } : null;
}

/** Members by posting time (oldest first), at most `limit`. */
export function networkMembers(db: Handle, id: string, limit: number): MemberRow[] {
  return db
    .prepare<[string, number], { id: number; source: string; source_ad_id: string; posted_at: string | null; city: string | null; title: string; reason: string }>(
      `select a.id, s.name as source, a.source_ad_id, a.posted_at, a.city, a.title, m.reason
       from network_members m join ads a on a.id = m.ad_id join sources s on s.id = a.source_id
       where m.network_id = ? order by a.posted_at, a.id limit ?`,
    )
    .all(id, limit)
    .map((r) => ({ id: r.id, source: r.source, sourceAdId: r.source_ad_id, postedAt: r.posted_at, city: r.city, title: r.title, reason: JSON.parse(r.reason) as Record<string, unknown> }));
}

/** Every member's posting time and raw city, oldest first — the light read the trail needs. */
export function networkTimeline(db: Handle, id: string): { postedAt: string | null; city: string | null }[] {
  return db
    .prepare<[string], { posted_at: string | null; city: string | null }>(
      "select a.posted_at, a.city from network_members m join ads a on a.id = m.ad_id where m.network_id = ? order by a.posted_at, a.id",
    )
    .all(id)
    .map((r) => ({ postedAt: r.posted_at, city: r.city }));
}

/** Distinct ads per (kind, value) over the network's members, for the given fact kinds, most used first. */
export function networkFactCounts(db: Handle, id: string, kinds: readonly string[], limit: number): { kind: string; value: string; ads: number }[] {
  return db
    .prepare<unknown[], { kind: string; value: string; ads: number }>(
      // CROSS JOIN and +f.kind pin the plan: members first, then each member's facts by ad (facts_ad). Left to
      // itself, the planner walks every fact of the kind through facts_kind_value (minutes on a million ads).
      `select f.kind, f.value, count(distinct f.ad_id) as ads from network_members m cross join facts f on f.ad_id = m.ad_id
       where m.network_id = ? and +f.kind in (${kinds.map(() => "?").join(",")})
       group by f.kind, f.value order by ads desc, f.kind, f.value limit ?`,
    )
    .all(id, ...kinds, limit);
}

/** Identifier facts (ad → kind:value) of the given ads, one row per distinct triple. */
export function adIdentifiers(db: Handle, ids: readonly number[], kinds: readonly string[]): { adId: number; kind: string; value: string }[] {
  if (ids.length === 0) return [];
  const out: { adId: number; kind: string; value: string }[] = [];
  for (let i = 0; i < ids.length; i += 900) {
    const part = ids.slice(i, i + 900);
    out.push(
      ...db
        .prepare<unknown[], { adId: number; kind: string; value: string }>(
          `select distinct ad_id as adId, kind, value from facts where ad_id in (${part.map(() => "?").join(",")})
           and +kind in (${kinds.map(() => "?").join(",")})`,
        )
        .all(...part, ...kinds),
    );
  }
  return out;
}

/** Links whose both ends are in the network, strongest first, at most `limit`; plus how many there are. */
export function networkLinks(db: Handle, id: string, limit: number): { total: number; items: LinkRow[] } {
  const from = `from network_members m join links l on l.ad_a = m.ad_id
    join network_members m2 on m2.ad_id = l.ad_b and m2.network_id = m.network_id where m.network_id = ?`;
  const total = db.prepare(`select count(*) ${from}`).pluck().get(id) as number;
  const items = db
    .prepare<[string, number], { ad_a: number; ad_b: number; kind: string; weight: number; evidence: string }>(
      `select l.ad_a, l.ad_b, l.kind, l.weight, l.evidence ${from} order by l.weight desc, l.id limit ?`,
    )
    .all(id, limit)
    .map((r) => ({ a: r.ad_a, b: r.ad_b, kind: r.kind, weight: r.weight, evidence: JSON.parse(r.evidence) as Record<string, unknown> }));
  return { total, items };
}

/** Sample of member bodies for the common-text view. */
export function networkBodies(db: Handle, id: string, limit: number): string[] {
  return db
    .prepare("select a.body from network_members m join ads a on a.id = m.ad_id where m.network_id = ? order by a.id limit ?")
    .pluck()
    .all(id, limit) as string[];
}

/** What an identifier touches: ad count, time span, cities and networks. */
export function identifierSummary(db: Handle, kind: string, value: string): IdentifierSummary {
  const ads = "select distinct ad_id from facts where kind = ? and value = ?";
  const span = db
    .prepare<[string, string], { n: number; lo: string | null; hi: string | null }>(
      `select count(*) as n, min(a.posted_at) as lo, max(a.posted_at) as hi from ads a where a.id in (${ads})`,
    )
    .get(kind, value);
  const cities = db
    .prepare<[string, string], { city: string; ads: number }>(
      `select a.city, count(*) as ads from ads a where a.id in (${ads}) and a.city is not null group by a.city order by ads desc, a.city limit 50`,
    )
    .all(kind, value);
  const networks = db
    .prepare<[string, string], { id: string; size: number; ads: number }>(
      `select n.id, n.size, count(*) as ads from network_members m join networks n on n.id = m.network_id
       where m.ad_id in (${ads}) group by n.id order by ads desc, n.id limit 100`,
    )
    .all(kind, value);
  return { adCount: span?.n ?? 0, firstPosted: span?.lo ?? null, lastPosted: span?.hi ?? null, cities, networks };
}

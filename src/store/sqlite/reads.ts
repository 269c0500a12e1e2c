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
  NetworkLinks,
  MemberRow,
  NetworkOrder,
  NetworkRow,
  NetworkSortKey,
} from "../read-model.js";
import { decodeFactKeys, isIndexedKind } from "../fact-codec.js";
import { cached, hasTable } from "./search.js";
import { VIS, VSIZE, MIN_VISIBLE_NETWORK, type Bind } from "./visibility.js";

type Handle = Database.Database;

/** The ad's provenance columns beyond `StoredAd`, its network and the resolver's reason. */
export function adRecord(db: Handle, b: Bind, ad: StoredAd): AdRecord {
  // The network is named only when the viewer can see enough of it to be one (see MIN_VISIBLE_NETWORK).
  const r = cached(
    db,
    `select a.first_seen_at, a.ingest_file, a.ingest_line, n.id as network_id, case when n.id is null then null else m.reason end as reason
     from ads a left join network_members m on m.ad_id = a.id
     left join networks n on n.id = m.network_id and ${VSIZE("n")} >= ${MIN_VISIBLE_NETWORK} where a.id = ?`,
  ).get(b, ad.id) as { first_seen_at: string; ingest_file: string | null; ingest_line: number | null; network_id: string | null; reason: string | null } | undefined;
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
export function adRisks(db: Handle, b: Bind, ids: readonly number[]): Map<number, { score: number; cues: string[] }> {
  const out = new Map<number, { score: number; cues: string[] }>();
  if (ids.length === 0 || !hasTable(db, "ad_scores")) return out;
  const rows = db
    .prepare<unknown[], { ad_id: number; score: number; cues: string }>(
      `select s.ad_id, s.score, s.cues from ad_scores s join ads a on a.id = s.ad_id where s.ad_id in (${ids.map(() => "?").join(",")}) and ${VIS("a")}`,
    )
    .all(b, ...ids);
  for (const r of rows) out.set(r.ad_id, { score: r.score, cues: JSON.parse(r.cues) as string[] });
  return out;
}

type NetRaw = { id: string; size: number; total: number; first_posted: string | null; last_posted: string | null; risk: number | null };
/** A partly visible network's stored risk summarizes members the viewer cannot see: it is withheld. */
const toNet = (r: NetRaw): NetworkRow => {
  const complete = r.size === r.total;
  return { id: r.id, size: r.size, complete, firstPosted: r.first_posted, lastPosted: r.last_posted, risk: complete ? r.risk : null };
};

/** Whether the viewer's organization has non-hub members in any network (else its sizes are the hub sizes). */
function ownsRestricted(db: Handle, b: Bind): boolean {
  return b.all === 0 && cached(db, "select 1 from network_restricted where org_id = ? limit 1").get(b.org) !== undefined;
}

/**
 * A page of networks (2+ visible ads) in the given order, after `after`. "risk" orders by the analyze stage's
 * score and is only valid when `network_scores` exists (the caller falls back to "size").
 */
export function listNetworks(db: Handle, b: Bind, order: NetworkOrder, after: NetworkSortKey | null, limit: number): NetworkRow[] {
  const scores = hasTable(db, "network_scores");
  const risk = scores ? "(select score from network_scores where network_id = n.id)" : "null";
  // Sizes are the viewer's: all members for the operator, hub members (indexed) for an organization without
  // records of its own in networks, else computed per network.
  const size = b.all === 1 ? "n.size" : ownsRestricted(db, b) ? VSIZE("n") : "n.hub_size";
  const cols = `n.id, ${size} as size, n.size as total, n.first_posted, n.last_posted`;
  const visible = `${size} >= ${MIN_VISIBLE_NETWORK}`;
  const args: unknown[] = [];
  let sqlText: string;
  if (order === "risk" && scores) {
    // A partly visible network sorts as unscored: its score summarizes members the viewer cannot see.
    const score = size === "n.size" ? "coalesce(s.score, -1)" : `(case when ${size} = n.size then coalesce(s.score, -1) else -1 end)`;
    const cut = after ? `and (${score} < ? or (${score} = ? and n.id > ?))` : "";
    if (after) args.push(after[0] ?? -1, after[0] ?? -1, after[1]);
    sqlText = `select ${cols}, s.score as risk from networks n left join network_scores s on s.network_id = n.id where ${visible} ${cut}
      order by ${score} desc, n.id limit ?`;
  } else if (order === "recent") {
    let cut = "";
    if (after && after[0] === null) {
      cut = "and n.last_posted is null and n.id > ?";
      args.push(after[1]);
    } else if (after) {
      cut = "and (n.last_posted < ? or (n.last_posted = ? and n.id > ?) or n.last_posted is null)";
      args.push(after[0], after[0], after[1]);
    }
    sqlText = `select ${cols}, ${risk} as risk from networks n where ${visible} ${cut} order by n.last_posted desc, n.id limit ?`;
  } else {
    const cut = after ? `and (${size} < ? or (${size} = ? and n.id > ?))` : "";
    if (after) args.push(after[0], after[0], after[1]);
    sqlText = `select ${cols}, ${risk} as risk from networks n where ${visible} ${cut} order by ${size} desc, n.id limit ?`;
  }
  return (cached(db, sqlText).all(b, ...args, limit) as NetRaw[]).map(toNet);
}

/** The network as the viewer sees it, or null when it does not exist or shows fewer than two visible members. */
export function networkRow(db: Handle, b: Bind, id: string): NetworkRow | null {
  const risk = hasTable(db, "network_scores") ? "(select score from network_scores where network_id = n.id)" : "null";
  const r = cached(db, `select n.id, ${VSIZE("n")} as size, n.size as total, n.first_posted, n.last_posted, ${risk} as risk from networks n where n.id = ?`).get(b, id) as NetRaw | undefined;
  return r && r.size >= MIN_VISIBLE_NETWORK ? toNet(r) : null;
}

/** Visible members by posting time (oldest first), at most `limit`. */
export function networkMembers(db: Handle, b: Bind, id: string, limit: number): MemberRow[] {
  return (
    cached(
      db,
      // Order and cut on the narrow ads_vis index, then read only the page's wide rows: a network of ten thousand
      // ads no longer reads ten thousand ad texts to show two hundred titles. The page's rows are then joined in
      // this order (cross join): the planner's own order measured 3× slower (≈ 3 vs 1 ms for 185 members at 1M).
      `with page as materialized (
         select v.id, v.posted_at from network_members m cross join ads v indexed by ads_vis on v.id = m.ad_id
         where m.network_id = ? and ${VIS("v")} order by v.posted_at, v.id limit ?)
       select a.id, s.name as source, a.source_ad_id, a.posted_at, a.city, a.title, m.reason
       from page p cross join ads a on a.id = p.id cross join sources s on s.id = a.source_id cross join network_members m on m.ad_id = a.id
       order by a.posted_at, a.id`,
    ).all(b, id, limit) as { id: number; source: string; source_ad_id: string; posted_at: string | null; city: string | null; title: string; reason: string }[]
  ).map((r) => ({ id: r.id, source: r.source, sourceAdId: r.source_ad_id, postedAt: r.posted_at, city: r.city, title: r.title, reason: JSON.parse(r.reason) as Record<string, unknown> }));
}

/** Every visible member's posting time and raw city, oldest first — the light read the trail needs. */
export function networkTimeline(db: Handle, b: Bind, id: string): { postedAt: string | null; city: string | null }[] {
  return (
    cached(db, `select a.posted_at, a.city from network_members m cross join ads a indexed by ads_vis on a.id = m.ad_id where m.network_id = ? and ${VIS("a")} order by a.posted_at, a.id`).all(b, id) as {
      posted_at: string | null;
      city: string | null;
    }[]
  ).map((r) => ({ postedAt: r.posted_at, city: r.city }));
}

/** Distinct visible ads per (kind, value) over the network's members, for the given fact kinds, most used first. */
export function networkFactCounts(db: Handle, b: Bind, id: string, kinds: readonly string[], limit: number): { kind: string; value: string; ads: number }[] {
  const visible = fullyVisible(db, b, id) ? "" : `cross join ads a indexed by ads_vis on a.id = m.ad_id and ${VIS("a")}`;
  // Members first, then each one's encoded facts by primary key (one row per ad, any kinds).
  const rows = cached(db, `select f.ad_id, f.facts from network_members m ${visible} cross join ad_facts f on f.ad_id = m.ad_id where m.network_id = ?`)
    .raw(true)
    .all(b, id) as [number, string][];
  const want = new Set(kinds);
  const counts = new Map<string, { kind: string; value: string; ads: number; last: number }>();
  for (const [adId, json] of rows) {
    const kv = decodeFactKeys(json, want);
    for (let i = 0; i < kv.length; i += 2) {
      const key = `${kv[i]}\u0000${kv[i + 1]}`;
      const c = counts.get(key);
      if (!c) counts.set(key, { kind: kv[i], value: kv[i + 1], ads: 1, last: adId });
      else if (c.last !== adId) {
        c.ads++;
        c.last = adId;
      }
    }
  }
  return [...counts.values()]
    .sort((x, y) => y.ads - x.ads || cmp(x.kind, y.kind) || cmp(x.value, y.value))
    .slice(0, limit)
    .map(({ kind, value, ads }) => ({ kind, value, ads }));
}

/** Byte-order comparison, as SQLite's default collation orders text. */
function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Whether the viewer sees every member of the network — the common case (public ads are shared with the hub),
 * where the sharing checks can be skipped and member-wide reads stay as cheap as without a hub. Cached per
 * statement call only: membership changes with every link run.
 */
function fullyVisible(db: Handle, b: Bind, id: string): boolean {
  if (b.all === 1) return true;
  const r = cached(db, `select n.size = ${VSIZE("n")} from networks n where n.id = ?`).pluck().get(b, id) as number | undefined;
  return r === 1;
}

/** Identifier facts (ad → kind:value) of the given visible ads, one row per distinct triple. */
export function adIdentifiers(db: Handle, b: Bind, ids: readonly number[], kinds: readonly string[]): { adId: number; kind: string; value: string }[] {
  if (ids.length === 0) return [];
  assertIndexed(kinds);
  // The ids as one JSON parameter: one prepared statement for any number of them (preparing one per request, as
  // the id count varied, cost about as much as running it for a small network).
  return cached(
    db,
    `select f.ad_id as adId, f.kind, f.value from json_each(?) j cross join fact_index f indexed by fact_index_ad on f.ad_id = j.value
     cross join ads a indexed by ads_vis on a.id = f.ad_id
     where f.kind in (select value from json_each(?)) and ${VIS("a")} order by f.ad_id, f.kind, f.value`,
  ).all(b, JSON.stringify(ids), JSON.stringify(kinds)) as { adId: number; kind: string; value: string }[];
}

/**
 * Links whose both ends are visible members of the network, strongest first (ties by id): how many, the first
 * `shown` with their evidence, the first `edges` without it.
 */
export function networkLinks(db: Handle, b: Bind, id: string, shown: number, edges: number): NetworkLinks {
  // (id, weight, kind, other end) come from the covering links_a index; only the shown links' rows are read, for
  // their evidence JSON (sorting every link's evidence in SQL, as before, cost 4×).
  let all: [number, number, string, number, number][];
  if (fullyVisible(db, b, id)) {
    // The other end's membership is checked here, not by a join: each probe would read a member row with its reason.
    const members = new Set(cached(db, "select ad_id from network_members where network_id = ?").pluck().all(id) as number[]);
    const out = cached(db, "select l.id, l.weight, l.kind, l.ad_a, l.ad_b from network_members m join links l on l.ad_a = m.ad_id where m.network_id = ?")
      .raw(true)
      .all(id) as [number, number, string, number, number][];
    all = out.filter((r) => members.has(r[4]));
  } else {
    all = cached(
      db,
      `select l.id, l.weight, l.kind, l.ad_a, l.ad_b from network_members m join ads a indexed by ads_vis on a.id = m.ad_id join links l on l.ad_a = m.ad_id
       join network_members m2 on m2.ad_id = l.ad_b and m2.network_id = m.network_id join ads a2 indexed by ads_vis on a2.id = l.ad_b
       where m.network_id = ? and ${VIS("a")} and ${VIS("a2")}`,
    )
      .raw(true)
      .all(b, id) as [number, number, string, number, number][];
  }
  all.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const top = all.slice(0, shown);
  const evidence = new Map(
    (cached(db, "select id, evidence from links where id in (select value from json_each(?))").raw(true).all(JSON.stringify(top.map((r) => r[0]))) as [number, string][]).map(
      ([linkId, json]) => [linkId, JSON.parse(json) as Record<string, unknown>],
    ),
  );
  return {
    total: all.length,
    items: top.map(([linkId, weight, kind, a, bEnd]) => ({ a, b: bEnd, kind, weight, evidence: evidence.get(linkId) ?? {} })),
    edges: all.slice(0, edges).map(([, weight, kind, a, bEnd]) => ({ a, b: bEnd, kind, weight })),
  };
}

/**
 * Sample of visible member bodies (the first `limit` by id) for the common-text view. The ids come in order from
 * the members index and are checked on the narrow ads_vis index; only the sample's wide rows are read (reading
 * every member's row to sort them took 28 ms for the largest networks at 1M, this 1.5 ms).
 */
export function networkBodies(db: Handle, b: Bind, id: string, limit: number): string[] {
  return cached(
    db,
    `with page as materialized (
       select v.id from network_members m cross join ads v indexed by ads_vis on v.id = m.ad_id
       where m.network_id = ? and ${VIS("v")} order by m.ad_id limit ?)
     select a.body from page p cross join ads a on a.id = p.id order by a.id`,
  )
    .pluck()
    .all(b, id, limit) as string[];
}

/** What an identifier touches among visible ads: ad count, time span, cities and networks (as the viewer sees them). */
export function identifierSummary(db: Handle, b: Bind, kind: string, value: string): IdentifierSummary {
  assertIndexed([kind]);
  const ads = `select a.id from fact_index f join ads a on a.id = f.ad_id where f.kind = ? and f.value = ? and ${VIS("a")}`;
  const span = cached(db, `select count(*) as n, min(a.posted_at) as lo, max(a.posted_at) as hi from ads a where a.id in (${ads})`).get(b, kind, value) as
    | { n: number; lo: string | null; hi: string | null }
    | undefined;
  const cities = cached(db, `select a.city, count(*) as ads from ads a where a.id in (${ads}) and a.city is not null group by a.city order by ads desc, a.city limit 50`).all(
    b,
    kind,
    value,
  ) as { city: string; ads: number }[];
  const networks = cached(
    db,
    // "vsize", not "size": in HAVING an alias that shadows a column name resolves to the column (networks.size).
    `select n.id, ${VSIZE("n")} as vsize, count(*) as ads from network_members m join networks n on n.id = m.network_id
     where m.ad_id in (${ads}) group by n.id having vsize >= ${MIN_VISIBLE_NETWORK} order by ads desc, n.id limit 100`,
  ).all(b, kind, value) as { id: string; vsize: number; ads: number }[];
  return { adCount: span?.n ?? 0, firstPosted: span?.lo ?? null, lastPosted: span?.hi ?? null, cities, networks: networks.map((n) => ({ id: n.id, size: n.vsize, ads: n.ads })) };
}

/** Visible identifier facts of the given kinds with each ad's network, in ad-id pages (privacy-preserving matching). */
export function* identifierRows(db: Handle, b: Bind, kinds: readonly string[], batch: number): Generator<{ kind: string; value: string; adId: number; networkId: string | null }[]> {
  assertIndexed(kinds);
  const st = db.prepare(
    `select f.kind, f.value, f.ad_id as adId, n.id as networkId from fact_index f indexed by fact_index_ad join ads a on a.id = f.ad_id
     left join network_members m on m.ad_id = f.ad_id left join networks n on n.id = m.network_id and ${VSIZE("n")} >= ${MIN_VISIBLE_NETWORK}
     where f.ad_id > ? and f.kind in (${kinds.map(() => "?").join(",")}) and ${VIS("a")} order by f.ad_id limit ?`,
  );
  let after = 0;
  for (;;) {
    const rows = st.all(b, after, ...kinds, batch) as { kind: string; value: string; adId: number; networkId: string | null }[];
    if (rows.length === 0) return;
    // A page may end inside one ad's facts: re-read that ad from its start on the next page.
    const last = rows[rows.length - 1]!.adId;
    const whole = rows.length < batch ? rows : rows.filter((r) => r.adId !== last);
    if (whole.length === 0) {
      yield rows;
      after = last;
      continue;
    }
    yield whole;
    after = whole[whole.length - 1]!.adId;
  }
}

/** Identifier lookups read `fact_index`, which holds only the kinds looked up by value. */
function assertIndexed(kinds: readonly string[]): void {
  const missing = kinds.filter((k) => !isIndexedKind(k));
  if (missing.length) throw new Error(`fact kinds ${missing.join(", ")} are not indexed by value (see INDEXED_FACT_KINDS)`);
}

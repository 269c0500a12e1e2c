/**
 * The analyze stage's SQL over the better-sqlite3 handle: batched reads of ads, facts and links, and the
 * score tables.
 */
import type Database from "better-sqlite3";
import { decodeFacts } from "../fact-codec.js";
import { AD_SCORES_SCORE_COLUMNS } from "../migrations/010-ad-scores-score.js";
import type { AdScoreWrite, AnalysisAdRow, AnalysisFactRow, NetworkScoreRecord, NetworkScoreWrite } from "../analysis.js";

type Handle = Database.Database;

/** Every current ad with its network, in id order, `batch` at a time. */
export function* analysisAds(db: Handle, batch: number): Generator<AnalysisAdRow[]> {
  const stmt = db
    .prepare(
      `select a.id, a.source_ad_id, a.posted_at, a.city, a.region, m.network_id from ads a
       left join network_members m on m.ad_id = a.id order by a.id`,
    )
    .raw(true);
  let out: AnalysisAdRow[] = [];
  for (const r of stmt.iterate() as IterableIterator<[number, string, string | null, string | null, string | null, string | null]>) {
    out.push({ adId: r[0], sourceAdId: r[1], postedAt: r[2], city: r[3], region: r[4], networkId: r[5] });
    if (out.length >= batch) {
      yield out;
      out = [];
    }
  }
  if (out.length) yield out;
}

/**
 * Facts of the given kinds (places only from the city field, descriptors only ethnicity), `batch` at a time, in
 * ad order: one pass over every ad's encoded facts (these kinds are most of them).
 */
export function* analysisFacts(db: Handle, kinds: readonly string[], batch: number): Generator<AnalysisFactRow[]> {
  const want = new Set(kinds);
  const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
  let out: AnalysisFactRow[] = [];
  const rows = db.prepare("select ad_id, facts from ad_facts").raw(true).iterate() as IterableIterator<[number, string]>;
  for (const [adId, json] of rows) {
    for (const f of decodeFacts(json, want)) {
      if (f.kind === "place" && f.field !== "city") continue;
      if (f.kind === "descriptor" && !f.value.startsWith("ethnicity:")) continue;
      const d = f.data;
      const price = f.kind === "price" && d;
      const place = f.kind === "place" && d;
      out.push({
        adId,
        kind: f.kind,
        value: f.value,
        field: f.field,
        obfuscated: f.obfuscated === true,
        amount: price ? num(d.amount) : null,
        minutes: price ? num(d.minutes) : null,
        lat: place ? num(d.lat) : null,
        lon: place ? num(d.lon) : null,
        province: place && typeof d.province === "string" ? d.province : null,
      });
    }
    if (out.length >= batch) {
      yield out;
      out = [];
    }
  }
  if (out.length) yield out;
}

/** Ad pairs of links of the given kinds, as flat [a0, b0, a1, b1, …] batches. */
export function* analysisLinks(db: Handle, kinds: readonly string[], batch: number): Generator<Int32Array> {
  const stmt = db.prepare(`select ad_a, ad_b from links where kind in (${kinds.map(() => "?").join(",")})`).raw(true);
  let out = new Int32Array(batch * 2);
  let n = 0;
  for (const r of stmt.iterate(...kinds) as IterableIterator<[number, number]>) {
    out[n++] = r[0];
    out[n++] = r[1];
    if (n === out.length) {
      yield out;
      out = new Int32Array(batch * 2);
      n = 0;
    }
  }
  if (n) yield out.subarray(0, n);
}

/** Replaces both score tables with one run's results, in one transaction. */
export function replaceScores(db: Handle, runId: number, model: string, networks: readonly NetworkScoreWrite[], ads: readonly AdScoreWrite[]): void {
  const insNet = db.prepare(
    "insert into network_scores (network_id, run_id, model, size, score, confidence, contributions, features) values (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insAd = db.prepare("insert into ad_scores (ad_id, run_id, score, cues) values (?, ?, ?, ?)");
  // The score index is rebuilt after the rows go in: inserting a million rows in ad order into an index kept in
  // score order costs more than building it once.
  const indexed = db.prepare("select 1 from sqlite_master where type = 'index' and name = 'ad_scores_score'").get() !== undefined;
  db.transaction(() => {
    db.exec(`${indexed ? "drop index ad_scores_score; " : ""}delete from network_scores; delete from ad_scores;`);
    for (const n of networks) {
      insNet.run(n.networkId, runId, model, n.size, n.score, n.confidence, JSON.stringify(n.contributions), JSON.stringify(n.features));
    }
    for (const a of ads) insAd.run(a.adId, runId, a.score, a.cues.length ? JSON.stringify(a.cues) : "[]");
    if (indexed) db.exec(`create index ad_scores_score on ad_scores (${AD_SCORES_SCORE_COLUMNS.join(", ")})`);
  })();
}

interface NetScoreRow {
  network_id: string;
  run_id: number;
  model: string;
  size: number;
  score: number;
  confidence: number;
  contributions: string;
  features: string;
}

const toRecord = (r: NetScoreRow): NetworkScoreRecord => ({
  networkId: r.network_id,
  runId: r.run_id,
  model: r.model,
  size: r.size,
  score: r.score,
  confidence: r.confidence,
  contributions: JSON.parse(r.contributions) as NetworkScoreRecord["contributions"],
  features: JSON.parse(r.features) as Record<string, number>,
});

/** Highest scores first; `minSize` skips small clusters (singletons are size 1). */
export function networkScores(db: Handle, limit: number, minSize: number): NetworkScoreRecord[] {
  return db
    .prepare<[number, number], NetScoreRow>("select * from network_scores where size >= ? order by score desc, network_id limit ?")
    .all(minSize, limit)
    .map(toRecord);
}

export function networkScore(db: Handle, networkId: string): NetworkScoreRecord | null {
  const r = db.prepare<[string], NetScoreRow>("select * from network_scores where network_id = ?").get(networkId);
  return r ? toRecord(r) : null;
}

/** networkId → score, for exports. */
export function networkRiskMap(db: Handle): Map<string, number> {
  const rows = db.prepare("select network_id, score from network_scores").raw(true).all() as [string, number][];
  return new Map(rows);
}

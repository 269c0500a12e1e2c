/** The SQLite implementation of the Store. SQLite-only SQL stays in this folder. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ImageRef, SharingLevel, StoredAd } from "../../domain/ad.js";
import type { Fact } from "../../domain/fact.js";
import { decodeFacts, encodeFacts, isIndexedKind } from "../fact-codec.js";
import type { Link } from "../../domain/link.js";
import type { ReadScope } from "../../domain/access.js";
import type {
  AdForLinking,
  DeleteCounts,
  IngestBatchResult,
  IngestOwner,
  IngestItem,
  NetworkRecord,
  NetworkWrite,
  RejectItem,
  RunKind,
  RunRecord,
  Store,
  StoreStats,
} from "../store.js";
import type { AdScoreWrite, NetworkScoreWrite } from "../analysis.js";
import * as analysis from "./analysis.js";
import { cached } from "./search.js";
import { toLinkColumns, writeLinks } from "./links-write.js";
import { openSqlite, type OpenOptions, type SqliteConnection } from "./connection.js";
import { makeBatchWriter, type BatchWriter } from "./ingest-batch.js";
import type { AuditStore, HubStore } from "../hub.js";
import type { ApiReads } from "../read-model.js";
import { sqliteAudit } from "./audit.js";
import { sqliteHub } from "./hub.js";
import { deleteAds, refreshNetworkVisibility } from "./retention.js";
import { readStateFile, removeStateFile, stateFilePath, writeStateFile, type StateManifest } from "./state-file.js";
import { SqliteReads } from "./scoped-reads.js";

/** Compiled worker for large link replacements (absent when running from TypeScript sources). */
const LINKS_WORKER = new URL("./links-worker.js", import.meta.url);
/** The stage_state row that names a state file instead of holding the state. */
const STATE_MANIFEST = "__state_file";

interface AdRow {
  id: number;
  source: string;
  source_ad_id: string;
  url: string | null;
  posted_at: string | null;
  captured_at: string;
  title: string;
  body: string;
  city: string | null;
  region: string | null;
  phone: string | null;
  email: string | null;
  images: string;
  extra: string;
  content_hash: string;
  version: number;
  org_id: string;
  sharing: string;
}

interface AdFactsRow {
  ad_id: number;
  facts: string;
}

const AD_COLUMNS = `a.id, s.name as source, a.source_ad_id, a.url, a.posted_at, a.captured_at, a.title, a.body, a.city,
  a.region, a.phone, a.email, a.images, a.extra, a.content_hash, a.version, a.org_id, a.sharing`;

function toAd(r: AdRow): StoredAd {
  return {
    id: r.id,
    source: r.source,
    sourceAdId: r.source_ad_id,
    url: r.url,
    postedAt: r.posted_at,
    capturedAt: r.captured_at,
    title: r.title,
    body: r.body,
    city: r.city,
    region: r.region,
    phone: r.phone,
    email: r.email,
    images: JSON.parse(r.images) as ImageRef[],
    extra: JSON.parse(r.extra) as Record<string, unknown>,
    contentHash: r.content_hash,
    version: r.version,
    org: r.org_id,
    sharing: r.sharing as SharingLevel,
  };
}

/** SQLite parameters are limited (32766 by default); chunk IN-lists well below it. */
const IN_CHUNK = 900;

const PUBLIC_OWNER: IngestOwner = { org: "public", sharing: "hub" };

export class SqliteStore implements Store {
  private readonly writeBatch: BatchWriter;
  readonly hub: HubStore;
  readonly audit: AuditStore;

  private constructor(
    readonly path: string,
    private readonly conn: SqliteConnection,
  ) {
    this.writeBatch = makeBatchWriter(conn.raw);
    this.hub = sqliteHub(conn.raw);
    this.audit = sqliteAudit(conn.raw);
  }

  reads(scope: ReadScope): ApiReads {
    return new SqliteReads(this.conn.raw, scope, (id) => this.getAdSync(id));
  }

  static async open(path: string, opts: OpenOptions = {}): Promise<SqliteStore> {
    return new SqliteStore(path, await openSqlite(path, opts));
  }

  /** The raw handle, for SQLite-specific features (FTS search) used by faces in this folder's siblings. */
  get raw() {
    return this.conn.raw;
  }

  async close(): Promise<void> {
    await this.conn.db.destroy();
  }

  async startRun(kind: RunKind, params: Record<string, unknown>): Promise<number> {
    const r = await this.conn.db
      .insertInto("runs")
      .values({ kind, status: "running", started_at: new Date().toISOString(), params: JSON.stringify(params), counts: "{}", timings: "{}" })
      .executeTakeFirstOrThrow();
    return Number(r.insertId);
  }

  async finishRun(id: number, status: string, counts: Record<string, number>, timings: Record<string, number>): Promise<void> {
    await this.conn.db
      .updateTable("runs")
      .set({ status, finished_at: new Date().toISOString(), counts: JSON.stringify(counts), timings: JSON.stringify(timings) })
      .where("id", "=", id)
      .execute();
  }

  async listRuns(limit: number): Promise<RunRecord[]> {
    const rows = await this.conn.db.selectFrom("runs").selectAll().orderBy("id", "desc").limit(limit).execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      params: JSON.parse(r.params) as Record<string, unknown>,
      counts: JSON.parse(r.counts) as Record<string, number>,
      timings: JSON.parse(r.timings) as Record<string, number>,
    }));
  }

  async writeIngestBatch(runId: number, items: IngestItem[], rejects: RejectItem[], extractorVersion: string, owner: IngestOwner = PUBLIC_OWNER): Promise<IngestBatchResult> {
    return this.writeBatch(runId, items, rejects, extractorVersion, owner);
  }

  async listRejects(limit: number) {
    const rows = await this.conn.db.selectFrom("rejects").selectAll().orderBy("id", "desc").limit(limit).execute();
    return rows.map((r) => ({
      id: r.id,
      runId: r.run_id,
      source: r.source,
      file: r.file,
      line: r.line,
      recordId: r.record_id,
      reason: r.reason,
      raw: r.raw,
    }));
  }

  async getAd(id: number): Promise<StoredAd | null> {
    return this.getAdSync(id);
  }

  private getAdSync(id: number): StoredAd | null {
    const r = cached(this.conn.raw, `select ${AD_COLUMNS} from ads a join sources s on s.id = a.source_id where a.id = ?`).get(id) as AdRow | undefined;
    return r ? toAd(r) : null;
  }

  async findAd(source: string, sourceAdId: string): Promise<StoredAd | null> {
    const r = this.conn.raw
      .prepare<[string, string], AdRow>(`select ${AD_COLUMNS} from ads a join sources s on s.id = a.source_id where s.name = ? and a.source_ad_id = ?`)
      .get(source, sourceAdId);
    return r ? toAd(r) : null;
  }

  async countAds(): Promise<number> {
    return this.conn.raw.prepare("select count(*) from ads").pluck().get() as number;
  }

  async compactTextIndex(): Promise<void> {
    this.conn.raw.exec("insert into ads_fts(ads_fts) values ('optimize')");
  }

  async adsChangedSince(runId: number, maxAdId: number): Promise<boolean> {
    return this.conn.raw.prepare("select 1 from ads where run_id > ? and id <= ? and version > 1 limit 1").get(runId, maxAdId) !== undefined;
  }

  async adsForLinking(afterId: number, limit: number, opts: { text?: boolean } = {}): Promise<AdForLinking[]> {
    const text = opts.text === false ? "'' as title, '' as body" : "a.title, a.body";
    // Rows come out already in AdForLinking's shape (a million of them per full run: no second object each).
    return cached(this.conn.raw,
      `select a.id, a.source_ad_id as sourceAdId, s.name as source, a.posted_at as postedAt, a.city, ${text}, a.images
         from ads a join sources s on s.id = a.source_id where a.id > ? order by a.id limit ?`,
    ).all(afterId, limit) as AdForLinking[];
  }

  async factsFor(adIds: number[], kinds?: readonly string[]): Promise<Map<number, Fact[]>> {
    const out = new Map<number, Fact[]>();
    if (adIds.length === 0) return out;
    const sorted = [...adIds].sort((x, y) => x - y);
    const kindSet = kinds && kinds.length ? new Set(kinds) : undefined;
    const lo = sorted[0];
    const hi = sorted[sorted.length - 1];
    const idSet = new Set(sorted);
    // Contiguous id ranges are the common case (pages of ads): one range scan beats a long IN-list.
    const rows = hi - lo < sorted.length * 4
      ? this.conn.raw.prepare<[number, number], AdFactsRow>("select ad_id, facts from ad_facts where ad_id between ? and ?").all(lo, hi)
      : this.chunkedFacts(sorted);
    for (const r of rows) {
      if (!idSet.has(r.ad_id)) continue;
      const facts = decodeFacts(r.facts, kindSet);
      if (facts.length) out.set(r.ad_id, facts);
    }
    return out;
  }

  async factValues(fromId: number, toId: number, kinds: readonly string[]) {
    if (kinds.every(isIndexedKind)) {
      return this.conn.raw
        .prepare<unknown[], { adId: number; kind: string; value: string }>(
          `select ad_id as adId, kind, value from fact_index indexed by fact_index_ad where ad_id between ? and ? and kind in (${kinds.map(() => "?").join(",")})`,
        )
        .all(fromId, toId, ...kinds);
    }
    const out: { adId: number; kind: string; value: string }[] = [];
    const ids = this.conn.raw.prepare<[number, number], number>("select ad_id from ad_facts where ad_id between ? and ?").pluck().all(fromId, toId);
    for (const [adId, facts] of await this.factsFor(ids, kinds)) for (const f of facts) out.push({ adId, kind: f.kind, value: f.value });
    return out;
  }

  private chunkedFacts(ids: number[]): AdFactsRow[] {
    const rows: AdFactsRow[] = [];
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      const part = ids.slice(i, i + IN_CHUNK);
      rows.push(...this.conn.raw.prepare<number[], AdFactsRow>(`select ad_id, facts from ad_facts where ad_id in (${part.map(() => "?").join(",")})`).all(...part));
    }
    return rows;
  }

  async replaceFacts(rows: { adId: number; facts: Fact[] }[], extractorVersion: string): Promise<void> {
    const del = this.conn.raw.prepare("delete from ad_facts where ad_id = ?");
    const delKeys = this.conn.raw.prepare("delete from fact_index where ad_id = ?");
    const ver = this.conn.raw.prepare("select version from ads where id = ?").pluck();
    const ins = this.conn.raw.prepare("insert into ad_facts (ad_id, version, extractor_version, n, facts) values (?, ?, ?, ?, ?)");
    const insKey = this.conn.raw.prepare("insert into fact_index (kind, value, ad_id) values (?, ?, ?)");
    this.conn.raw.transaction(() => {
      for (const r of rows) {
        const v = ver.get(r.adId) as number | undefined;
        if (v === undefined) continue;
        del.run(r.adId);
        delKeys.run(r.adId);
        if (r.facts.length === 0) continue;
        const e = encodeFacts(r.facts);
        ins.run(r.adId, v, extractorVersion, e.count, e.json);
        for (let i = 0; i < e.keys.length; i += 2) insKey.run(e.keys[i], e.keys[i + 1], r.adId);
      }
    })();
  }

  /** State of at least this many bytes goes to a file beside the database (see state-file.ts). */
  stateFileMinBytes = 16 << 20;

  async putStageState(stage: string, parts: Record<string, Uint8Array>): Promise<void> {
    const del = this.conn.raw.prepare("delete from stage_state where stage = ?");
    const ins = this.conn.raw.prepare("insert into stage_state (stage, name, data) values (?, ?, ?)");
    const bytes = Object.values(parts).reduce((n, b) => n + b.byteLength, 0);
    const file = this.onDisk() && bytes >= this.stateFileMinBytes ? stateFilePath(this.path, stage) : null;
    // The file is complete and synced before the manifest names it; a crash in between leaves the old manifest,
    // whose token the new file does not carry: the next run rebuilds.
    const rows = file ? { [STATE_MANIFEST]: Buffer.from(JSON.stringify(writeStateFile(file, parts))) } : parts;
    this.conn.raw.transaction(() => {
      del.run(stage);
      for (const [name, b] of Object.entries(rows)) ins.run(stage, name, Buffer.from(b.buffer, b.byteOffset, b.byteLength));
    })();
    if (!file && this.onDisk()) removeStateFile(stateFilePath(this.path, stage));
  }

  async getStageState(stage: string): Promise<Record<string, Uint8Array> | null> {
    const rows = this.conn.raw.prepare<[string], { name: string; data: Buffer }>("select name, data from stage_state where stage = ?").all(stage);
    if (rows.length === 0) return null;
    const manifest = rows.find((r) => r.name === STATE_MANIFEST);
    if (manifest) {
      const m = JSON.parse(manifest.data.toString("utf8")) as StateManifest;
      return this.onDisk() ? readStateFile(stateFilePath(this.path, stage), m) : null;
    }
    return Object.fromEntries(rows.map((r) => [r.name, new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)]));
  }

  private onDisk(): boolean {
    return this.path !== "" && this.path !== ":memory:" && !this.path.startsWith("file:");
  }

  /** A replacement of at least this many links is written by a worker thread (see insertLinks). */
  linksWorkerMin = 200_000;

  async insertLinks(runId: number, links: Link[], replace = false): Promise<void> {
    const cols = toLinkColumns(links);
    // A large replacement is written by a worker thread through its own connection, so the caller can go on
    // (the link stage resolves networks meanwhile). It holds the write lock until it resolves: await it before
    // writing anything else.
    if (replace && links.length >= this.linksWorkerMin && this.onDisk() && existsSync(fileURLToPath(LINKS_WORKER))) {
      const transferList = [cols.a, cols.b, cols.weight, cols.kind, cols.evidenceOf].map((c) => c.buffer as ArrayBuffer);
      const worker = new Worker(LINKS_WORKER, { workerData: { file: this.path, runId, cols, replace }, transferList });
      await new Promise<void>((resolve, reject) => {
        worker.once("message", (m: { ok: boolean; error?: string }) => (m.ok ? resolve() : reject(new Error(`writing links: ${m.error}`))));
        worker.once("error", reject);
      }).finally(() => worker.terminate());
      return;
    }
    writeLinks(this.conn.raw, runId, cols, replace);
  }

  async replaceNetworks(runId: number, networks: NetworkWrite[]): Promise<void> {
    const raw = this.conn.raw;
    const old = new Map(raw.prepare<[], { id: string; created_run: number | null }>("select id, created_run from networks").all().map((r) => [r.id, r.created_run]));
    const insNet = raw.prepare("insert into networks (id, size, hub_size, first_posted, last_posted, created_run, updated_run, summary) values (?, ?, ?, ?, ?, ?, ?, ?)");
    const insMem = raw.prepare("insert into network_members (network_id, ad_id, reason) values (?, ?, ?)");
    raw.transaction(() => {
      raw.exec("delete from network_members; delete from networks;");
      for (const n of networks) {
        insNet.run(n.id, n.members.length, n.members.length, n.firstPosted, n.lastPosted, old.get(n.id) ?? runId, runId, JSON.stringify(n.summary));
        for (const m of n.members) insMem.run(n.id, m.adId, JSON.stringify(m.reason));
      }
      refreshNetworkVisibility(raw);
    })();
  }

  async getNetwork(id: string): Promise<NetworkRecord | null> {
    const n = this.conn.raw
      .prepare<[string], { id: string; size: number; first_posted: string | null; last_posted: string | null; created_run: number | null; updated_run: number | null; summary: string }>(
        "select * from networks where id = ?",
      )
      .get(id);
    if (!n) return null;
    const members = this.conn.raw
      .prepare<[string], { ad_id: number; reason: string }>("select ad_id, reason from network_members where network_id = ? order by ad_id")
      .all(id)
      .map((m) => ({ adId: m.ad_id, reason: JSON.parse(m.reason) as Record<string, unknown> }));
    return {
      id: n.id,
      size: n.size,
      firstPosted: n.first_posted,
      lastPosted: n.last_posted,
      createdRun: n.created_run,
      updatedRun: n.updated_run,
      summary: JSON.parse(n.summary) as Record<string, unknown>,
      members,
    };
  }

  async getAds(ids: number[]): Promise<StoredAd[]> {
    const out: StoredAd[] = [];
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      const part = ids.slice(i, i + IN_CHUNK);
      const rows = this.conn.raw
        .prepare<unknown[], AdRow>(`select ${AD_COLUMNS} from ads a join sources s on s.id = a.source_id where a.id in (${part.map(() => "?").join(",")})`)
        .all(...part);
      out.push(...rows.map(toAd));
    }
    return out.sort((x, y) => x.id - y.id);
  }

  async networkAssignments(): Promise<Map<number, string>> {
    const rows = this.conn.raw.prepare<[], { ad_id: number; network_id: string }>("select ad_id, network_id from network_members").all();
    return new Map(rows.map((r) => [r.ad_id, r.network_id]));
  }

  async *exportAssignments() {
    const stmt = this.conn.raw.prepare<[], { id: number; source_ad_id: string; source: string; network_id: string | null }>(
      `select a.id, a.source_ad_id, s.name as source, m.network_id from ads a join sources s on s.id = a.source_id
       left join network_members m on m.ad_id = a.id order by a.id`,
    );
    for (const r of stmt.iterate()) yield { adId: r.id, sourceAdId: r.source_ad_id, source: r.source, networkId: r.network_id };
  }

  async putArtifact(name: string, runId: number | null, data: unknown): Promise<void> {
    const row = { name, run_id: runId, created_at: new Date().toISOString(), data: JSON.stringify(data) };
    await this.conn.db
      .insertInto("artifacts")
      .values(row)
      .onConflict((oc) => oc.column("name").doUpdateSet({ run_id: row.run_id, created_at: row.created_at, data: row.data }))
      .execute();
  }

  async getArtifact<T>(name: string) {
    const r = await this.conn.db.selectFrom("artifacts").selectAll().where("name", "=", name).executeTakeFirst();
    return r ? { runId: r.run_id, createdAt: r.created_at, data: JSON.parse(r.data) as T } : null;
  }

  async stats(): Promise<StoreStats> {
    const one = (q: string) => this.conn.raw.prepare(q).pluck().get() as number;
    // Counting by kind means reading every ad's facts (a few seconds on a million ads): fine for `stats`.
    const byKind: Record<string, number> = {};
    for (const json of this.conn.raw.prepare("select facts from ad_facts").pluck().iterate() as IterableIterator<string>) {
      for (const t of JSON.parse(json) as [string][]) byKind[t[0]] = (byKind[t[0]] ?? 0) + 1;
    }
    return {
      ads: one("select count(*) from ads"),
      versions: one("select count(*) from ads") + one("select count(*) from ad_versions"),
      sources: one("select count(*) from sources"),
      facts: one("select coalesce(sum(n), 0) from ad_facts"),
      links: one("select count(*) from links"),
      networks: one("select count(*) from networks"),
      rejects: one("select count(*) from rejects"),
      factsByKind: byKind,
    };
  }

  async *analysisAds(batch: number) {
    yield* analysis.analysisAds(this.conn.raw, batch);
  }

  async *analysisFacts(kinds: readonly string[], batch: number) {
    yield* analysis.analysisFacts(this.conn.raw, kinds, batch);
  }

  async *analysisLinks(kinds: readonly string[], batch: number) {
    yield* analysis.analysisLinks(this.conn.raw, kinds, batch);
  }

  async replaceScores(runId: number, model: string, networks: readonly NetworkScoreWrite[], ads: readonly AdScoreWrite[]): Promise<void> {
    analysis.replaceScores(this.conn.raw, runId, model, networks, ads);
  }

  async networkScores(limit: number, minSize = 1) {
    return analysis.networkScores(this.conn.raw, limit, minSize);
  }

  async networkScore(networkId: string) {
    return analysis.networkScore(this.conn.raw, networkId);
  }

  async networkRiskMap() {
    return analysis.networkRiskMap(this.conn.raw);
  }

  async expiredAds(org: string, beforeIso: string): Promise<number[]> {
    return this.conn.raw.prepare("select id from ads where org_id = ? and first_seen_at < ? order by id").pluck().all(org, beforeIso) as number[];
  }

  async deleteAds(ids: readonly number[]): Promise<DeleteCounts> {
    const counts = deleteAds(this.conn.raw, ids);
    // The linker's saved state holds the deleted ads' shingles too; deleteAds dropped its manifest.
    if (ids.length > 0 && this.onDisk()) removeStateFile(stateFilePath(this.path, "link"));
    return counts;
  }
}

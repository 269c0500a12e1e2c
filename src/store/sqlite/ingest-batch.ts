/** The ingest hot path: one transaction per batch, prepared statements, no per-row round trips through Kysely. */
import type Database from "better-sqlite3";
import type { IngestOutcome } from "../../domain/ad.js";
import type { EncodedFacts } from "../fact-codec.js";
import type { IngestBatchResult, IngestItem, IngestOwner, RejectItem } from "../store.js";
import { refreshNetworkVisibility } from "./retention.js";

const RAW_LIMIT = 4096;

export type BatchWriter = (runId: number, items: IngestItem[], rejects: RejectItem[], extractorVersion: string, owner: IngestOwner) => IngestBatchResult;

export function makeBatchWriter(raw: Database.Database): BatchWriter {
  const sourceIds = new Map<string, number>();
  const getSource = raw.prepare<[string], { id: number }>("select id from sources where name = ?");
  const addSource = raw.prepare("insert into sources (name, created_at) values (?, ?)");
  const findAd = raw.prepare<[number, string], { id: number; content_hash: string; version: number; org_id: string; sharing: string }>(
    "select id, content_hash, version, org_id, sharing from ads where source_id = ? and source_ad_id = ?",
  );
  const insertAd = raw.prepare(`insert into ads (source_id, source_ad_id, url, posted_at, captured_at, first_seen_at,
    title, body, city, region, phone, email, images, extra, content_hash, version, org_id, sharing,
    ingest_file, ingest_line, run_id)
    values (@source_id, @source_ad_id, @url, @posted_at, @captured_at, @captured_at, @title, @body, @city,
    @region, @phone, @email, @images, @extra, @content_hash, @version, @org_id, @sharing, @ingest_file, @ingest_line, @run_id)`);
  const updateAd = raw.prepare(`update ads set url = @url, posted_at = @posted_at, captured_at = @captured_at,
    title = @title, body = @body, city = @city, region = @region, phone = @phone,
    email = @email, images = @images, extra = @extra, content_hash = @content_hash, version = @version,
    ingest_file = @ingest_file, ingest_line = @ingest_line, run_id = @run_id where id = @id`);
  // History: the row being superseded is copied to ad_versions before the update, so `ads` + `ad_versions`
  // together hold every version exactly once.
  const archiveCurrent = raw.prepare(`insert into ad_versions (ad_id, version, content_hash, captured_at, url, posted_at,
    title, body, city, region, phone, email, images, extra, ingest_file, ingest_line, run_id)
    select id, version, content_hash, captured_at, url, posted_at, title, body, city, region, phone, email, images,
    extra, ingest_file, ingest_line, run_id from ads where id = ?`);
  // Kept in step here rather than by a trigger: see migration 007-sqlite-fts-explicit-insert.
  const indexAd = raw.prepare("insert into ads_fts (rowid, title, body) values (?, ?, ?)");
  const setSharing = raw.prepare("update ads set sharing = ? where id = ?");
  const seenVersion = raw.prepare("select 1 from ad_versions where ad_id = ? and content_hash = ?").pluck();
  const deleteFacts = raw.prepare("delete from ad_facts where ad_id = ?");
  const deleteKeys = raw.prepare("delete from fact_index where ad_id = ?");
  const insertFacts = raw.prepare("insert into ad_facts (ad_id, version, extractor_version, n, facts) values (?, ?, ?, ?, ?)");
  const insertKey = raw.prepare("insert into fact_index (kind, value, ad_id) values (?, ?, ?)");
  const insertReject = raw.prepare(`insert or ignore into rejects (run_id, source, file, line, record_id, reason, raw, created_at)
    values (?, ?, ?, ?, ?, ?, ?, ?)`);

  const sourceId = (name: string, now: string): number => {
    let id = sourceIds.get(name);
    if (id === undefined) {
      id = getSource.get(name)?.id ?? Number(addSource.run(name, now).lastInsertRowid);
      sourceIds.set(name, id);
    }
    return id;
  };

  const writeFacts = (adId: number, version: number, facts: EncodedFacts, ev: string): void => {
    if (facts.count === 0) return;
    insertFacts.run(adId, version, ev, facts.count, facts.json);
    const k = facts.keys;
    for (let i = 0; i < k.length; i += 2) insertKey.run(k[i], k[i + 1], adId);
  };

  const tx = raw.transaction((runId: number, items: IngestItem[], rejects: RejectItem[], ev: string, owner: IngestOwner): IngestBatchResult => {
    const now = new Date().toISOString();
    const outcomes: IngestOutcome[] = [];
    const adIds: number[] = [];
    let reshared = false;
    for (const it of items) {
      const a = it.input;
      const sid = sourceId(a.source, now);
      const row = {
        source_id: sid,
        source_ad_id: a.id,
        url: a.url ?? null,
        posted_at: a.posted_at ?? null,
        captured_at: now,
        title: a.title ?? "",
        body: a.body ?? "",
        city: a.city ?? null,
        region: a.region ?? null,
        phone: a.phone ?? null,
        email: a.email ?? null,
        images: JSON.stringify(a.images ?? []),
        extra: JSON.stringify(a.extra ?? {}),
        content_hash: it.contentHash,
        version: 1,
        ingest_file: it.file,
        ingest_line: it.line,
        run_id: runId,
        org_id: owner.org,
        sharing: owner.sharing,
      };
      const prev = findAd.get(sid, a.id);
      if (prev && prev.org_id !== owner.org) {
        // One organization can never overwrite, re-share or learn the text of another's record through an upload.
        insertReject.run(runId, a.source, it.file, it.line, a.id, "refused: this source and id are held by another organization; the stored ad was left unchanged", null, now);
        outcomes.push("refused");
        adIds.push(prev.id);
        continue;
      }
      if (prev && prev.sharing !== owner.sharing) {
        setSharing.run(owner.sharing, prev.id);
        reshared = true;
      }
      if (!prev) {
        const id = Number(insertAd.run(row).lastInsertRowid);
        indexAd.run(id, row.title, row.body);
        writeFacts(id, 1, it.facts, ev);
        outcomes.push("new");
        adIds.push(id);
      } else if (prev.content_hash === it.contentHash || seenVersion.get(prev.id, it.contentHash)) {
        // Re-ingesting an older file must not turn its stale text into a "new" version.
        outcomes.push("unchanged");
        adIds.push(prev.id);
      } else {
        const version = prev.version + 1;
        const next = { ...row, id: prev.id, version };
        archiveCurrent.run(prev.id);
        updateAd.run(next);
        deleteFacts.run(prev.id);
        deleteKeys.run(prev.id);
        writeFacts(prev.id, version, it.facts, ev);
        outcomes.push("version");
        adIds.push(prev.id);
      }
    }
    for (const r of rejects) {
      const rawText = r.raw === null ? null : r.raw.length > RAW_LIMIT ? `${r.raw.slice(0, RAW_LIMIT)}…` : r.raw;
      insertReject.run(runId, r.source, r.file, r.line, r.recordId, r.reason, rawText, now);
    }
    // A changed sharing level moves an ad in or out of other organizations' view of its network at once.
    if (reshared) refreshNetworkVisibility(raw);
    return { outcomes, adIds };
  });
  return (runId, items, rejects, ev, owner) => tx(runId, items, rejects, ev, owner);
}

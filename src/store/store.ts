/**
 * The Store: the only I/O boundary the stages see. Every write method is one transaction: it either lands whole
 * or not at all, so an interrupted run never leaves a half-written batch.
 */
import type { ReadScope } from "../domain/access.js";
import type { AdInput, IngestOutcome, SharingLevel, StoredAd } from "../domain/ad.js";
import type { Fact } from "../domain/fact.js";
import type { EncodedFacts } from "./fact-codec.js";
import type { Link } from "../domain/link.js";
import type { AuditStore, HubStore } from "./hub.js";
import type { ApiReads } from "./read-model.js";
import type { AdScoreWrite, AnalysisAdRow, AnalysisFactRow, NetworkScoreRecord, NetworkScoreWrite } from "./analysis.js";

/** One validated input record, ready to store, with the facts extracted from it. */
export interface IngestItem {
  input: AdInput;
  contentHash: string;
  file: string;
  line: number;
  /** Encoded where they were extracted (a worker thread), so the single writer only copies them. */
  facts: EncodedFacts;
}

export interface RejectItem {
  source: string | null;
  file: string;
  line: number;
  recordId: string | null;
  reason: string;
  /** The offending input, truncated to a few KiB so a 10 MB line cannot bloat the store. */
  raw: string | null;
}

export interface IngestBatchResult {
  outcomes: IngestOutcome[];
  /** Store ids of each item, in order. */
  adIds: number[];
}

export type RunKind = "ingest" | "extract" | "link" | "analyze" | "retention";

export interface RunRecord {
  id: number;
  kind: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  params: Record<string, unknown>;
  counts: Record<string, number>;
  timings: Record<string, number>;
}

export interface StoreStats {
  ads: number;
  versions: number;
  sources: number;
  facts: number;
  links: number;
  networks: number;
  rejects: number;
  factsByKind: Record<string, number>;
}

/** Minimal per-ad view the linker reads. */
export interface AdForLinking {
  id: number;
  sourceAdId: string;
  source: string;
  postedAt: string | null;
  city: string | null;
  title: string;
  body: string;
  images: string;
}

export interface NetworkWrite {
  id: string;
  members: { adId: number; reason: Record<string, unknown> }[];
  summary: Record<string, unknown>;
  firstPosted: string | null;
  lastPosted: string | null;
}

export interface NetworkRecord {
  id: string;
  size: number;
  firstPosted: string | null;
  lastPosted: string | null;
  createdRun: number | null;
  updatedRun: number | null;
  summary: Record<string, unknown>;
  members: { adId: number; reason: Record<string, unknown> }[];
}

/** Who owns the records of an ingest batch, and how widely they are shared. */
export interface IngestOwner {
  org: string;
  sharing: SharingLevel;
}

/** What retention removed. */
export interface DeleteCounts {
  ads: number;
  versions: number;
  facts: number;
  links: number;
  members: number;
  caseItems: number;
}

/**
 * The pipeline's reads and writes (unscoped: stages see every record), the hub's records (`hub`, `audit`), and the
 * faces' reads through `reads(scope)`, which only ever return what the scope may see.
 */
export interface Store {
  readonly path: string;
  close(): Promise<void>;

  /** The REST API's and exports' reads, restricted to what `scope` may see (see ReadScope). */
  reads(scope: ReadScope): ApiReads;
  readonly hub: HubStore;
  readonly audit: AuditStore;

  startRun(kind: RunKind, params: Record<string, unknown>): Promise<number>;
  finishRun(id: number, status: "ok" | "interrupted" | "failed", counts: Record<string, number>, timings: Record<string, number>): Promise<void>;
  listRuns(limit: number): Promise<RunRecord[]>;

  /**
   * Upserts a batch of ads (new, new version, or unchanged) with their facts, plus the batch's rejects, owned by
   * `owner` (default: the `public` organization, shared with the hub). An ad already held by another organization
   * is left alone and recorded as a reject ("refused").
   */
  writeIngestBatch(runId: number, items: IngestItem[], rejects: RejectItem[], extractorVersion: string, owner?: IngestOwner): Promise<IngestBatchResult>;
  listRejects(limit: number): Promise<(RejectItem & { id: number; runId: number | null })[]>;

  getAd(id: number): Promise<StoredAd | null>;
  findAd(source: string, sourceAdId: string): Promise<StoredAd | null>;
  countAds(): Promise<number>;
  /**
   * Rewrites the full-text index as one segment. A bulk load leaves it in many (17 after a million ads), and every
   * snippet or match probe visits each: after one merge, a page of snippets at 1M costs 0.4–0.6 ms instead of 1.2–3.8.
   */
  compactTextIndex(): Promise<void>;
  /** Whether an ad with id ≤ `maxAdId` got a new version in an ingest run after `runId`. */
  adsChangedSince(runId: number, maxAdId: number): Promise<boolean>;
  /**
   * Current versions in id order, in pages, starting after `afterId`. `text: false` leaves title and body empty
   * (the link stage's workers then read them from the file themselves).
   */
  adsForLinking(afterId: number, limit: number, opts?: { text?: boolean }): Promise<AdForLinking[]>;
  /** Facts of the current versions of the given ads. */
  factsFor(adIds: number[], kinds?: readonly string[]): Promise<Map<number, Fact[]>>;
  /** Just (ad, kind, value) of the given kinds for ads in an id range — the linker's light read path. */
  factValues(fromId: number, toId: number, kinds: readonly string[]): Promise<{ adId: number; kind: string; value: string }[]>;
  /** Replaces the facts of the current version of each ad (re-extraction after an extractor upgrade). */
  replaceFacts(rows: { adId: number; facts: Fact[] }[], extractorVersion: string): Promise<void>;

  /** Replaces a stage's saved state (named blobs) in one transaction, for incremental runs. */
  putStageState(stage: string, parts: Record<string, Uint8Array>): Promise<void>;
  getStageState(stage: string): Promise<Record<string, Uint8Array> | null>;

  /** Adds links (`replace`: in place of every stored link, in the same transaction). */
  insertLinks(runId: number, links: Link[], replace?: boolean): Promise<void>;
  /** Replaces the whole network table with a new resolution. */
  replaceNetworks(runId: number, networks: NetworkWrite[]): Promise<void>;
  getNetwork(id: string): Promise<NetworkRecord | null>;
  /** Several ads by store id (missing ids are skipped), in id order. */
  getAds(ids: number[]): Promise<StoredAd[]>;
  /** adId → networkId of the last resolution. */
  networkAssignments(): Promise<Map<number, string>>;
  /** Every current ad's input id, source and network id (null for a singleton), in id order. */
  exportAssignments(): AsyncIterable<{ adId: number; sourceAdId: string; source: string; networkId: string | null }>;

  putArtifact(name: string, runId: number | null, data: unknown): Promise<void>;
  getArtifact<T>(name: string): Promise<{ runId: number | null; createdAt: string; data: T } | null>;

  stats(): Promise<StoreStats>;

  /** Ids of the organization's current ads first seen before `beforeIso` (retention). */
  expiredAds(org: string, beforeIso: string): Promise<number[]>;
  /**
   * Deletes ads with every version, fact, link, network membership, score, case item and search entry, in one
   * transaction, and drops the linker's saved state so the next link run rebuilds without them.
   */
  deleteAds(ids: readonly number[]): Promise<DeleteCounts>;

  /** Analyze stage: current ads with their network, in id order, in batches. */
  analysisAds(batch: number): AsyncIterable<AnalysisAdRow[]>;
  /** Analyze stage: facts of the given kinds (places only from the city field, descriptors only ethnicity), in batches. */
  analysisFacts(kinds: readonly string[], batch: number): AsyncIterable<AnalysisFactRow[]>;
  /** Analyze stage: link endpoints of the given kinds as flat [a0, b0, a1, b1, …] batches. */
  analysisLinks(kinds: readonly string[], batch: number): AsyncIterable<Int32Array>;
  /** Replaces network and ad scores with one analyze run's results. */
  replaceScores(runId: number, model: string, networks: readonly NetworkScoreWrite[], ads: readonly AdScoreWrite[]): Promise<void>;
  /** Stored network scores, highest first. */
  networkScores(limit: number, minSize?: number): Promise<NetworkScoreRecord[]>;
  networkScore(networkId: string): Promise<NetworkScoreRecord | null>;
  /** networkId → risk score (0–1) of the last analyze run; empty when none. */
  networkRiskMap(): Promise<Map<string, number>>;
}

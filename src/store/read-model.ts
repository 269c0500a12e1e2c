/**
 * Read-side records the faces (REST API, exports) ask the Store for: search hits, network pages, case records.
 * Plain data; each Store implementation answers them with its own queries.
 */
import type { StoredAd } from "../domain/ad.js";
import type { ReadScope } from "../domain/access.js";

/** Search-snippet hit markers: control characters, not HTML, so highlighting can never inject markup. */
export const HIT_START = "\u0002";
export const HIT_END = "\u0003";

/** Filters of an ad search; all optional, combined with AND. Values are already normalized. */
export interface AdFilter {
  /** FTS terms, each matched as a literal token (all must occur). An empty array matches nothing. */
  terms?: string[];
  /** Raw `ads.city` values to accept (from the city resolution); an empty array matches nothing. */
  cities?: string[];
  /** How many ads carry those cities, when known: a selectivity hint for the query plan. */
  citiesAds?: number;
  from?: string;
  to?: string;
  source?: string;
  /** Identifier facts every hit must carry, each as alternatives: `{ kind: "phone", values: ["+14165550123"] }`. */
  identifiers?: { kind: string; values: string[] }[];
  network?: string;
  minRisk?: number;
}

/** Position after the last row of a page: `[rank, id]` with terms, else `[postedAt, id]` (newest first). */
export type AdSortKey = [number | string | null, number];

export interface AdHit {
  id: number;
  source: string;
  sourceAdId: string;
  url: string | null;
  postedAt: string | null;
  capturedAt: string;
  title: string;
  city: string | null;
  region: string | null;
  networkId: string | null;
  risk: number | null;
  /** With terms: FTS snippet with \u0002 … \u0003 around hits; else the start of the body. */
  snippet: string;
  /** bm25 rank (lower is better) with terms; null otherwise. */
  rank: number | null;
}

/** A distinct raw `ads.city` value and the place the extractor resolved it to (null when unresolved). */
export interface CityPlace {
  raw: string;
  ads: number;
  name: string | null;
  province: string | null;
  lat: number | null;
  lon: number | null;
}

export interface AdRecord {
  ad: StoredAd;
  firstSeenAt: string;
  ingestFile: string | null;
  ingestLine: number | null;
  networkId: string | null;
  networkReason: Record<string, unknown> | null;
}

export interface AdVersionRecord {
  version: number;
  contentHash: string;
  capturedAt: string;
  url: string | null;
  postedAt: string | null;
  title: string;
  body: string;
  city: string | null;
  region: string | null;
}

export type NetworkOrder = "size" | "recent" | "risk";

export interface NetworkRow {
  id: string;
  /** Members the viewer can see. */
  size: number;
  /** Whether the viewer sees every member (network-level scores are shown only then: they summarize all members). */
  complete: boolean;
  firstPosted: string | null;
  lastPosted: string | null;
  risk: number | null;
}

/** Cursor position in a network list: `[sort value, id]`. */
export type NetworkSortKey = [number | string | null, string];

export interface MemberRow {
  id: number;
  source: string;
  sourceAdId: string;
  postedAt: string | null;
  city: string | null;
  title: string;
  reason: Record<string, unknown>;
}

export interface NetworkLinks {
  total: number;
  items: LinkRow[];
  edges: LinkEdge[];
}

/** A link as the graph draws it. */
export interface LinkEdge {
  a: number;
  b: number;
  kind: string;
  weight: number;
}

export interface LinkRow extends LinkEdge {
  evidence: Record<string, unknown>;
}

export interface IdentifierSummary {
  adCount: number;
  firstPosted: string | null;
  lastPosted: string | null;
  cities: { city: string; ads: number }[];
  networks: { id: string; size: number; ads: number }[];
}

export interface WeekCityCount {
  city: string;
  week: string;
  ads: number;
  riskSum: number | null;
}

export interface ApiTotals {
  ads: number;
  versions: number;
  facts: number;
  links: number;
  networks: number;
  adsInNetworks: number;
  sources: number;
  phones: number;
  emails: number;
  handles: number;
  latestPosted: string | null;
}

export interface CaseRecord {
  id: number;
  title: string;
  description: string;
  createdAt: string;
  updatedAt: string;
  itemCount: number;
  noteCount: number;
}

export interface CaseItemRecord {
  id: number;
  kind: "ad" | "network";
  ref: string;
  addedAt: string;
}

export interface CaseNoteRecord {
  id: number;
  text: string;
  createdAt: string;
}

/**
 * What the REST API and exports read and write, as one viewer (`Store.reads(scope)`): every method returns only
 * records the scope may see, and counts only what it may count. Cases belong to the scope's organization.
 */
export interface ApiReads {
  /** Names the scope (cache keys): answers for different scopes must never be shared. */
  readonly scopeKey: string;
  /** The viewer these reads are bound to (a reader thread rebuilds the same reads from it). */
  readonly scope: ReadScope;
  /** One page of ads matching the filter (see `AdFilter`, `AdSortKey`). */
  searchAds(filter: AdFilter, after: AdSortKey | null, limit: number): Promise<AdHit[]>;
  cityPlaces(): Promise<CityPlace[]>;
  adRecord(id: number): Promise<AdRecord | null>;
  /** Superseded versions, newest first. */
  adVersions(adId: number): Promise<AdVersionRecord[]>;
  /** The analyze stage's ad scores (empty map when it has not run). */
  adRisks(ids: readonly number[]): Promise<Map<number, { score: number; cues: string[] }>>;
  listNetworks(order: NetworkOrder, after: NetworkSortKey | null, limit: number): Promise<NetworkRow[]>;
  networkRow(id: string): Promise<NetworkRow | null>;
  networkMembers(id: string, limit: number): Promise<MemberRow[]>;
  networkTimeline(id: string): Promise<{ postedAt: string | null; city: string | null }[]>;
  networkFactCounts(id: string, kinds: readonly string[], limit: number): Promise<{ kind: string; value: string; ads: number }[]>;
  adIdentifiers(ids: readonly number[], kinds: readonly string[]): Promise<{ adId: number; kind: string; value: string }[]>;
  /**
   * Links whose both ends are visible members, strongest first: how many, the first `shown` with their evidence,
   * and the first `edges` without it (for the graph).
   */
  networkLinks(id: string, shown: number, edges: number): Promise<NetworkLinks>;
  networkBodies(id: string, limit: number): Promise<string[]>;
  identifierSummary(kind: string, value: string): Promise<IdentifierSummary>;
  weeklyCityCounts(fromIso: string): Promise<WeekCityCount[]>;
  weeklyAds(fromIso: string): Promise<{ week: string; ads: number }[]>;
  apiTotals(): Promise<ApiTotals>;
  newSince(fromIso: string): Promise<{ ads: number; networks: number }>;
  riskAvailable(): Promise<boolean>;
  /**
   * Changes whenever the records change — every ingest, upload, link, analyze or retention run is a run — but not
   * on audit entries or case edits, which every request makes (cache key for aggregates; shared by all processes).
   */
  dataVersion(): Promise<string>;
  /** Visible identifier facts of the given kinds with each ad's network (null: none the viewer can see), in pages. */
  identifierRows(kinds: readonly string[], batch: number): AsyncIterable<{ kind: string; value: string; adId: number; networkId: string | null }[]>;

  /** Opens a case owned by the scope's organization; `createdBy` names the actor for the record. */
  createCase(title: string, description: string, createdBy?: string | null): Promise<CaseRecord>;
  getCase(id: number): Promise<CaseRecord | null>;
  listCases(after: number | null, limit: number): Promise<CaseRecord[]>;
  caseItems(caseId: number): Promise<CaseItemRecord[]>;
  caseNotes(caseId: number): Promise<CaseNoteRecord[]>;
  /** null when the case already holds the item. */
  addCaseItem(caseId: number, kind: "ad" | "network", ref: string): Promise<CaseItemRecord | null>;
  deleteCaseItem(caseId: number, itemId: number): Promise<boolean>;
  addCaseNote(caseId: number, text: string): Promise<CaseNoteRecord>;
}

/**
 * The REST API's contract: the type of every response body and query, shared by the server (src/api) and the
 * web app (web/). Plain types only — no runtime code, no zod — so the web bundle imports nothing from the server.
 * The server's zod schemas (src/api/<resource>/schema.ts) are checked at compile time to match these types.
 *
 * Conventions:
 * - Times are ISO 8601 strings (UTC). Ad ids are the store's integer ids; network ids look like "N-000042".
 * - Lists are cursor-paged: `{ items, nextCursor }`; pass `nextCursor` back as `cursor` until it is null.
 * - Ad text is always returned as data (JSON strings). Render it as text, never as HTML.
 * - Errors are RFC 9457 problem details (`application/problem+json`), see `Problem`.
 */

/** A cursor-paged list. `nextCursor` is opaque; null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** One invalid input field of a 400 response. `field` is a dotted path such as "query.limit" or "body.title". */
export interface ProblemField {
  field: string;
  message: string;
}

/** RFC 9457 problem details. `type` is a stable URI-reference ("/problems/validation", "/problems/not-found", …). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  /** Present on validation errors. */
  errors?: ProblemField[];
}

/** A piece of highlighted text: `hit` segments matched the search query. Render each as a text node. */
export interface TextSegment {
  text: string;
  hit: boolean;
}

export type FactKind = "phone" | "email" | "handle" | "url" | "price" | "age" | "name" | "place" | "descriptor" | "cue";
export type TextField = "title" | "body" | "phone" | "email" | "city" | "region";
export type IdentifierKind = "phone" | "email" | "handle";

/** Risk of an ad or network when the analysis stage has scored it; null otherwise. */
export interface RiskView {
  /** 0–1. */
  score: number;
  level: "low" | "medium" | "high";
}

/** One indicator behind a risk score or seen in a network's ads, with why and where it comes from. */
export interface IndicatorView {
  code: string;
  label: string;
  /** Contribution to the score (0 when the indicator only comes from cue facts). */
  weight: number;
  /** Human-readable reason ("12 of 40 ads use youthful language"). */
  reason: string;
  /** Strength of the evidence behind the indicator: definitional | moderate | weak | not-significant | derived. */
  evidence: string;
  /** Published source key (see docs/indicators.md), when there is one. */
  source: string | null;
  /** How many ads show it (network level) or 1 (ad level). */
  ads: number;
}

// ---------------------------------------------------------------- ads

/** `GET /api/ads` query. Filters combine with AND. */
export interface AdsQuery {
  /** Full-text query: words, matched as literal terms (all must occur); no query syntax. */
  q?: string;
  /** City name, e.g. "Toronto" or "Montréal" (accent- and case-insensitive). */
  city?: string;
  /** Two-letter province code, e.g. "ON". */
  province?: string;
  /** Posted on or after (ISO date or date-time). */
  from?: string;
  /** Posted before (ISO date: that whole day is included). */
  to?: string;
  source?: string;
  /** Any format: "(416) 893-2245", "+14168932245". */
  phone?: string;
  email?: string;
  /** "platform:handle" or a bare handle. */
  handle?: string;
  network?: string;
  /** 0–1; only ads with a risk score at least this high (none match when no scores exist). */
  minRisk?: number;
  cursor?: string;
  /** 1–200, default 50. */
  limit?: number;
}

export interface AdSummary {
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
  risk: RiskView | null;
  /** Highlighted snippet when `q` was given; otherwise the start of the body, one non-hit segment. */
  snippet: TextSegment[];
  /** bm25 relevance when `q` was given (higher is better); null otherwise. */
  relevance: number | null;
}

export type AdsPage = Page<AdSummary>;

export interface FactView {
  kind: FactKind;
  value: string;
  field: TextField;
  /** [start, end) UTF-16 offsets into the field's ORIGINAL text (ad.title, ad.body, ad.phone, …). */
  span: [number, number];
  confidence: number;
  obfuscated: boolean;
  data: Record<string, unknown> | null;
}

export interface Provenance {
  source: string;
  sourceAdId: string;
  url: string | null;
  capturedAt: string;
  firstSeenAt: string;
  /** SHA-256 (hex) of the normalized content, as computed at ingest. */
  contentHash: string;
  version: number;
  ingestFile: string | null;
  ingestLine: number | null;
}

export interface AdVersionView {
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

export interface ImageView {
  sha256: string | null;
  phash: string | null;
  url: string | null;
}

/** `GET /api/ads/:id`. */
export interface AdDetail {
  id: number;
  title: string;
  body: string;
  postedAt: string | null;
  city: string | null;
  region: string | null;
  phone: string | null;
  email: string | null;
  images: ImageView[];
  provenance: Provenance;
  facts: FactView[];
  networkId: string | null;
  /** Why the ad belongs to its network (the resolver's reason), null for a singleton. */
  networkReason: Record<string, unknown> | null;
  risk: RiskView | null;
  indicators: IndicatorView[];
  /** Superseded versions, newest first (the current one is the ad itself). */
  versions: AdVersionView[];
}

// ---------------------------------------------------------------- networks

export type NetworkSort = "risk" | "size" | "recent";

export interface NetworksQuery {
  /** Default "size". "risk" falls back to size order when no scores exist. */
  sort?: NetworkSort;
  cursor?: string;
  limit?: number;
}

export interface NetworkSummary {
  id: string;
  size: number;
  firstPosted: string | null;
  lastPosted: string | null;
  risk: RiskView | null;
}

export type NetworksPage = Page<NetworkSummary>;

export interface NetworkMember {
  id: number;
  source: string;
  sourceAdId: string;
  postedAt: string | null;
  city: string | null;
  title: string;
  /** Why this ad belongs (e.g. `{ via: "phone", value: "+1416…" }`). */
  reason: Record<string, unknown>;
}

export interface IdentifierCount {
  kind: FactKind;
  value: string;
  ads: number;
}

export interface TemplateSlot {
  name: string;
  values: string[];
}

/** The text the network's ads share: a template with slots when the linker derives one, else the common text. */
export interface TemplateView {
  kind: "template" | "common-text";
  text: string;
  slots: TemplateSlot[];
  /** How many member ads were compared. */
  ads: number;
}

export interface TrailStop {
  city: string;
  province: string | null;
  lat: number | null;
  lon: number | null;
  from: string;
  to: string;
  ads: number;
}

export interface LinkView {
  a: number;
  b: number;
  kind: string;
  weight: number;
  evidence: Record<string, unknown>;
}

export interface GraphNode {
  /** "ad:123" or "phone:+14165550123" etc. */
  id: string;
  kind: "ad" | IdentifierKind;
  label: string;
  /** Suggested position (deterministic circle layout); the client may re-layout. */
  x: number;
  y: number;
  size: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** "identifier" (ad–identifier) or a link kind between ads ("text", "template", "image", …). */
  kind: string;
  weight: number;
}

export interface GraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True when the graph was cut to the caps (500 ads, 2,000 edges). */
  capped: boolean;
}

/** `GET /api/networks/:id`. Members are the first `memberLimit` (default 200) by posting time; `total` is all. */
export interface NetworkDetail {
  id: string;
  size: number;
  firstPosted: string | null;
  lastPosted: string | null;
  risk: RiskView | null;
  indicators: IndicatorView[];
  members: { total: number; items: NetworkMember[] };
  identifiers: IdentifierCount[];
  template: TemplateView | null;
  trail: TrailStop[];
  links: { total: number; items: LinkView[] };
  graph: GraphData;
}

// ---------------------------------------------------------------- identifiers

/** `GET /api/identifiers/:kind/:value` (value URL-encoded; phones in any format). */
export interface IdentifierDetail {
  kind: IdentifierKind;
  /** Normalized value (E.164 phone, lower-case email, platform:handle). */
  value: string;
  adCount: number;
  firstPosted: string | null;
  lastPosted: string | null;
  cities: { city: string; ads: number }[];
  networks: { id: string; size: number; ads: number }[];
  /** Newest first; page on with `cursor`. */
  ads: Page<AdSummary>;
}

// ---------------------------------------------------------------- hotspots and stats

export interface HotspotsQuery {
  /** How many weeks back from the newest ad in the data, 1–104, default 12. */
  weeks?: number;
}

export interface HotspotCell {
  city: string;
  province: string;
  lat: number;
  lon: number;
  /** Monday of the ISO week, YYYY-MM-DD. */
  week: string;
  ads: number;
  /** Sum of ad risk scores when scores exist, else equal to `ads`. */
  weight: number;
}

export interface HotspotsResponse {
  weeks: string[];
  riskWeighted: boolean;
  cells: HotspotCell[];
}

export interface StatsResponse {
  /** True when the database was generated by `threadline demo` — show the "synthetic data" banner. */
  synthetic: boolean;
  /** Latest posting time in the data; "this week" is the 7 days up to it. */
  asOf: string | null;
  totals: { ads: number; versions: number; facts: number; links: number; networks: number; adsInNetworks: number; sources: number; phones: number; emails: number; handles: number };
  newThisWeek: { ads: number; networks: number };
  riskAvailable: boolean;
  topNetworks: NetworkSummary[];
  weekly: { week: string; ads: number }[];
}

// ---------------------------------------------------------------- cases

export type CaseItemKind = "ad" | "network";

export interface CaseCreate {
  title: string;
  description?: string;
}

export interface CaseItemCreate {
  kind: CaseItemKind;
  /** Ad id (as a string or number) or network id. */
  ref: string;
}

export interface CaseNoteCreate {
  text: string;
}

export interface CaseSummary {
  id: number;
  title: string;
  description: string;
  createdAt: string;
  updatedAt: string;
  itemCount: number;
  noteCount: number;
}

export type CasesPage = Page<CaseSummary>;

export interface CaseItem {
  id: number;
  kind: CaseItemKind;
  ref: string;
  addedAt: string;
  /** Ad title or "N ads" for a network; null when the referenced record no longer exists. */
  label: string | null;
}

export interface CaseNote {
  id: number;
  text: string;
  createdAt: string;
}

export interface CaseDetail extends CaseSummary {
  items: CaseItem[];
  notes: CaseNote[];
}

export interface ExportQuery {
  /** Why the export is made (10–500 characters, required): stamped on the export and recorded in the audit log. */
  purpose: string;
}

/** manifest.json inside `GET /api/cases/:id/export.zip`. */
export interface ExportManifest {
  format: "threadline-case-export/1";
  generatedAt: string;
  purpose: string;
  /** Who exported it, for which organization. */
  exportedBy: string;
  org: string;
  notice: string;
  case: { id: number; title: string; description: string; createdAt: string };
  networks: { id: string; size: number; firstPosted: string | null; lastPosted: string | null; adIds: number[] }[];
  items: {
    adId: number;
    path: string;
    /** SHA-256 (hex) of the file at `path` (UTF-8 JSON of the ad's text and provenance). */
    sha256: string;
    provenance: Provenance;
  }[];
  notes: CaseNote[];
}

// ---------------------------------------------------------------- data hub: sign-in, admin, audit, uploads

/** A user's role in its organization (the same list as src/domain/access.ts `ROLES`). */
export type Role = "admin" | "analyst" | "contributor" | "auditor";
/** What an API token may do (src/domain/access.ts `TOKEN_SCOPES`). */
export type TokenScope = "upload" | "match";
/** Who may see an uploaded ad: its organization only, the whole hub, or other organizations only in aggregates. */
export type SharingLevel = "private" | "hub" | "aggregate";

/** `POST /api/auth/login` body. */
export interface LoginBody {
  username: string;
  password: string;
}

/** `GET /api/auth/me` and `POST /api/auth/login`: the signed-in user. */
export interface Me {
  username: string;
  org: string;
  orgName: string;
  roles: Role[];
  /** Send back as the `x-csrf-token` header on every POST/DELETE made with the session cookie. */
  csrf: string;
  /** Sharing level the organization's uploads get unless stated. */
  defaultSharing: SharingLevel;
  /** The database holds synthetic (demo) data: the app shows its banner to every user. */
  synthetic: boolean;
}

/** A user as `GET /api/admin/users` lists it. */
export interface AdminUser {
  id: number;
  username: string;
  org: string;
  roles: Role[];
  createdAt: string;
  disabled: boolean;
  locked: boolean;
}

/** `POST /api/admin/users` body. */
export interface UserCreate {
  username: string;
  roles: Role[];
}

/** `POST /api/admin/users` answer: the generated password, shown once. */
export interface UserCreated {
  user: AdminUser;
  password: string;
}

/** An API token as the admin pages list it (never its secret). */
export interface ApiTokenView {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** `POST /api/admin/tokens` body; `days` 1–365, default 90. */
export interface TokenCreate {
  name: string;
  scopes: TokenScope[];
  days?: number;
}

/** `POST /api/admin/tokens` answer: the token, shown once. */
export interface TokenCreated {
  token: string;
  record: ApiTokenView;
}

/** `GET /api/audit` query. */
export interface AuditQuery {
  actor?: string;
  action?: string;
  /** ISO date or date-time. */
  since?: string;
  /** Entries after this sequence number (the previous page's `next`). */
  after?: number;
  /** 1–1000, default 200. */
  limit?: number;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  org: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  hash: string;
}

/** `GET /api/audit`: oldest first; `next` is the `after` of the following page, null on the last. */
export interface AuditPage {
  items: AuditEntry[];
  next: number | null;
}

/** `GET /api/audit/verify`: the hash chain checked end to end. */
export interface AuditVerify {
  ok: boolean;
  entries: number;
  head: string;
  broken: { seq: number; reason: string } | null;
}

/** `POST /api/uploads` body: 1–5000 ingest records (the JSONL format's objects). */
export interface UploadBody {
  source?: string;
  sharing?: SharingLevel;
  records: unknown[];
}

/** `POST /api/uploads` answer; each reject names its record's index in `records`. */
export interface UploadResult {
  runId: number;
  read: number;
  new: number;
  versions: number;
  unchanged: number;
  rejects: { index: number; id: string | null; reason: string }[];
}

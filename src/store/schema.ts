/** Table shapes as Kysely sees them. Portable across SQLite and PostgreSQL: JSON is stored as text. */
import type { Generated } from "kysely";

export interface OrgsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface SourcesTable {
  id: Generated<number>;
  name: string;
  created_at: string;
}

/** The current version of every ad; superseded versions are moved to `ad_versions`. */
export interface AdsTable {
  id: Generated<number>;
  source_id: number;
  source_ad_id: string;
  url: string | null;
  posted_at: string | null;
  captured_at: string;
  first_seen_at: string;
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
  ingest_file: string | null;
  ingest_line: number | null;
  run_id: number | null;
}

export interface AdVersionsTable {
  ad_id: number;
  version: number;
  content_hash: string;
  captured_at: string;
  url: string | null;
  posted_at: string | null;
  title: string;
  body: string;
  city: string | null;
  region: string | null;
  phone: string | null;
  email: string | null;
  images: string;
  extra: string;
  ingest_file: string | null;
  ingest_line: number | null;
  run_id: number | null;
}

/** An ad's facts, one row per ad, encoded by `fact-codec.ts` (migration 008). */
export interface AdFactsTable {
  ad_id: number;
  version: number;
  extractor_version: string;
  n: number;
  facts: string;
}

/** One distinct identifier (kind, value) of an ad, for the kinds looked up by value. */
export interface FactIndexTable {
  kind: string;
  value: string;
  ad_id: number;
}

export interface LinksTable {
  id: Generated<number>;
  ad_a: number;
  ad_b: number;
  kind: string;
  weight: number;
  evidence: string;
  run_id: number | null;
}

export interface NetworksTable {
  id: string;
  size: number;
  first_posted: string | null;
  last_posted: string | null;
  created_run: number | null;
  updated_run: number | null;
  summary: string;
}

export interface NetworkMembersTable {
  network_id: string;
  ad_id: number;
  reason: string;
}

export interface RejectsTable {
  id: Generated<number>;
  run_id: number | null;
  source: string | null;
  file: string;
  line: number;
  record_id: string | null;
  reason: string;
  raw: string | null;
  created_at: string;
}

export interface RunsTable {
  id: Generated<number>;
  kind: string;
  status: string;
  started_at: string;
  finished_at: string | null;
  params: string;
  counts: string;
  timings: string;
}

/** Opaque state a stage keeps between runs (e.g. the linker's index snapshot), as named blobs. */
export interface StageStateTable {
  stage: string;
  name: string;
  data: Uint8Array;
}

export interface ArtifactsTable {
  name: string;
  run_id: number | null;
  created_at: string;
  data: string;
}

/** Analyze stage: the newest run's score per network (singletons as `S-<ad id>`) and per ad. */
export interface NetworkScoresTable {
  network_id: string;
  run_id: number;
  model: string;
  size: number;
  score: number;
  confidence: number;
  contributions: string;
  features: string;
}

export interface AdScoresTable {
  ad_id: number;
  run_id: number;
  score: number;
  cues: string;
}

export interface Database {
  artifacts: ArtifactsTable;
  orgs: OrgsTable;
  sources: SourcesTable;
  ads: AdsTable;
  ad_versions: AdVersionsTable;
  ad_facts: AdFactsTable;
  fact_index: FactIndexTable;
  links: LinksTable;
  networks: NetworksTable;
  network_members: NetworkMembersTable;
  rejects: RejectsTable;
  runs: RunsTable;
  stage_state: StageStateTable;
  network_scores: NetworkScoresTable;
  ad_scores: AdScoresTable;
}

/**
 * Records the analyze stage reads from and writes to the store. Types only: the SQLite side lives in
 * `sqlite/analysis.ts`. Reads come in batches (arrays) so a 1M-ad corpus costs a few hundred awaits, not millions.
 */

/** One current ad as the analyze stage sees it. */
export interface AnalysisAdRow {
  adId: number;
  sourceAdId: string;
  postedAt: string | null;
  city: string | null;
  region: string | null;
  /** Network of the last resolution, null for a singleton. */
  networkId: string | null;
}

/**
 * One fact, flattened: kind-specific numbers are pulled out of `data` by the database (price amount/minutes,
 * place coordinates/province) so the analyzer never parses JSON per fact.
 */
export interface AnalysisFactRow {
  adId: number;
  kind: string;
  value: string;
  field: string;
  obfuscated: boolean;
  amount: number | null;
  minutes: number | null;
  lat: number | null;
  lon: number | null;
  province: string | null;
}

/** One contribution to a score: the indicator, its raw value, its weight and what it added (in log-odds). */
export interface ScoreContribution {
  feature: string;
  group: string;
  value: number;
  weight: number;
  contribution: number;
  reason: string;
  source: string;
}

export interface NetworkScoreWrite {
  networkId: string;
  size: number;
  score: number;
  confidence: number;
  contributions: ScoreContribution[];
  features: Record<string, number>;
}

export interface NetworkScoreRecord extends NetworkScoreWrite {
  runId: number;
  model: string;
}

export interface AdScoreWrite {
  adId: number;
  score: number;
  /** Cue codes that contributed. */
  cues: string[];
}

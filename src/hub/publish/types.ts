/** The records of a safe public aggregate: the input counts, the published table, and the options. */

/** Ads counted in one place and ISO week. `city` null: unknown or unresolved; `province` null: unknown. */
export interface PublishRow {
  province: string | null;
  city: string | null;
  /** Monday of the ISO week, YYYY-MM-DD. */
  week: string;
  ads: number;
}

/** One published row: its total over the period and its weekly cells, in the table's week order; null = hidden. */
export interface PublishedRow {
  total: number | null;
  weeks: (number | null)[];
}

/** `city` null is the province's "other or unknown city" row (see docs/publishing.md). */
export interface PublishedCity extends PublishedRow {
  city: string | null;
}

export interface PublishedProvince extends PublishedRow {
  province: string;
  cities: PublishedCity[];
}

/**
 * A published table. Every additive relation holds for the true counts: a row's total is the sum of its weeks,
 * a province is the sum of its cities (cell by cell, totals included), the nation is the sum of its provinces.
 */
export interface PublishedTable {
  k: number;
  weeks: string[];
  generatedAt: string;
  provinces: PublishedProvince[];
  national: PublishedRow;
  suppressed: { primary: number; complementary: number };
  note: string;
}

export interface PublishOptions {
  /** Threshold: counts 1 … k-1 are never published. Default 10, at least 2. */
  k?: number;
  /** The table's weeks (Mondays, ascending, every row's week among them); default: every week from the first row's to the last row's. */
  weeks?: readonly string[];
  /** Time stamp of the table (default: now). */
  now?: Date;
}

export const DEFAULT_K = 10;
export const MIN_K = 2;
/** The province group of rows whose province is unknown. */
export const UNKNOWN_PROVINCE = "unknown";

/** Bad input to the publishing functions; the message starts with "publish:". */
export class PublishError extends Error {
  override name = "PublishError";
  constructor(message: string) {
    super(`publish: ${message}`);
  }
}

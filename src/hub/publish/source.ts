/**
 * Where a publication's counts come from: the store's reads as a reader that belongs to no organization, so only
 * ads shared with the hub (`hub`) or for aggregates (`aggregate`) count — never an organization's `private` ones.
 */
import { PUBLIC_SCOPE } from "../../domain/access.js";
import type { ApiReads } from "../../store/read-model.js";
import { publishTable } from "./publish.js";
import type { PublishRow, PublishedTable } from "./types.js";
import { DEFAULT_K, PublishError } from "./types.js";
import { publicationWeeks } from "./window.js";

export { PUBLIC_SCOPE };

/** The smallest k a publication may use: the hub's floor (CTDC uses 11). */
export const MIN_PUBLIC_K = 10;

/** The reads a publication needs (a `Store.reads(PUBLIC_SCOPE)` in practice). */
export type PublicReads = Pick<ApiReads, "weeklyCityCounts" | "weeklyAds" | "cityPlaces" | "apiTotals">;

/**
 * Input rows for the given weeks: ads per resolved city (raw spellings of one place merged later, in the grid)
 * and week. An unresolved city has no known province or name: it counts as "unknown" / other, and its raw text —
 * free text from the ad — is never published. Ads without any city field count there too, so the national row is
 * every ad of the week.
 */
export async function publicRows(reads: PublicReads, weeks: readonly string[]): Promise<PublishRow[]> {
  if (weeks.length === 0) return [];
  const inWindow = new Set(weeks);
  const from = `${weeks[0]}T00:00:00.000Z`;
  const places = new Map((await reads.cityPlaces()).map((p) => [p.raw, p]));
  const rows: PublishRow[] = [];
  const withCity = new Map<string, number>();
  for (const r of await reads.weeklyCityCounts(from)) {
    if (!inWindow.has(r.week)) continue;
    const p = places.get(r.city);
    rows.push({ province: p?.province ?? null, city: p?.name ?? null, week: r.week, ads: r.ads });
    withCity.set(r.week, (withCity.get(r.week) ?? 0) + r.ads);
  }
  for (const w of await reads.weeklyAds(from)) {
    const rest = w.ads - (withCity.get(w.week) ?? 0);
    if (inWindow.has(w.week) && rest > 0) rows.push({ province: null, city: null, week: w.week, ads: rest });
  }
  return rows;
}

export interface PublicTableOptions {
  /** Default 10; never below MIN_PUBLIC_K. */
  k?: number;
  /** First week wanted (see `publicationWeeks`). */
  since?: string;
  /** Longest window in weeks (see `publicationWeeks`). */
  maxWeeks?: number;
  now?: Date;
}

/**
 * The public table over the store's data: the window of whole finished blocks (`publicationWeeks`) ending before
 * the newest ad the scope counts, its rows, published with `publishTable`.
 *
 * @example
 * const table = await publicTable(store.reads(PUBLIC_SCOPE), { since: "2024-01-01" });
 */
export async function publicTable(reads: PublicReads, o: PublicTableOptions = {}): Promise<PublishedTable> {
  const k = o.k ?? DEFAULT_K;
  if (!Number.isSafeInteger(k) || k < MIN_PUBLIC_K) throw new PublishError(`k must be an integer ≥ ${MIN_PUBLIC_K} (got ${k})`);
  const { latestPosted } = await reads.apiTotals();
  const weeks = publicationWeeks(latestPosted, { since: o.since, maxWeeks: o.maxWeeks });
  return publishTable(await publicRows(reads, weeks), { k, weeks, now: o.now });
}

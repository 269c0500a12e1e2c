/**
 * Which weeks a publication covers. Both ends sit on a fixed grid of 4-week blocks counted from a fixed Monday,
 * and the block still filling is never published, so every publication is a run of whole, finished blocks: the
 * table changes at most once per block (or when the data changes), and two publications never differ by a single
 * week — the difference of two windows' totals would otherwise give that week's hidden cells away. What this does
 * and does not protect against is in docs/publishing.md.
 *
 * @example
 * publicationWeeks("2024-06-20T10:00:00Z", { since: "2024-03-01" }); // ["2024-02-26", …, "2024-05-27"] (whole blocks)
 */
import { PublishError } from "./types.js";

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** A Monday: block 0 starts here. */
export const GRID_EPOCH = "1970-01-05";
export const BLOCK_WEEKS = 4;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const day = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** Whether `s` is a YYYY-MM-DD calendar date. */
export function isIsoDate(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00Z`);
  return DATE.test(s) && !Number.isNaN(t) && day(t) === s;
}

/** Monday (UTC) of the ISO week holding an ISO date or date-time, as YYYY-MM-DD. */
export function mondayOf(iso: string): string {
  const t = Date.parse(DATE.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(t)) throw new PublishError(`"${iso}" is not an ISO date`);
  const d = new Date(t);
  return day(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY);
}

export function isMonday(s: string): boolean {
  return isIsoDate(s) && mondayOf(s) === s;
}

/** Every Monday from `first` to `last`, both included. */
export function weekRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += WEEK) out.push(day(t));
  return out;
}

export interface WindowOptions {
  /** First day wanted (rounded down to the block grid). Default: `defaultWeeks` before the last finished block's end. */
  since?: string;
  /** Default 26. */
  defaultWeeks?: number;
  /** Longest window in weeks (the start moves forward, to the grid, to fit); default none. */
  maxWeeks?: number;
}

/** Start of the grid block holding `monday`; `up` rounds to the next block start instead (unless already on one). */
function toGrid(monday: string, up = false): number {
  const block = BLOCK_WEEKS * WEEK;
  const epoch = Date.parse(`${GRID_EPOCH}T00:00:00Z`);
  const off = Date.parse(`${monday}T00:00:00Z`) - epoch;
  return epoch + (up ? Math.ceil(off / block) : Math.floor(off / block)) * block;
}

/**
 * The weeks of a publication over data whose newest ad was posted at `latestPosted`: whole grid blocks, from the
 * block holding `since` to the last block that ended before the week of the newest ad. Empty when there is none.
 */
export function publicationWeeks(latestPosted: string | null, o: WindowOptions = {}): string[] {
  if (latestPosted === null) return [];
  if (o.since !== undefined && !isIsoDate(o.since)) throw new PublishError(`since "${o.since}" is not a YYYY-MM-DD date`);
  // The block holding the newest ad's week is still filling: the window ends just before it.
  const end = toGrid(mondayOf(latestPosted)) - WEEK;
  const wanted = o.since !== undefined ? mondayOf(o.since) : day(end - ((o.defaultWeeks ?? 26) - 1) * WEEK);
  let start = toGrid(wanted);
  if (o.maxWeeks !== undefined && (end - start) / WEEK + 1 > o.maxWeeks) start = toGrid(day(end - (o.maxWeeks - 1) * WEEK), true);
  return start > end ? [] : weekRange(day(start), day(end));
}

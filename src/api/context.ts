/**
 * What every route handler shares: the store, the hub's authentication, and small caches for aggregates that are
 * expensive to compute and change only when the data does (city resolution, stats, hotspots). Cache entries are
 * keyed by the reader's scope (two organizations never share an answer) and die when the store's data version
 * moves or after a minute, whichever comes first.
 */
import { placeKey } from "../extract/place.js";
import type { Auth } from "../hub/auth.js";
import { RawJson } from "./route.js";
import type { ApiReads, CityPlace } from "../store/read-model.js";
import type { Store } from "../store/store.js";
import type { ReaderPool } from "./reader-pool.js";

const TTL_MS = 60_000;
/**
 * Networks of at least this many ads are explained by a reader thread. At 1M ads, one at a time, a network's
 * detail takes ~3 ms at 10–49 ads, ~12 ms at 50–199, ~30 ms at 200–999 and 0.3–1 s at 4,500–12,000 (first view):
 * from 50 ads on, a turn of the event loop long enough to hold up the small requests queued behind it.
 */
export const OFFLOAD_NETWORK_ADS = 50;
const MAX_ENTRIES = 256;

export class ApiContext {
  private readonly cache = new Map<string, { version: string; at: number; value: unknown }>();
  /** Computations under way, by key and version: concurrent requests for the same entry share one. */
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(
    readonly store: Store,
    readonly auth: Auth,
    /** Reader threads for the heavier reads (network detail); null: everything is read on this thread. */
    readonly readers: ReaderPool | null = null,
    /** Networks of at least this many ads go to a reader thread, when there are any. */
    private readonly offloadAds = OFFLOAD_NETWORK_ADS,
  ) {}

  /** Whether a network of `size` ads is explained by a reader thread. */
  offloadNetwork(size: number): boolean {
    return this.readers !== null && size >= this.offloadAds;
  }

  /** `fn()`'s value for this scope, recomputed when the data changed or the entry is older than a minute. */
  async memo<T>(reads: ApiReads, key: string, fn: () => Promise<T>): Promise<T> {
    const k = `${reads.scopeKey}|${key}`;
    const version = await reads.dataVersion();
    const hit = this.cache.get(k);
    if (hit && hit.version === version && Date.now() - hit.at < TTL_MS) return hit.value as T;
    // Twenty requests arriving as an entry expires would otherwise each recompute it (city places: ~60 ms apiece
    // at a million ads, a stall of over a second for all of them).
    const p = `${k}|${version}`;
    let run = this.pending.get(p) as Promise<T> | undefined;
    if (!run) {
      run = (async () => {
        try {
          const value = await fn();
          if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
          // Kept under the version it started from: `fn` is async and may yield, and a run that ends meanwhile
          // must not leave a half-old answer cached as current.
          this.cache.set(k, { version, at: Date.now(), value });
          return value;
        } finally {
          this.pending.delete(p);
        }
      })();
      this.pending.set(p, run);
    }
    return run;
  }

  /**
   * `memo` for an answer sent whole: kept serialized, so a large cached answer (a network of thousands of ads:
   * 0.9 MB) is not serialized again on every request.
   */
  async memoJson(reads: ApiReads, key: string, fn: () => Promise<unknown>): Promise<RawJson> {
    return this.memo(reads, `json:${key}`, async () => new RawJson(JSON.stringify(await fn())));
  }

  /** Distinct raw cities (as the scope may count them) with their resolved places. */
  places(reads: ApiReads): Promise<CityPlace[]> {
    return this.memo(reads, "places", () => reads.cityPlaces());
  }

  /** Raw `ads.city` values matching a city name (accent/case-insensitive) and/or a province code, and their ad count. */
  async rawCities(reads: ApiReads, city: string | undefined, province: string | undefined): Promise<{ cities: string[]; ads: number }> {
    const key = city === undefined ? undefined : placeKey(city);
    const prov = province?.toUpperCase();
    const hits = (await this.places(reads)).filter(
      (p) => (key === undefined || (p.name !== null && placeKey(p.name) === key) || placeKey(p.raw) === key) && (prov === undefined || p.province === prov),
    );
    return { cities: hits.map((p) => p.raw), ads: hits.reduce((s, p) => s + p.ads, 0) };
  }

  /** Resolved place of a raw city value. */
  async placeOf(reads: ApiReads, raw: string | null): Promise<CityPlace | undefined> {
    if (raw === null) return undefined;
    const byRaw = await this.memo(reads, "placesByRaw", async () => new Map((await this.places(reads)).map((p) => [p.raw, p])));
    return byRaw.get(raw);
  }
}

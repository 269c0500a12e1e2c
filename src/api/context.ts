/**
 * What every route handler shares: the store, and small caches for aggregates that are expensive to compute and
 * change only when the data does (city resolution, stats, hotspots). Cache entries die when the store's data
 * version moves or after a minute, whichever comes first.
 */
import { placeKey } from "../extract/place.js";
import type { CityPlace } from "../store/read-model.js";
import type { Store } from "../store/store.js";

const TTL_MS = 60_000;
const MAX_ENTRIES = 256;

export class ApiContext {
  private readonly cache = new Map<string, { version: number; at: number; value: unknown }>();

  constructor(readonly store: Store) {}

  /** `fn()`'s value, recomputed when the data changed or the entry is older than a minute. */
  async memo<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const version = await this.store.dataVersion();
    const hit = this.cache.get(key);
    if (hit && hit.version === version && Date.now() - hit.at < TTL_MS) return hit.value as T;
    const value = await fn();
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, { version: await this.store.dataVersion(), at: Date.now(), value });
    return value;
  }

  /** Distinct raw cities with their resolved places. */
  places(): Promise<CityPlace[]> {
    return this.memo("places", () => this.store.cityPlaces());
  }

  /** Raw `ads.city` values matching a city name (accent/case-insensitive) and/or a province code, and their ad count. */
  async rawCities(city: string | undefined, province: string | undefined): Promise<{ cities: string[]; ads: number }> {
    const key = city === undefined ? undefined : placeKey(city);
    const prov = province?.toUpperCase();
    const hits = (await this.places()).filter(
      (p) => (key === undefined || (p.name !== null && placeKey(p.name) === key) || placeKey(p.raw) === key) && (prov === undefined || p.province === prov),
    );
    return { cities: hits.map((p) => p.raw), ads: hits.reduce((s, p) => s + p.ads, 0) };
  }

  /** Resolved place of a raw city value. */
  async placeOf(raw: string | null): Promise<CityPlace | undefined> {
    if (raw === null) return undefined;
    const byRaw = await this.memo("placesByRaw", async () => new Map((await this.places()).map((p) => [p.raw, p])));
    return byRaw.get(raw);
  }
}

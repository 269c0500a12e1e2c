/**
 * The analyze stage's in-memory view of a corpus: one column per ad attribute (typed arrays), ads grouped by
 * network in time order, and per-network distinct counts. Built from batches of store rows by `AnalysisBuilder`;
 * pure (no I/O), so tests feed it rows directly.
 */
import type { AnalysisAdRow, AnalysisFactRow } from "../store/analysis.js";
import { cueBit } from "./cues.js";
import { Interner, KEY_SHIFT, KeyList } from "./sorted-keys.js";

export const DAY_MS = 86_400_000;

export interface CityInfo {
  /** "Montreal, QC" for gazetteer cities; the lower-cased raw field otherwise. */
  key: string;
  name: string;
  province: string | null;
  /** NaN when the city is not in the gazetteer. */
  lat: number;
  lon: number;
}

/** Distinct-value counts per network for one fact kind. */
export interface DistinctCounts {
  distinct: Int32Array;
  /** Shannon entropy (bits) of the share of the network's ads carrying each value. */
  entropy: Float64Array;
}

export interface AnalysisData {
  n: number;
  adId: Int32Array;
  sourceAdId: string[];
  /** Days since 1970-01-01 (fractional), NaN when unknown. */
  day: Float64Array;
  /** Index into `cities`, -1 when unknown. */
  city: Int32Array;
  cities: CityInfo[];
  /** Province code per ad ("" when unknown). */
  province: string[];
  /** Network index per ad; every ad has one (singletons get `S-<ad id>`). */
  net: Int32Array;
  networkIds: string[];
  /** Cue bit mask per ad (see cues.ts). */
  cues: Uint32Array;
  /** Stated hourly price (amount of a 60-minute price fact), NaN when none. */
  hourly: Float64Array;
  /** Smallest stated age, NaN when none. */
  minAge: Float64Array;
  /** Whether the ad carries any phone, name or age fact (evidence coverage). */
  hasIdentity: Uint8Array;
  /** Ads of network k are `order[netStart[k] .. netStart[k+1])`, oldest first. */
  netStart: Int32Array;
  order: Int32Array;
  names: DistinctCounts;
  ages: DistinctCounts;
  ethnicities: DistinctCounts;
  phones: DistinctCounts;
  /** Phones per ad (CSR over ad index), for concurrent-phone counts. */
  phoneStart: Int32Array;
  phoneIds: Int32Array;
  /** First name per ad, -1 when none. */
  firstName: Int32Array;
  /** Per network: template links inside it, and those joining ads that name different people. */
  templateLinks: Int32Array;
  templateCross: Int32Array;
}

/** Fact kinds the builder reads. */
export const ANALYSIS_FACT_KINDS = ["phone", "name", "age", "descriptor", "cue", "price", "place"] as const;

const fold = (s: string): string => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim().toLowerCase();

class Growable {
  buf: Float64Array;
  length = 0;
  constructor(cap = 1024) {
    this.buf = new Float64Array(cap);
  }
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
}

/**
 * Feed ads first (all of them), then facts and template links in any order, then `build()`.
 *
 * @example
 * const b = new AnalysisBuilder();
 * b.addAds([{ adId: 1, sourceAdId: "a1", postedAt: "2024-01-01T00:00:00Z", city: "Toronto", region: "ON", networkId: null }]);
 * const data = b.build();
 */
export class AnalysisBuilder {
  private readonly adRows = new Growable();
  private readonly dayCol = new Growable();
  private readonly sourceIds: string[] = [];
  private readonly rawCity: string[] = [];
  private readonly rawRegion: string[] = [];
  private readonly netOf: string[] = [];
  private idx: Int32Array = new Int32Array(0);
  private cityFact: Int32Array = new Int32Array(0);
  private cueMask: Uint32Array = new Uint32Array(0);
  private hourly: Float64Array = new Float64Array(0);
  private minAge: Float64Array = new Float64Array(0);
  private identity: Uint8Array = new Uint8Array(0);
  private firstName: Int32Array = new Int32Array(0);
  private readonly cityKeys = new Interner();
  private readonly cityInfo: CityInfo[] = [];
  private readonly values = { name: new Interner(), age: new Interner(), ethnicity: new Interner(), phone: new Interner() };
  private readonly pairs = { name: new KeyList(), age: new KeyList(), ethnicity: new KeyList(), phone: new KeyList() };
  private readonly links = new Growable();
  private sealed = false;

  addAds(rows: readonly AnalysisAdRow[]): void {
    if (this.sealed) throw new Error("analyze: ads must all be added before facts");
    for (const r of rows) {
      this.adRows.push(r.adId);
      this.dayCol.push(r.postedAt ? Date.parse(r.postedAt) / DAY_MS : Number.NaN);
      this.sourceIds.push(r.sourceAdId);
      this.rawCity.push(r.city ?? "");
      this.rawRegion.push(r.region ?? "");
      this.netOf.push(r.networkId ?? `S-${r.adId}`);
    }
  }

  private seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    const n = this.adRows.length;
    let max = 0;
    for (let i = 0; i < n; i++) max = Math.max(max, this.adRows.buf[i]);
    this.idx = new Int32Array(max + 1).fill(-1);
    for (let i = 0; i < n; i++) this.idx[this.adRows.buf[i]] = i;
    this.cityFact = new Int32Array(n).fill(-1);
    this.cueMask = new Uint32Array(n);
    this.hourly = new Float64Array(n).fill(Number.NaN);
    this.minAge = new Float64Array(n).fill(Number.NaN);
    this.identity = new Uint8Array(n);
    this.firstName = new Int32Array(n).fill(-1);
  }

  private adIndex(adId: number): number {
    return adId < this.idx.length ? this.idx[adId] : -1;
  }

  addFacts(rows: readonly AnalysisFactRow[]): void {
    this.seal();
    for (const f of rows) {
      const i = this.adIndex(f.adId);
      if (i < 0) continue;
      switch (f.kind) {
        case "cue": {
          const b = cueBit(f.value);
          if (b >= 0) this.cueMask[i] |= 1 << b;
          break;
        }
        case "phone":
          this.identity[i] = 1;
          this.pairs.phone.push(i * KEY_SHIFT + this.values.phone.id(f.value));
          break;
        case "name": {
          this.identity[i] = 1;
          const id = this.values.name.id(f.value);
          if (this.firstName[i] < 0) this.firstName[i] = id;
          this.pairs.name.push(i * KEY_SHIFT + id);
          break;
        }
        case "age": {
          this.identity[i] = 1;
          const age = Number(f.value);
          if (Number.isFinite(age) && !(this.minAge[i] <= age)) this.minAge[i] = age;
          this.pairs.age.push(i * KEY_SHIFT + this.values.age.id(f.value));
          break;
        }
        case "descriptor":
          if (f.value.startsWith("ethnicity:")) this.pairs.ethnicity.push(i * KEY_SHIFT + this.values.ethnicity.id(f.value));
          break;
        case "price":
          if (f.minutes === 60 && f.amount !== null && f.amount > 0 && !(this.hourly[i] <= f.amount)) this.hourly[i] = f.amount;
          break;
        case "place":
          if (f.field === "city" && this.cityFact[i] < 0) this.cityFact[i] = this.city(f.value, f.value.split(",")[0], f.province, f.lat, f.lon);
          break;
      }
    }
  }

  /** Template-link endpoints (store ad ids) as flat pairs. */
  addLinks(flat: Int32Array): void {
    this.seal();
    for (let k = 0; k + 1 < flat.length; k += 2) {
      const a = this.adIndex(flat[k]);
      const b = this.adIndex(flat[k + 1]);
      if (a >= 0 && b >= 0) {
        this.links.push(a);
        this.links.push(b);
      }
    }
  }

  private city(key: string, name: string, province: string | null, lat: number | null, lon: number | null): number {
    const id = this.cityKeys.id(key);
    if (id === this.cityInfo.length) this.cityInfo.push({ key, name, province, lat: lat ?? Number.NaN, lon: lon ?? Number.NaN });
    return id;
  }

  build(): AnalysisData {
    this.seal();
    const n = this.adRows.length;
    const nets = new Interner();
    const net = new Int32Array(n);
    for (let i = 0; i < n; i++) net[i] = nets.id(this.netOf[i]);
    const city = new Int32Array(n);
    const province: string[] = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      let c = this.cityFact[i];
      if (c < 0 && this.rawCity[i]) {
        const k = fold(this.rawCity[i]);
        c = this.city(k, k, this.rawRegion[i] || null, null, null);
      }
      city[i] = c;
      province[i] = (c >= 0 ? this.cityInfo[c].province : null) ?? this.rawRegion[i];
    }
    const day = this.dayCol.buf.slice(0, n);
    const { netStart, order } = groupByNetwork(net, nets.values.length, day);
    const phonePairs = this.pairs.phone.sortedUnique();
    const phoneStart = new Int32Array(n + 1);
    const phoneIds = new Int32Array(phonePairs.length);
    for (let k = 0; k < phonePairs.length; k++) {
      const ad = Math.floor(phonePairs[k] / KEY_SHIFT);
      phoneIds[k] = phonePairs[k] - ad * KEY_SHIFT;
      phoneStart[ad + 1]++;
    }
    for (let i = 0; i < n; i++) phoneStart[i + 1] += phoneStart[i];
    const templateLinks = new Int32Array(nets.values.length);
    const templateCross = new Int32Array(nets.values.length);
    for (let k = 0; k + 1 < this.links.length; k += 2) {
      const a = this.links.buf[k];
      const b = this.links.buf[k + 1];
      if (net[a] !== net[b]) continue;
      templateLinks[net[a]]++;
      // "different people": different names, or (names are often not extracted) different stated ages
      const names = this.firstName[a] >= 0 && this.firstName[b] >= 0 && this.firstName[a] !== this.firstName[b];
      const ages = this.minAge[a] > 0 && this.minAge[b] > 0 && this.minAge[a] !== this.minAge[b];
      if (names || ages) templateCross[net[a]]++;
    }
    const counts = (p: Float64Array) => distinctPerNetwork(p, net, nets.values.length);
    return {
      n,
      adId: Int32Array.from(this.adRows.buf.subarray(0, n)),
      sourceAdId: this.sourceIds,
      day,
      city,
      cities: this.cityInfo,
      province,
      net,
      networkIds: nets.values,
      cues: this.cueMask,
      hourly: this.hourly,
      minAge: this.minAge,
      hasIdentity: this.identity,
      netStart,
      order,
      names: counts(this.pairs.name.sortedUnique()),
      ages: counts(this.pairs.age.sortedUnique()),
      ethnicities: counts(this.pairs.ethnicity.sortedUnique()),
      phones: counts(phonePairs),
      phoneStart,
      phoneIds,
      firstName: this.firstName,
      templateLinks,
      templateCross,
    };
  }
}

/** Counting sort of ads by network, then each network's ads by time (unknown times last). */
function groupByNetwork(net: Int32Array, nets: number, day: Float64Array): { netStart: Int32Array; order: Int32Array } {
  const netStart = new Int32Array(nets + 1);
  for (let i = 0; i < net.length; i++) netStart[net[i] + 1]++;
  for (let k = 0; k < nets; k++) netStart[k + 1] += netStart[k];
  const fill = netStart.slice(0, nets);
  const order = new Int32Array(net.length);
  for (let i = 0; i < net.length; i++) order[fill[net[i]]++] = i;
  const t = (i: number) => (Number.isNaN(day[i]) ? Infinity : day[i]);
  for (let k = 0; k < nets; k++) {
    const a = netStart[k];
    const b = netStart[k + 1];
    if (b - a > 1) order.subarray(a, b).sort((x, y) => t(x) - t(y) || x - y);
  }
  return { netStart, order };
}

/** From sorted unique (ad, value) keys: distinct values per network and the entropy of their ad shares. */
function distinctPerNetwork(adValue: Float64Array, net: Int32Array, nets: number): DistinctCounts {
  const keys = new Float64Array(adValue.length);
  for (let k = 0; k < adValue.length; k++) {
    const ad = Math.floor(adValue[k] / KEY_SHIFT);
    keys[k] = net[ad] * KEY_SHIFT + (adValue[k] - ad * KEY_SHIFT);
  }
  keys.sort();
  const distinct = new Int32Array(nets);
  const entropy = new Float64Array(nets);
  const total = new Int32Array(nets);
  for (let k = 0; k < keys.length; k++) total[Math.floor(keys[k] / KEY_SHIFT)]++;
  let k = 0;
  while (k < keys.length) {
    let j = k + 1;
    while (j < keys.length && keys[j] === keys[k]) j++;
    const g = Math.floor(keys[k] / KEY_SHIFT);
    distinct[g]++;
    const p = (j - k) / total[g];
    entropy[g] -= p * Math.log2(p);
    k = j;
  }
  return { distinct, entropy };
}

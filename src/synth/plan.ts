/**
 * Planning: how many authors of each kind, how many ads each, when they are active, which phones they hold
 * (including numbers handed on to a new owner a year later). Everything here is O(authors).
 */
import type { AuthorKind } from "../domain/truth.js";
import type { SynthParams } from "./params.js";
import type { Rng } from "./rng.js";
import { createRng, deriveSeed, logNormal, powerLawInt } from "./rng.js";
import { PhoneAllocator } from "./phone.js";
import type { Author } from "./world.js";
import { DAY_MS, World } from "./world.js";
import { Independent, independentSpan } from "./independent.js";
import { Agency } from "./agency.js";
import type { NetTemplate } from "./trafficking.js";
import { TraffickingNetwork } from "./trafficking.js";
import { ScamPoster } from "./scam.js";

/** One run of posts by one author: `n` post times spread over [start, end]. */
export interface Episode {
  author: number;
  start: number;
  end: number;
  n: number;
}

export interface CorpusPlan {
  world: World;
  authors: Author[];
  episodes: Episode[];
  phones: PhoneAllocator;
  /** Number of authors of each kind. */
  authorsByKind: Record<AuthorKind, number>;
}

const KINDS: readonly AuthorKind[] = ["independent", "agency", "trafficking", "scam"];

/** Splits `total` by shares with the largest-remainder method (sums exactly to total). */
export function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const raw = shares.map((s) => (total * s) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}

/** Splits a budget into `count` groups with log-normal weights, each at least `min` when the budget allows. */
function splitBudget(budget: number, count: number, sigma: number, min: number, rng: Rng): number[] {
  if (count <= 0 || budget <= 0) return [];
  const c = Math.max(1, Math.min(count, Math.floor(budget / min)));
  const w: number[] = [];
  for (let i = 0; i < c; i++) w.push(Math.exp(sigma * rng.normal()));
  const base = apportion(budget - c * min, w);
  return base.map((b) => b + min);
}

export function planCorpus(params: SynthParams): CorpusPlan {
  const world = new World(params);
  const rng = createRng(deriveSeed(params.seed, 0));
  const phones = new PhoneAllocator(createRng(deriveSeed(params.seed, 1)));
  const newPhone = (area: string): string => phones.next(area);
  const authors: Author[] = [];
  const episodes: Episode[] = [];
  const authorsByKind: Record<AuthorKind, number> = { independent: 0, agency: 0, trafficking: 0, scam: 0 };
  const budgets = apportion(
    params.ads,
    KINDS.map((k) => params.kindShare[k]),
  );
  const window = params.days * DAY_MS;
  const authorRng = (): Rng => createRng(deriveSeed(params.seed, 1000 + authors.length));
  const id = (prefix: string, k: AuthorKind): string => `${prefix}-${String(++authorsByKind[k]).padStart(5, "0")}`;

  // independents: a power law of sizes, most with a handful of ads
  const independents: Independent[] = [];
  {
    let left = budgets[0];
    const cap = Math.max(5, Math.min(params.independentMaxAds, Math.floor(budgets[0] * 0.02)));
    while (left > 0) {
      const n = Math.min(left, powerLawInt(rng, params.independentSizeExponent, cap));
      left -= n;
      const r = authorRng();
      const span = independentSpan(n, world, r);
      const start = world.startMs + (window - span) * r.next();
      const a = new Independent(authors.length, id("ind", "independent"), world, r, { n, start, end: start + span }, newPhone);
      episodes.push({ author: a.index, start, end: start + span, n });
      authors.push(a);
      independents.push(a);
      if (n >= 3) world.photoDonors.push(a.index);
    }
  }

  // agencies: a handful, long-lived
  {
    const b = budgets[1];
    const count = b > 0 ? Math.max(1, Math.round(Math.sqrt(b) / params.agencyScale)) : 0;
    for (const n of splitBudget(b, count, 0.8, 1, rng)) {
      const r = authorRng();
      const start = world.startMs + window * 0.4 * r.next();
      const end = world.endMs - window * 0.4 * r.next();
      const a = new Agency(authors.length, id("agy", "agency"), world, r, n, start, end, newPhone);
      episodes.push({ author: a.index, start, end, n });
      authors.push(a);
    }
  }

  // trafficking-like networks: months-long, some copy a template, some go to the event
  const networks: TraffickingNetwork[] = [];
  {
    const b = budgets[2];
    const count = b > 0 ? Math.max(1, Math.ceil(Math.pow(b, 0.6) / params.traffickingScale)) : 0;
    const ev = params.event;
    const evOverlaps = ev !== null && world.eventStart < world.endMs && world.eventEnd > world.startMs;
    for (const n of splitBudget(b, count, 1.0, 2, rng)) {
      const r = authorRng();
      const span = Math.min(window, Math.max(30 * DAY_MS, logNormal(r, 200, 0.6) * DAY_MS));
      let start = world.startMs + (window - span) * r.next();
      const inEvent = evOverlaps && n >= 4 && r.chance(ev.networkShare);
      if (inEvent) {
        // the network must be active around the event
        const lo = Math.max(world.startMs, world.eventEnd - span);
        const hi = Math.min(world.endMs - span, world.eventStart);
        start = hi >= lo ? lo + (hi - lo) * r.next() : world.startMs;
      }
      const end = Math.min(world.endMs, start + span);
      const copied: NetTemplate | null =
        networks.length > 0 && r.chance(params.templateCopyRate) ? networks[r.int(networks.length)].template : null;
      const a = new TraffickingNetwork(authors.length, id("trf", "trafficking"), world, r, start, end, inEvent, copied, newPhone);
      const m = inEvent ? Math.max(1, Math.round(n * ev.adShare)) : 0;
      episodes.push({ author: a.index, start, end, n: n - m });
      if (m > 0) episodes.push({ author: a.index, start: Math.max(start, world.eventStart), end: Math.min(end, world.eventEnd), n: m });
      authors.push(a);
      networks.push(a);
    }
  }

  // scam posters: short floods
  {
    const b = budgets[3];
    const count = b > 0 ? Math.max(1, Math.ceil(Math.pow(b, 0.6) / params.scamScale)) : 0;
    for (const n of splitBudget(b, count, 0.8, 2, rng)) {
      const r = authorRng();
      const span = Math.min(window, r.range(14, 70) * DAY_MS);
      const start = world.startMs + (window - span) * r.next();
      const a = new ScamPoster(authors.length, id("scm", "scam"), world, r, newPhone);
      episodes.push({ author: a.index, start, end: start + span, n });
      authors.push(a);
    }
  }

  reassignPhones(params, rng, independents, networks);
  return { world, authors, episodes, phones, authorsByKind };
}

/**
 * Numbers get recycled: a later-starting independent receives, as her first number, one whose previous owner
 * (an independent or a network burner) stopped using it at least `reassignMinGapDays` earlier.
 */
function reassignPhones(params: SynthParams, rng: Rng, independents: Independent[], networks: TraffickingNetwork[]): void {
  if (params.reassignedPhoneRate <= 0) return;
  const donors: { phone: string; lastUse: number }[] = [];
  for (const a of independents) if (a.phones.length > 0) donors.push({ phone: a.phones[a.phones.length - 1], lastUse: a.end });
  for (const nw of networks) donors.push(...nw.lastBurners());
  donors.sort((a, b) => a.lastUse - b.lastUse || (a.phone < b.phone ? -1 : 1));
  const used = new Uint8Array(donors.length);
  const gap = params.reassignMinGapDays * DAY_MS;
  for (const b of independents) {
    if (b.phones.length === 0 || !rng.chance(params.reassignedPhoneRate)) continue;
    const limit = b.start - gap;
    let lo = 0;
    let hi = donors.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (donors[mid].lastUse <= limit) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) continue;
    for (let tries = 0; tries < 5; tries++) {
      const k = rng.int(lo);
      if (used[k] === 0) {
        used[k] = 1;
        b.phones[0] = donors[k].phone;
        break;
      }
    }
  }
}

/** What every author needs while writing: resolved params, lookup tables, and the contact-line helpers. */
import type { ImageRef } from "../domain/ad.js";
import type { AuthorKind } from "../domain/truth.js";
import type { SynthParams, ObfuscatedPhoneStyle } from "./params.js";
import type { Rng } from "./rng.js";
import { WeightedTable } from "./rng.js";
import type { PhoneStyle } from "./phone.js";
import { OBFUSCATED_PHONE_STYLES, PLAIN_PHONE_STYLES, obfuscatePhone } from "./phone.js";
import type { EmailStyle } from "./email.js";
import { EMAIL_STYLES, obfuscateEmail } from "./email.js";
import { CITIES } from "./vocab/places.js";
import { photoPhash, photoSha, reencoded } from "./details.js";

export const DAY_MS = 86_400_000;

/** One ad as an author writes it, before the site adds ids, fields and boilerplate. */
export interface Draft {
  title: string;
  body: string;
  /** Index into CITIES. */
  city: number;
  /** The contact phone (10 digits) the site may show in its field, or null. */
  phone: string | null;
  /** False when the text itself does not contain the phone. */
  phoneInText: boolean;
  email: string | null;
  images: ImageRef[] | undefined;
}

/** An author of ads: an independent advertiser, an agency, a trafficking-like network or a scam poster. */
export interface Author {
  readonly index: number;
  readonly networkId: string;
  readonly kind: AuthorKind;
  /** Main site, then an optional second one (indexes into params.sources). */
  readonly sources: readonly number[];
  /** The author's own random stream (independent of every other author's). */
  readonly rng: Rng;
  compose(t: number, rng: Rng): Draft;
  /** Called after the author's last ad so that large lazily built state can be dropped. */
  release(): void;
}

export class World {
  readonly startMs: number;
  readonly endMs: number;
  readonly cityTable: WeightedTable<number>;
  readonly sourceTable: WeightedTable<number>;
  readonly obfTable: WeightedTable<PhoneStyle>;
  readonly plainTable: WeightedTable<PhoneStyle>;
  readonly eventCity: number;
  readonly eventStart: number;
  readonly eventEnd: number;
  /** Independent author indexes whose photos a scam poster may lift (filled during planning). */
  readonly photoDonors: number[] = [];

  constructor(readonly params: SynthParams) {
    this.startMs = Date.parse(params.start);
    this.endMs = this.startMs + params.days * DAY_MS;
    this.cityTable = new WeightedTable(
      CITIES.map((_, i) => i),
      CITIES.map((c) => c.weight),
    );
    this.sourceTable = new WeightedTable(
      params.sources.map((_, i) => i),
      params.sources.map((s) => s.weight),
    );
    const obf = OBFUSCATED_PHONE_STYLES as readonly ObfuscatedPhoneStyle[];
    this.obfTable = new WeightedTable<PhoneStyle>(obf, obf.map((s) => params.obfuscatedStyleWeights[s] ?? 0));
    this.plainTable = new WeightedTable<PhoneStyle>(PLAIN_PHONE_STYLES, [3, 2, 1.5, 3, 1, 0.6, 0.8]);
    const ev = params.event;
    this.eventCity = ev ? CITIES.findIndex((c) => c.name === ev.city) : -1;
    if (ev && this.eventCity < 0) throw new Error(`synth: event city "${ev.city}" is not in the city table`);
    this.eventStart = ev ? Date.parse(ev.start) : 0;
    this.eventEnd = ev ? this.eventStart + ev.days * DAY_MS : 0;
  }

  /** A random other source index, or -1 when there is only one. */
  otherSource(primary: number, rng: Rng): number {
    const n = this.params.sources.length;
    if (n < 2) return -1;
    return (primary + 1 + rng.int(n - 1)) % n;
  }
}

/** How one author writes contact details: preferred formats and whether she disguises them. */
export class ContactHabit {
  private readonly plain: PhoneStyle;
  private readonly obf: PhoneStyle;
  private readonly obfuscates: boolean;
  private readonly emailStyle: EmailStyle;

  constructor(world: World, kind: AuthorKind, rng: Rng) {
    this.plain = world.plainTable.pick(rng);
    this.obf = world.obfTable.pick(rng);
    this.obfuscates = rng.chance(Math.min(1, world.params.obfuscatedPhoneRate[kind] / 0.85));
    this.emailStyle = rng.chance(world.params.emailObfuscationRate) ? rng.pick(EMAIL_STYLES.slice(1)) : "plain";
  }

  phone(digits: string, world: World, rng: Rng): string {
    let style: PhoneStyle;
    if (this.obfuscates && rng.chance(0.85)) style = rng.chance(0.7) ? this.obf : world.obfTable.pick(rng);
    else style = rng.chance(0.85) ? this.plain : world.plainTable.pick(rng);
    return obfuscatePhone(digits, style, rng);
  }

  email(email: string): string {
    return obfuscateEmail(email, this.emailStyle);
  }
}

/** An owner's photo set: stable hashes derived from (seed, owner), so anyone can re-derive them. */
export function photoSet(seed: number, owner: number, count: number): ImageRef[] {
  const out: ImageRef[] = [];
  for (let p = 0; p < count; p++) out.push({ sha256: photoSha(seed, owner, p), phash: photoPhash(seed, owner, p) });
  return out;
}

/**
 * Picks 1–4 photos of a set, some re-encoded. Unchanged photos are the set's own objects, shared between
 * ads to spare the allocator: treat generated records as immutable.
 */
export function pickImages(photos: readonly ImageRef[], world: World, rng: Rng): ImageRef[] {
  const n = photos.length;
  const k = Math.min(n, rng.range(1, 4));
  const first = rng.int(n);
  const out: ImageRef[] = [];
  for (let i = 0; i < k; i++) {
    const ph = photos[(first + i) % n];
    out.push(rng.chance(world.params.imageReencodeRate) ? reencoded(ph.phash ?? "", rng) : ph);
  }
  return out;
}

/** Poisson-ish small count with the given mean (sum of Bernoulli trials). */
export function smallCount(mean: number, rng: Rng): number {
  let n = 0;
  const trials = Math.max(1, Math.ceil(mean * 3));
  const p = mean / trials;
  for (let i = 0; i < trials; i++) if (rng.chance(p)) n++;
  return n;
}

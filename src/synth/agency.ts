/**
 * An agency: many profiles (different names and descriptions) behind one switchboard phone and one shared
 * footer, working one metro area.
 */
import type { ImageRef } from "../domain/ad.js";
import type { AuthorKind } from "../domain/truth.js";
import type { Rng } from "./rng.js";
import type { Bound } from "./template.js";
import { bindTemplate, compileAll, fillSlots } from "./template.js";
import type { Author, Draft, World } from "./world.js";
import { ContactHabit, pickImages, photoSet } from "./world.js";
import { availability, formatRates, height, makeRates, measurements } from "./details.js";
import type { Rates } from "./details.js";
import { makeEmail } from "./email.js";
import { POOLS_EN, TITLE_PATTERNS_EN } from "./vocab/en.js";
import { AGENCY_FOOTERS, AGENCY_PROFILE, WEB_SUFFIXES } from "./vocab/operators.js";
import { AGENCY_WORDS_A, AGENCY_WORDS_B, ETHNICITIES, GIVEN_NAMES, HAIR } from "./vocab/names.js";
import { CITIES, nearbyCities } from "./vocab/places.js";

const FOOTERS = compileAll(AGENCY_FOOTERS);
const PROFILE = compileAll(AGENCY_PROFILE);
const TITLES = compileAll(TITLE_PATTERNS_EN);

interface Profile {
  from: number;
  to: number;
  name: string;
  age: string;
  sentences: Bound[];
  title: Bound;
  slots: Record<string, string>;
  photos: ImageRef[];
}

export class Agency implements Author {
  readonly kind: AuthorKind = "agency";
  readonly sources: readonly number[];
  readonly phones: string[] = [];
  readonly switchAt: number[] = [];
  private readonly cities: number[];
  private readonly agencyName: string;
  private readonly web: string;
  private readonly footers: Bound[];
  private readonly habit: ContactHabit;
  private readonly email: string | null;
  private readonly rates: Rates;
  private readonly rateFormat: number;
  private profiles: Profile[] | null = null;

  constructor(
    readonly index: number,
    readonly networkId: string,
    private readonly world: World,
    readonly rng: Rng,
    private readonly n: number,
    readonly start: number,
    readonly end: number,
    newPhone: (areaCode: string) => string,
  ) {
    const home = world.cityTable.pick(rng);
    const near = nearbyCities(home).filter((i) => CITIES[i].areaCodes.some((a) => CITIES[home].areaCodes.includes(a)));
    this.cities = [home, ...near.slice(0, rng.int(3))];
    const primary = world.sourceTable.pick(rng);
    const other = world.otherSource(primary, rng);
    this.sources = other >= 0 && rng.chance(0.6) ? [primary, other] : [primary];
    this.agencyName = `${rng.pick(AGENCY_WORDS_A)} ${rng.pick(AGENCY_WORDS_B)}`;
    this.web = `www.${this.agencyName.toLowerCase().replace(/[^a-z]/g, "")}${rng.pick(WEB_SUFFIXES)}`;
    const area = rng.pick(CITIES[home].areaCodes);
    this.phones.push(newPhone(area));
    if (rng.chance(world.params.agencyPhoneChangeRate)) {
      this.phones.push(newPhone(rng.pick(CITIES[home].areaCodes)));
      this.switchAt.push(start + (end - start) * (0.2 + 0.6 * rng.next()));
    }
    const nf = rng.chance(0.7) ? 1 : 2;
    this.footers = [];
    for (let i = 0; i < nf; i++) this.footers.push(bindTemplate(rng.pick(FOOTERS), rng, POOLS_EN));
    this.habit = new ContactHabit(world, "agency", rng);
    this.email = rng.chance(world.params.emailRate.agency) ? makeEmail(this.agencyName.split(" ")[0], rng) : null;
    this.rates = makeRates(rng, 1.4);
    this.rateFormat = rng.int(8);
  }

  private buildProfiles(): Profile[] {
    const rng = this.rng;
    const count = 2 + Math.round((this.n * this.world.params.agencyProfilesPer100Ads) / 100);
    const span = this.end - this.start;
    const out: Profile[] = [];
    for (let i = 0; i < count; i++) {
      const len = span * (0.15 + 0.5 * rng.next());
      const from = this.start + (span - len) * rng.next();
      const name = rng.pick(GIVEN_NAMES);
      const age = String(rng.range(19, 32));
      const slots: Record<string, string> = {
        name,
        age,
        eth: rng.pick(ETHNICITIES),
        hair: rng.pick(HAIR),
        meas: measurements(rng),
        height: height(rng),
        city: CITIES[this.cities[0]].name,
        spot: rng.pick(CITIES[this.cities[0]].spots),
        agency: this.agencyName,
        web: this.web,
      };
      const k = rng.range(3, 5);
      const sentences: Bound[] = [];
      const start = rng.int(PROFILE.length);
      for (let j = 0; j < k; j++) sentences.push(bindTemplate(PROFILE[(start + j) % PROFILE.length], rng, POOLS_EN));
      out.push({ from, to: from + len, name, age, sentences, title: bindTemplate(rng.pick(TITLES), rng, POOLS_EN), slots, photos: photoSet(this.world.params.seed, 0x40000000 + this.index * 1024 + i, rng.range(2, 6)) });
    }
    // the first profile spans everything so that an ad always has someone to show
    out[0].from = this.start;
    out[0].to = this.end + 1;
    return out;
  }

  compose(t: number, rng: Rng): Draft {
    if (this.profiles === null) this.profiles = this.buildProfiles();
    const profiles = this.profiles;
    let prof = profiles[0];
    for (let tries = 0; tries < 6; tries++) {
      const c = profiles[rng.int(profiles.length)];
      if (c.from <= t && t < c.to) {
        prof = c;
        break;
      }
    }
    let idx = 0;
    while (idx < this.switchAt.length && t >= this.switchAt[idx]) idx++;
    const phone = this.phones[idx];
    const city = this.cities[rng.int(this.cities.length)];
    const slots = prof.slots;
    slots.city = CITIES[city].name;
    slots.phone = this.habit.phone(phone, this.world, rng);
    slots.avail = availability(t, "en", rng);
    const parts: string[] = [];
    for (const b of prof.sentences) parts.push(fillSlots(b, slots));
    parts.push(formatRates(this.rates, this.rateFormat, "en"));
    parts.push(fillSlots(this.footers[rng.int(this.footers.length)], slots));
    let email: string | null = null;
    if (this.email !== null && rng.chance(0.5)) {
      email = this.email;
      parts.push(this.habit.email(this.email));
    }
    const images = rng.chance(this.world.params.imageRate.agency)
      ? pickImages(prof.photos, this.world, rng)
      : undefined;
    return { title: fillSlots(prof.title, slots), body: parts.join("\n"), city, phone, phoneInText: true, email, images };
  }

  release(): void {
    this.profiles = null;
  }
}

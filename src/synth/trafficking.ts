/**
 * A trafficking-like network: one slot template (third person, youthful cues), crews travelling a circuit of
 * cities, several burner phones in rotation, often obfuscated; sometimes two people per ad.
 */
import type { ImageRef } from "../domain/ad.js";
import type { AuthorKind } from "../domain/truth.js";
import type { Rng } from "./rng.js";
import type { Bound, Template } from "./template.js";
import { bindTemplate, compileAll, fillSlots } from "./template.js";
import type { Author, Draft, World } from "./world.js";
import { ContactHabit, DAY_MS, pickImages, photoSet } from "./world.js";
import { availability, formatRates, height, makeRates, measurements } from "./details.js";
import type { Rates } from "./details.js";
import { swapAdjacent, dropOne } from "./edits.js";
import { makeEmail } from "./email.js";
import { COMMON_PHRASES_EN, POOLS_EN } from "./vocab/en.js";
import { TRAF_DUO, TRAF_ROLES } from "./vocab/operators.js";
import { ETHNICITIES, GIVEN_NAMES } from "./vocab/names.js";
import { CIRCUITS, CITIES, cityIndex } from "./vocab/places.js";

const ROLES: Readonly<Record<string, Template[]>> = Object.fromEntries(
  Object.entries(TRAF_ROLES).map(([k, v]) => [k, compileAll(v)]),
);
const DUO = compileAll(TRAF_DUO);
const CIRCUIT_IDX: readonly (readonly number[])[] = CIRCUITS.map((c) => c.map(cityIndex));

/** Role, chance, max patterns: the shape of a network's template. */
const SHAPE: readonly (readonly [string, number, number])[] = [
  ["head", 1, 1],
  ["intro", 1, 2],
  ["looks", 0.7, 1],
  ["offer", 1, 2],
  ["rules", 0.6, 1],
  ["contact", 1, 1],
];

/** A template shared by the ads of one network (and, when copied, by an unrelated one). */
export interface NetTemplate {
  sentences: Bound[];
  title: Bound;
  duo: Bound;
}

export function makeNetTemplate(rng: Rng): NetTemplate {
  const sentences: Bound[] = [];
  for (const [role, chance, max] of SHAPE) {
    if (!rng.chance(chance)) continue;
    const k = rng.range(1, max);
    const first = rng.int(ROLES[role].length);
    for (let i = 0; i < k; i++) sentences.push(bindTemplate(ROLES[role][(first + i) % ROLES[role].length], rng, POOLS_EN));
  }
  return {
    sentences,
    title: bindTemplate(rng.pick(ROLES.head), rng, POOLS_EN),
    duo: bindTemplate(rng.pick(DUO), rng, POOLS_EN),
  };
}

interface Worker {
  from: number;
  to: number;
  name: string;
  age: string;
  eth: string;
  meas: string;
  height: string;
  photos: ImageRef[];
}

interface Crew {
  ends: number[];
  cities: number[];
  workers: Worker[];
}

interface Burner {
  phone: string;
  from: number;
  to: number;
  slot: number;
}

export class TraffickingNetwork implements Author {
  readonly kind: AuthorKind = "trafficking";
  readonly sources: readonly number[];
  readonly burners: Burner[] = [];
  readonly template: NetTemplate;
  readonly inEvent: boolean;
  private readonly circuit: readonly number[];
  private readonly slots: number;
  private readonly habit: ContactHabit;
  private readonly email: string | null;
  private readonly rates: Rates;
  private readonly rateFormat: number;
  private readonly relyOnField: boolean;
  private readonly sep: string;
  private crews: Crew[] | null = null;

  constructor(
    readonly index: number,
    readonly networkId: string,
    private readonly world: World,
    readonly rng: Rng,
    readonly start: number,
    readonly end: number,
    inEvent: boolean,
    copiedFrom: NetTemplate | null,
    newPhone: (areaCode: string) => string,
  ) {
    const p = world.params;
    this.inEvent = inEvent;
    this.circuit = rng.pick(CIRCUIT_IDX);
    const primary = world.sourceTable.pick(rng);
    const other = world.otherSource(primary, rng);
    this.sources = other >= 0 && rng.chance(0.7) ? [primary, other] : [primary];
    if (copiedFrom) {
      // a second operator re-uses a popular template: same sentences, sometimes one of its own swapped in
      const own = makeNetTemplate(rng);
      const sentences = copiedFrom.sentences.slice();
      if (rng.chance(0.5) && own.sentences.length > 0) sentences[rng.int(sentences.length)] = rng.pick(own.sentences);
      this.template = { sentences, title: rng.chance(0.5) ? copiedFrom.title : own.title, duo: copiedFrom.duo };
    } else this.template = makeNetTemplate(rng);
    this.slots = rng.range(p.traffickingActivePhones[0], p.traffickingActivePhones[1]);
    const [lifeMin, lifeMax] = p.burnerLifeDays;
    for (let s = 0; s < this.slots; s++) {
      let t = start - rng.next() * lifeMin * DAY_MS;
      while (t <= end) {
        const life = (lifeMin + (lifeMax - lifeMin) * rng.next()) * DAY_MS;
        const area = rng.pick(CITIES[rng.pick(this.circuit)].areaCodes);
        this.burners.push({ phone: newPhone(area), from: t, to: t + life, slot: s });
        t += life;
      }
    }
    this.habit = new ContactHabit(world, "trafficking", rng);
    this.email = rng.chance(p.emailRate.trafficking) ? makeEmail(rng.pick(GIVEN_NAMES), rng) : null;
    this.rates = makeRates(rng, 0.9);
    this.rateFormat = rng.int(8);
    this.relyOnField = rng.chance(p.phoneOnlyInFieldRate);
    this.sep = rng.pick(["\n", " ", "\n", " 💋 ", " ❤️ "]);
  }

  /** The last burner of each slot and when it stopped (donors for later reassignment). */
  lastBurners(): { phone: string; lastUse: number }[] {
    return this.burners.filter((b) => b.to > this.end).map((b) => ({ phone: b.phone, lastUse: this.end }));
  }

  private buildCrews(): Crew[] {
    const rng = this.rng;
    const p = this.world.params;
    const n = rng.range(1, p.traffickingCrewsMax);
    const [smin, smax] = p.circuitStopDays;
    const crews: Crew[] = [];
    for (let c = 0; c < n; c++) {
      const ends: number[] = [];
      const cities: number[] = [];
      let pos = rng.int(this.circuit.length);
      let t = this.start;
      while (t <= this.end) {
        t += (smin + (smax - smin) * rng.next()) * DAY_MS;
        ends.push(t);
        cities.push(this.circuit[pos]);
        pos = (pos + 1) % this.circuit.length;
      }
      const workers: Worker[] = [];
      const wn = rng.range(2, 5);
      const span = this.end - this.start;
      for (let w = 0; w < wn; w++) {
        const len = span * (0.3 + 0.7 * rng.next());
        const from = w === 0 ? this.start : this.start + (span - len) * rng.next();
        workers.push({
          from,
          to: w === 0 ? this.end + 1 : from + len,
          name: rng.pick(GIVEN_NAMES),
          age: String(rng.chance(0.75) ? rng.range(18, 21) : rng.range(22, 26)),
          eth: rng.pick(ETHNICITIES),
          meas: measurements(rng),
          height: height(rng),
          photos: photoSet(p.seed, 0x50000000 + this.index * 1024 + c * 16 + w, rng.range(2, 5)),
        });
      }
      crews.push({ ends, cities, workers });
    }
    return crews;
  }

  private worker(crew: Crew, t: number, rng: Rng, not?: Worker): Worker {
    for (let tries = 0; tries < 6; tries++) {
      const w = crew.workers[rng.int(crew.workers.length)];
      if (w.from <= t && t < w.to && w !== not) return w;
    }
    return crew.workers[0] === not ? crew.workers[crew.workers.length - 1] : crew.workers[0];
  }

  private phoneAt(t: number, slot: number, rng: Rng): string {
    let any: Burner | null = null;
    let preferred: Burner | null = null;
    let count = 0;
    for (const b of this.burners) {
      if (b.from <= t && t < b.to) {
        if (b.slot === slot) preferred = b;
        count++;
        if (rng.int(count) === 0) any = b;
      }
    }
    const chosen = preferred !== null && rng.chance(0.7) ? preferred : (any ?? preferred);
    return (chosen ?? this.burners[this.burners.length - 1]).phone;
  }

  compose(t: number, rng: Rng): Draft {
    if (this.crews === null) this.crews = this.buildCrews();
    const w = this.world;
    const ci = rng.int(this.crews.length);
    const crew = this.crews[ci];
    let city: number;
    if (this.inEvent && t >= w.eventStart && t < w.eventEnd) city = w.eventCity;
    else {
      let lo = 0;
      let hi = crew.ends.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (crew.ends[mid] > t) hi = mid;
        else lo = mid + 1;
      }
      city = crew.cities[lo];
    }
    const a = this.worker(crew, t, rng);
    const phone = this.phoneAt(t, ci % this.slots, rng);
    const phoneInText = !rng.chance(this.relyOnField ? 0.9 : 0.03);
    const c = CITIES[city];
    const slots: Record<string, string> = {
      name: a.name,
      age: a.age,
      eth: a.eth,
      meas: a.meas,
      height: a.height,
      city: c.name,
      spot: rng.pick(c.spots),
      phone: phoneInText ? this.habit.phone(phone, w, rng) : rng.pick(["on the site", "see contact", "text me", "in profile"]),
    };
    const parts = this.template.sentences.map((b) => fillSlots(b, slots));
    if (rng.chance(w.params.multiPersonRate)) {
      const b2 = this.worker(crew, t, rng, a);
      slots.name2 = a.name;
      slots.age2 = a.age;
      slots.name3 = b2.name;
      slots.age3 = b2.age;
      parts.splice(1, 0, fillSlots(this.template.duo, slots));
    }
    if (rng.chance(0.15)) swapAdjacent(parts, rng);
    if (rng.chance(0.1)) dropOne(parts, rng, 3);
    parts.splice(parts.length - 1, 0, formatRates(this.rates, this.rateFormat, "en"));
    if (rng.chance(0.4)) parts.splice(parts.length - 1, 0, availability(t, "en", rng));
    if (rng.chance(0.4)) parts.splice(rng.int(parts.length), 0, rng.pick(COMMON_PHRASES_EN));
    let email: string | null = null;
    if (this.email !== null && rng.chance(0.5)) {
      email = this.email;
      parts.push(this.habit.email(this.email));
    }
    const images = rng.chance(w.params.imageRate.trafficking)
      ? pickImages(a.photos, w, rng)
      : undefined;
    return { title: fillSlots(this.template.title, slots), body: parts.join(this.sep), city, phone, phoneInText, email, images };
  }

  release(): void {
    this.crews = null;
  }
}

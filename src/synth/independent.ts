/**
 * An independent advertiser: her own voice, re-posted many times with small edits; one phone for long
 * stretches (sometimes a new one); one home city, sometimes a second.
 */
import type { ImageRef } from "../domain/ad.js";
import type { AuthorKind } from "../domain/truth.js";
import type { Rng } from "./rng.js";
import { logNormal } from "./rng.js";
import type { Bound, Template } from "./template.js";
import { bindTemplate, compileAll, fillSlots } from "./template.js";
import type { Author, Draft, World } from "./world.js";
import { ContactHabit, DAY_MS, pickImages, photoSet, smallCount } from "./world.js";
import type { Lang, Rates } from "./details.js";
import { ageLine, availability, bumpRates, dateRange, formatRates, height, makeRates, measurements, rateFormatCount, weight } from "./details.js";
import { dropOne, swapAdjacent, swapSynonym, typo } from "./edits.js";
import { makeEmail } from "./email.js";
import { COMMON_PHRASES_EN, IND_ROLES_EN, POOLS_EN, TITLE_PATTERNS_EN } from "./vocab/en.js";
import { COMMON_PHRASES_FR, IND_ROLES_FR, POOLS_FR, TITLE_PATTERNS_FR } from "./vocab/fr.js";
import { ETHNICITIES, ETHNICITIES_FR, FRENCH_NAMES, GIVEN_NAMES, HAIR } from "./vocab/names.js";
import { CITIES, nearbyCities } from "./vocab/places.js";

interface LangBank {
  pools: Readonly<Record<string, readonly string[]>>;
  roles: Readonly<Record<string, Template[]>>;
  titles: Template[];
  common: readonly string[];
}

function bank(
  pools: Readonly<Record<string, readonly string[]>>,
  roles: Readonly<Record<string, readonly string[]>>,
  titles: readonly string[],
  common: readonly string[],
): LangBank {
  const r: Record<string, Template[]> = {};
  for (const [k, v] of Object.entries(roles)) r[k] = compileAll(v);
  return { pools, roles: r, titles: compileAll(titles), common };
}

export const BANKS: Readonly<Record<Lang, LangBank>> = {
  en: bank(POOLS_EN, IND_ROLES_EN, TITLE_PATTERNS_EN, COMMON_PHRASES_EN),
  fr: bank(POOLS_FR, IND_ROLES_FR, TITLE_PATTERNS_FR, COMMON_PHRASES_FR),
};

/** Role, chance the voice has it, how many patterns. */
const ROLE_PLAN: readonly (readonly [string, number, number])[] = [
  ["greet", 0.7, 1],
  ["intro", 1, 1],
  ["looks", 0.8, 1],
  ["personality", 0.75, 2],
  ["offer", 0.9, 2],
  ["rules", 0.5, 1],
  ["close", 0.8, 1],
];

const CONTACT_EN = ["Text me at {p}", "Call or text {p}", "📱 {p}", "Txt {p}", "Contact: {p}", "{p} (text only)", "Text {p} to book", "☎️ {p}"];
const CONTACT_FR = ["Texte-moi au {p}", "Appelle ou texte {p}", "📱 {p}", "Tél: {p}", "{p} (texto seulement)"];
const EMAIL_LINE = ["Email: {e}", "📧 {e}", "or email {e}", "E-mail {e}"];
const NEW_NUMBER_EN = ["NEW NUMBER!!", "New number!", "** NEW # **", "Please note my new number"];
const NEW_NUMBER_FR = ["NOUVEAU NUMÉRO!!", "Nouveau numéro!"];
const SEPARATORS = ["\n", " ", "\n\n", " ", "\n", " • ", " ~ "];

interface Voice {
  sentences: string[];
  titles: Bound[];
  photos: ImageRef[];
}

export interface IndependentPlan {
  n: number;
  start: number;
  end: number;
}

export class Independent implements Author {
  readonly kind: AuthorKind = "independent";
  readonly sources: readonly number[];
  readonly lang: Lang;
  readonly home: number;
  readonly second: number;
  /** Phones in order of use; `switchAt[i]` is when phones[i + 1] takes over. Empty when she has none. */
  readonly phones: string[] = [];
  readonly switchAt: number[] = [];
  readonly start: number;
  readonly end: number;
  private readonly name: string;
  private readonly age: number;
  private readonly email: string | null;
  private readonly habit: ContactHabit;
  private readonly sep: string;
  private readonly contactFirst: boolean;
  private readonly statsLine: number;
  private readonly rateFormat: number;
  private readonly relyOnField: boolean;
  private readonly photos: number;
  private rates: Rates;
  private ratesText = "";
  private voice: Voice | null = null;
  private lastPhoneIdx = 0;

  constructor(
    readonly index: number,
    readonly networkId: string,
    private readonly world: World,
    readonly rng: Rng,
    plan: IndependentPlan,
    newPhone: (areaCode: string) => string,
  ) {
    const p = world.params;
    this.start = plan.start;
    this.end = plan.end;
    this.home = world.cityTable.pick(rng);
    const c = CITIES[this.home];
    this.lang = c.region === "QC" && rng.chance(p.frenchShareQuebec) ? "fr" : "en";
    if (rng.chance(p.independentSecondCityRate)) {
      const near = nearbyCities(this.home);
      this.second = near.length > 0 && rng.chance(0.7) ? rng.pick(near) : world.cityTable.pick(rng);
      if (this.second === this.home) this.second = -1;
    } else this.second = -1;
    const primary = world.sourceTable.pick(rng);
    const other = rng.chance(0.35) ? world.otherSource(primary, rng) : -1;
    this.sources = other >= 0 ? [primary, other] : [primary];
    this.name = rng.pick(this.lang === "fr" && rng.chance(0.7) ? FRENCH_NAMES : GIVEN_NAMES);
    this.age = Math.min(45, 19 + Math.floor(Math.abs(rng.normal()) * 7));
    if (!rng.chance(p.noPhoneRate)) {
      const area = rng.chance(0.85) ? rng.pick(c.areaCodes) : rng.pick(CITIES[world.cityTable.pick(rng)].areaCodes);
      this.phones.push(newPhone(area));
      if (plan.n >= 3 && rng.chance(p.independentPhoneChangeRate)) {
        const changes = rng.chance(0.2) ? 2 : 1;
        for (let i = 0; i < changes; i++) {
          this.phones.push(newPhone(rng.chance(0.8) ? area : rng.pick(c.areaCodes)));
          this.switchAt.push(plan.start + (plan.end - plan.start) * rng.next());
        }
        this.switchAt.sort((a, b) => a - b);
      }
    }
    this.email = rng.chance(p.emailRate.independent) || this.phones.length === 0 ? makeEmail(this.name, rng) : null;
    this.habit = new ContactHabit(world, "independent", rng);
    this.sep = rng.pick(SEPARATORS);
    this.contactFirst = rng.chance(0.2);
    this.statsLine = rng.chance(0.45) ? rng.int(4) : -1;
    this.rateFormat = rng.int(rateFormatCount(this.lang));
    this.relyOnField = rng.chance(p.phoneOnlyInFieldRate);
    this.photos = rng.range(2, 8);
    this.rates = makeRates(rng, rng.chance(0.2) ? 1.3 : 1);
  }

  private buildVoice(): Voice {
    const rng = this.rng;
    const b = BANKS[this.lang];
    const c = CITIES[this.home];
    const slots: Record<string, string> = {
      name: this.name,
      age: String(this.age),
      eth: rng.pick(this.lang === "fr" ? ETHNICITIES_FR : ETHNICITIES),
      hair: rng.pick(HAIR),
      meas: measurements(rng),
      height: height(rng),
      weight: weight(rng),
      city: this.lang === "fr" ? c.nameFr : c.name,
      spot: rng.pick(c.spots),
    };
    const sentences: string[] = [];
    for (const [role, chance, max] of ROLE_PLAN) {
      if (!rng.chance(chance)) continue;
      const k = rng.range(1, max);
      for (let i = 0; i < k; i++) sentences.push(fillSlots(bindTemplate(rng.pick(b.roles[role]), rng, b.pools), slots));
    }
    if (this.statsLine >= 0) sentences.splice(Math.min(2, sentences.length), 0, `${ageLine(this.age, this.statsLine)} | ${slots.meas} | ${slots.height}`);
    const own = smallCount(0.8, rng);
    for (let i = 0; i < own; i++) sentences.splice(rng.int(sentences.length + 1), 0, rng.pick(b.common));
    const titles: Bound[] = [];
    const nt = rng.range(1, 3);
    for (let i = 0; i < nt; i++) titles.push(bindTemplate(rng.pick(b.titles), rng, b.pools));
    this.titleSlots = slots;
    // flatten the concatenated (rope) strings once, not on every re-post's join
    return { sentences, titles, photos: photoSet(this.world.params.seed, this.index, this.photos) };
  }

  private titleSlots: Record<string, string> = {};

  private cityAt(t: number): number {
    if (this.second < 0) return this.home;
    // whole weeks in the second city, decided by a hash of the week so that tours are contiguous
    const week = Math.floor(t / (7 * DAY_MS));
    const h = Math.imul(week ^ (this.index * 0x9e3779b1), 0x85ebca6b) >>> 0;
    return (h % 1000) / 1000 < this.world.params.secondCityWeekShare ? this.second : this.home;
  }

  compose(t: number, rng: Rng): Draft {
    const p = this.world.params;
    if (this.voice === null) this.voice = this.buildVoice();
    const voice = this.voice;
    const lang = this.lang;
    const b = BANKS[lang];
    const e = p.repostEdits;
    const s = voice.sentences.slice();
    if (rng.chance(e.synonym) && s.length > 0) {
      const i = rng.int(s.length);
      s[i] = swapSynonym(s[i], lang, rng);
    }
    if (rng.chance(e.reorder)) swapAdjacent(s, rng);
    if (rng.chance(e.drop)) dropOne(s, rng, 3);
    if (rng.chance(e.typo) && s.length > 0) {
      const i = rng.int(s.length);
      s[i] = typo(s[i], rng);
    }
    if (rng.chance(e.addPhrase)) s.splice(rng.int(s.length + 1), 0, rng.pick(b.common));
    if (rng.chance(p.independentDriftRate)) {
      // one of today's edits sticks: later ads start from the edited text
      voice.sentences = s.slice();
    }
    const extra = smallCount(p.commonPhrasesMean * 0.5, rng);
    for (let i = 0; i < extra; i++) s.splice(rng.int(s.length + 1), 0, rng.pick(b.common));

    if (rng.chance(e.rateChange) || this.ratesText === "") {
      if (this.ratesText !== "") this.rates = bumpRates(this.rates, rng);
      this.ratesText = formatRates(this.rates, this.rateFormat, lang);
    }
    s.splice(Math.min(s.length, 3 + rng.int(2)), 0, this.ratesText);
    if (rng.chance(0.6)) s.splice(rng.int(s.length + 1), 0, availability(t, lang, rng));

    const city = this.cityAt(t);
    const cityName = lang === "fr" ? CITIES[city].nameFr : CITIES[city].name;
    if (city !== this.home) {
      const tour = lang === "fr" ? `De passage à ${cityName} ${dateRange(t, lang, rng)}!` : `Visiting ${cityName} ${dateRange(t, lang, rng)}!`;
      s.unshift(tour);
    }

    let phone: string | null = null;
    let phoneInText = false;
    if (this.phones.length > 0) {
      let idx = 0;
      while (idx < this.switchAt.length && t >= this.switchAt[idx]) idx++;
      phone = this.phones[idx];
      phoneInText = !rng.chance(this.relyOnField ? 0.9 : 0.03);
      const contact: string[] = [];
      if (idx > this.lastPhoneIdx) {
        if (rng.chance(p.newNumberNoticeRate)) {
          contact.push(rng.pick(lang === "fr" ? NEW_NUMBER_FR : NEW_NUMBER_EN));
          if (rng.chance(p.oldNumberMentionRate)) contact.push(`(old number ${this.phones[idx - 1]} no longer works)`);
        }
        this.lastPhoneIdx = idx;
      }
      if (phoneInText) {
        contact.push(rng.pick(lang === "fr" ? CONTACT_FR : CONTACT_EN).replace("{p}", this.habit.phone(phone, this.world, rng)));
      }
      if (contact.length > 0) {
        if (this.contactFirst) s.unshift(contact.join(" "));
        else s.push(contact.join(" "));
      }
    }
    let email: string | null = null;
    if (this.email !== null && (phone === null || rng.chance(0.6))) {
      email = this.email;
      s.push(rng.pick(EMAIL_LINE).replace("{e}", this.habit.email(this.email)));
    }

    const slots = this.titleSlots;
    slots.city = cityName;
    slots.spot = rng.pick(CITIES[city].spots);
    let title = fillSlots(rng.pick(voice.titles), slots);
    if (rng.chance(e.typo * 0.3)) title = typo(title, rng);

    const images = rng.chance(p.imageRate.independent) ? pickImages(voice.photos, this.world, rng) : undefined;
    let body = s[0] ?? "";
    for (let i = 1; i < s.length; i++) body += this.sep + s[i];
    return { title, body, city, phone, phoneInText, email, images };
  }

  release(): void {
    this.voice = null;
    this.titleSlots = {};
  }
}

/** Days between re-posts → span of an author's activity. */
export function independentSpan(n: number, world: World, rng: Rng): number {
  if (n <= 1) return 0;
  const gap = logNormal(rng, world.params.independentRepostGapDays, 1) * DAY_MS;
  return Math.min(world.params.days * DAY_MS, gap * (n - 1));
}

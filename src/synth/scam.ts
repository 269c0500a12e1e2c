/**
 * A scam poster: near-identical text flooded across many cities in a short burst, with a different contact
 * (fresh phone or e-mail) in every ad; photos sometimes lifted from a real advertiser.
 */
import type { ImageRef } from "../domain/ad.js";
import type { AuthorKind } from "../domain/truth.js";
import type { Rng } from "./rng.js";
import type { Bound } from "./template.js";
import { bindTemplate, compileAll, fillSlots } from "./template.js";
import type { Author, Draft, World } from "./world.js";
import { ContactHabit, pickImages, photoSet } from "./world.js";
import { typo } from "./edits.js";
import { makeEmail } from "./email.js";
import { POOLS_EN, TITLE_PATTERNS_EN } from "./vocab/en.js";
import { SCAM_TEMPLATES } from "./vocab/operators.js";
import { ETHNICITIES, GIVEN_NAMES } from "./vocab/names.js";
import { CITIES } from "./vocab/places.js";

const TEMPLATES = compileAll(SCAM_TEMPLATES);
const TITLES = compileAll(TITLE_PATTERNS_EN);

export class ScamPoster implements Author {
  readonly kind: AuthorKind = "scam";
  readonly sources: readonly number[];
  private readonly text: Bound;
  private readonly title: Bound;
  private readonly names: string[];
  private readonly eth: string;
  private readonly habit: ContactHabit;
  private readonly photos: ImageRef[];

  constructor(
    readonly index: number,
    readonly networkId: string,
    private readonly world: World,
    readonly rng: Rng,
    private readonly newPhone: (areaCode: string) => string,
  ) {
    const primary = world.sourceTable.pick(rng);
    const others: number[] = [primary];
    for (let s = 0; s < world.params.sources.length; s++) if (s !== primary && rng.chance(0.6)) others.push(s);
    this.sources = others;
    this.text = bindTemplate(rng.pick(TEMPLATES), rng, POOLS_EN);
    this.title = bindTemplate(rng.pick(TITLES), rng, POOLS_EN);
    this.names = [rng.pick(GIVEN_NAMES), rng.pick(GIVEN_NAMES), rng.pick(GIVEN_NAMES)];
    this.eth = rng.pick(ETHNICITIES);
    this.habit = new ContactHabit(world, "scam", rng);
    const donors = world.photoDonors;
    if (donors.length > 0 && rng.chance(world.params.scamStolenImageRate)) {
      // the donor's own first photos, re-derived from her owner id
      this.photos = photoSet(world.params.seed, rng.pick(donors), 2);
    } else this.photos = photoSet(world.params.seed, 0x60000000 + index, rng.range(3, 6));
  }

  compose(t: number, rng: Rng): Draft {
    const w = this.world;
    const city = w.cityTable.pick(rng);
    const useEmail = rng.chance(w.params.scamEmailContactRate);
    const name = rng.chance(0.8) ? this.names[0] : rng.pick(this.names);
    let phone: string | null = null;
    let email: string | null = null;
    let contact: string;
    if (useEmail) {
      email = makeEmail(rng.pick(GIVEN_NAMES), rng);
      contact = this.habit.email(email);
    } else {
      phone = this.newPhone(rng.pick(CITIES[w.cityTable.pick(rng)].areaCodes));
      contact = this.habit.phone(phone, w, rng);
    }
    const slots: Record<string, string> = {
      name,
      age: String(rng.range(19, 24)),
      city: CITIES[city].name,
      eth: this.eth,
      spot: rng.pick(CITIES[city].spots),
      contact,
    };
    let body = fillSlots(this.text, slots);
    if (rng.chance(0.15)) body = typo(body, rng);
    const images = rng.chance(w.params.imageRate.scam) ? pickImages(this.photos, w, rng) : undefined;
    return { title: fillSlots(this.title, slots), body, city, phone, phoneInText: true, email, images };
  }

  release(): void {}
}

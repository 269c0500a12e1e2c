/**
 * The corpus stream: plans authors, then replays their posts in time order through a heap, so ad ids grow
 * with time on each site (as real sites number them) and say nothing about who wrote the ad.
 *
 * @example
 * for (const { ad, truth } of generateCorpus({ ads: 1000, seed: 7 })) console.log(ad.id, truth.network_id);
 */
import type { AdInput } from "../domain/ad.js";
import type { TruthRow } from "../domain/truth.js";
import type { SynthParams } from "./params.js";
import { resolveSynthParams } from "./params.js";
import { createRng, deriveSeed } from "./rng.js";
import type { Bound } from "./template.js";
import { bindTemplate, compile, fillSlots } from "./template.js";
import { formatPhoneField, randomLocalNumber } from "./phone.js";
import { TimeHeap } from "./heap.js";
import { planCorpus } from "./plan.js";
import type { Draft } from "./world.js";
import { CITIES } from "./vocab/places.js";
import { POOLS_EN } from "./vocab/en.js";

export interface CorpusRecord {
  ad: AdInput;
  truth: TruthRow;
}

const TWO: readonly string[] = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
let cachedDay = -1;
let cachedDayStr = "";

/** "2024-06-03T14:05:09Z"; the date part is cached because times arrive in order. */
function isoSeconds(t: number): string {
  const s = Math.floor(t / 1000);
  const day = Math.floor(s / 86400);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayStr = new Date(day * 86_400_000).toISOString().slice(0, 11);
  }
  const r = s - day * 86400;
  return cachedDayStr + TWO[Math.floor(r / 3600)] + ":" + TWO[Math.floor(r / 60) % 60] + ":" + TWO[r % 60] + "Z";
}

/**
 * Streams `params.ads` ads with their ground truth. Deterministic: the same params give byte-identical
 * records. Memory is O(authors), never O(ads).
 */
export function* generateCorpus(
  overrides: Partial<SynthParams> & { ads: number; seed: number },
): Generator<CorpusRecord, void, undefined> {
  const params = resolveSynthParams(overrides);
  const plan = planCorpus(params);
  const { authors, episodes } = plan;
  const siteRng = createRng(deriveSeed(params.seed, 2));
  const local = randomLocalNumber(siteRng);
  const hotline = `1-844-${local.slice(0, 3)}-${local.slice(3)}`;
  const chrome: Bound[][] = params.sources.map((s) => s.chrome.map((c) => bindTemplate(compile(c), siteRng, POOLS_EN)));
  const counters = new Int32Array(params.sources.length);
  const live = new Int32Array(authors.length);
  for (const ep of episodes) if (ep.n > 0) live[ep.author]++;

  const heap = new TimeHeap(episodes.length);
  const remaining = new Int32Array(episodes.length);
  const u = new Float64Array(episodes.length);
  const pending = new Map<number, { draft: Draft; source: number }>();

  // next post time of an episode: sequential uniform order statistics, so times come sorted without storing them
  const nextTime = (e: number): number => {
    const ep = episodes[e];
    const m = remaining[e];
    u[e] = 1 - (1 - u[e]) * Math.pow(authors[ep.author].rng.next(), 1 / m);
    return ep.start + (ep.end - ep.start) * u[e];
  };
  for (let e = 0; e < episodes.length; e++) {
    remaining[e] = episodes[e].n;
    if (remaining[e] > 0) heap.push(nextTime(e), e);
  }

  while (heap.size > 0) {
    const t = heap.peekTime();
    const e = heap.pop();
    const ep = episodes[e];
    const author = authors[ep.author];
    const rng = author.rng;
    let draft: Draft;
    let source: number;
    const dup = pending.get(e);
    if (dup) {
      pending.delete(e);
      draft = dup.draft;
      source = dup.source;
    } else {
      draft = author.compose(t, rng);
      const srcs = author.sources;
      source = srcs.length === 1 || rng.chance(0.8) ? srcs[0] : srcs[1 + rng.int(srcs.length - 1)];
    }
    remaining[e]--;

    const spec = params.sources[source];
    const seq = ++counters[source];
    const city = CITIES[draft.city];
    const ad: AdInput = {
      id: `${spec.name}-${String(seq).padStart(7, "0")}`,
      source: spec.name,
      url: `https://${spec.domain}/${city.slug}/${seq}`,
      posted_at: isoSeconds(t),
      title: draft.title,
      body: draft.body,
      city: spec.cityStyle === "slug" ? city.slug : spec.cityStyle === "french" ? city.nameFr : city.name,
    };
    if (!siteRng.chance(spec.regionMissingRate)) ad.region = city.region;
    if (siteRng.chance(spec.chromeRate) && chrome[source].length > 0) {
      const c = chrome[source][siteRng.int(chrome[source].length)];
      ad.body += (siteRng.chance(0.7) ? "\n\n" : " ") + fillSlots(c, { seq: String(seq), hotline });
    }
    if (draft.phone !== null && (!draft.phoneInText || siteRng.chance(spec.phoneFieldRate))) {
      ad.phone = formatPhoneField(draft.phone, spec.fieldFormat);
    }
    if (draft.email !== null && siteRng.chance(0.4)) ad.email = draft.email;
    if (draft.images !== undefined) ad.images = draft.images;

    if (remaining[e] > 0) {
      if (!dup && author.sources.length > 1 && rng.chance(params.crossPostRate)) {
        // the same text goes to another site a few minutes later
        const other = author.sources[source === author.sources[0] ? 1 : 0];
        pending.set(e, { draft, source: other });
        const t2 = Math.min(ep.end, t + (5 + rng.int(115)) * 60_000);
        u[e] = ep.end > ep.start ? (t2 - ep.start) / (ep.end - ep.start) : 1;
        heap.push(Math.max(t, t2), e);
      } else heap.push(nextTime(e), e);
    } else if (--live[ep.author] === 0) author.release();

    yield { ad, truth: { ad_id: ad.id, network_id: author.networkId, kind: author.kind } };
  }
}

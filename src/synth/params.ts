/**
 * Every knob of the synthetic corpus, with defaults chosen to look like real Canadian escort-ad data.
 * `docs/synthetic-corpus.md` explains each one; keep the two in step.
 */
import type { AuthorKind } from "../domain/truth.js";
import type { FieldFormat, OBFUSCATED_PHONE_STYLES } from "./phone.js";

export type PerKind<T> = Record<AuthorKind, T>;

/** One advertising site: its share of ads, its boilerplate ("chrome") and how it renders fields. */
export interface SourceSpec {
  name: string;
  /** Host used in ad URLs (reserved `.example` names). */
  domain: string;
  /** Relative share of authors whose main site this is. */
  weight: number;
  /** Share of this site's ads that carry its boilerplate. */
  chromeRate: number;
  /** Boilerplate variants; slots: `{$seq}` (ad number), `{$hotline}` (a corpus-wide toll-free number). */
  chrome: readonly string[];
  /** Share of ads whose contact field is filled (forced when the text has no phone). */
  phoneFieldRate: number;
  fieldFormat: FieldFormat;
  /** How the city field is written: "plain" (Montreal), "french" (Montréal), "slug" (montreal). */
  cityStyle: "plain" | "french" | "slug";
  /** Share of ads with no region field. */
  regionMissingRate: number;
}

/** A planted surge of trafficking-like activity in one city (e.g. a Grand Prix weekend). */
export interface EventSpec {
  name: string;
  /** City display name (see vocab/places.ts). */
  city: string;
  /** First day, ISO date. */
  start: string;
  days: number;
  /** Share of trafficking networks that send a crew. */
  networkShare: number;
  /** Share of a participating network's ads posted in the event city during the event. */
  adShare: number;
}

/** How often an independent advertiser applies each edit when she re-posts. */
export interface RepostEdits {
  synonym: number;
  reorder: number;
  drop: number;
  addPhrase: number;
  typo: number;
  rateChange: number;
}

export type ObfuscatedPhoneStyle = (typeof OBFUSCATED_PHONE_STYLES)[number];

export interface SynthParams {
  /** Number of ads to emit. */
  ads: number;
  /** PRNG seed (32-bit); same seed and params → byte-identical corpus. */
  seed: number;
  /** First instant of the posting window (ISO). */
  start: string;
  /** Length of the posting window in days. */
  days: number;
  /** Share of ads written by each kind of author. */
  kindShare: PerKind<number>;
  sources: readonly SourceSpec[];
  /** Chance that a post is immediately cross-posted to the author's second site (same text). */
  crossPostRate: number;

  /** Independent ad counts follow P(n) ∝ n^-exponent. */
  independentSizeExponent: number;
  /** Largest independent author (also capped at 2% of the independent budget). */
  independentMaxAds: number;
  /** Median days between an independent's re-posts (log-normal, sigma 1). */
  independentRepostGapDays: number;
  /** Chance an independent with ≥ 3 ads changes phone number (once; 20% of those twice). */
  independentPhoneChangeRate: number;
  /** Chance an ad right after a number change says "NEW NUMBER". */
  newNumberNoticeRate: number;
  /** Chance such an ad also spells out the old number. */
  oldNumberMentionRate: number;
  /** Chance an independent also works a second city. */
  independentSecondCityRate: number;
  /** Share of weeks such an author spends in her second city. */
  secondCityWeekShare: number;
  /** Chance, per re-post, that one edit becomes permanent (the ad drifts over time). */
  independentDriftRate: number;
  repostEdits: RepostEdits;
  /** Mean number of common, author-neutral phrases per ad. */
  commonPhrasesMean: number;
  /** Share of Quebec independents who write in French. */
  frenchShareQuebec: number;

  /** agencies ≈ round(√(agency ads) / agencyScale), at least 1. */
  agencyScale: number;
  /** Profiles (girls) per 100 agency ads, plus two. */
  agencyProfilesPer100Ads: number;
  /** Chance an agency changes its switchboard number once. */
  agencyPhoneChangeRate: number;

  /** networks ≈ ceil((trafficking ads)^0.6 / traffickingScale). */
  traffickingScale: number;
  /** Phones in simultaneous use per network [min, max]. */
  traffickingActivePhones: readonly [number, number];
  /** Life of one burner phone in days [min, max]. */
  burnerLifeDays: readonly [number, number];
  /** Days per circuit stop [min, max]. */
  circuitStopDays: readonly [number, number];
  /** Crews per network travel the circuit independently [1, max]. */
  traffickingCrewsMax: number;
  /** Share of network ads that present two people. */
  multiPersonRate: number;
  /** Share of networks that copy another (unrelated) network's template, with their own slots and phones. */
  templateCopyRate: number;

  /** scam posters ≈ ceil((scam ads)^0.6 / scamScale). */
  scamScale: number;
  /** Share of scam ads whose per-ad contact is an e-mail instead of a phone. */
  scamEmailContactRate: number;
  /** Chance a scam poster uses photos lifted from an independent advertiser. */
  scamStolenImageRate: number;

  /** Share of authors who rely on the site's contact field (their text usually has no phone). */
  phoneOnlyInFieldRate: number;
  /** Share of independents with no phone at all (e-mail or site messaging only). */
  noPhoneRate: number;
  /** Per-kind share of ads whose in-text phone is obfuscated (the rest use plain formats). */
  obfuscatedPhoneRate: PerKind<number>;
  /** Relative weights of the obfuscation styles. */
  obfuscatedStyleWeights: Record<ObfuscatedPhoneStyle, number>;
  /** Per-kind share of authors who give an e-mail. */
  emailRate: PerKind<number>;
  /** Share of in-text e-mails written in a disguised form. */
  emailObfuscationRate: number;
  /** Per-kind share of ads with images. */
  imageRate: PerKind<number>;
  /** Share of images re-encoded (new sha256, phash a few bits away). */
  imageReencodeRate: number;

  /** Share of later-starting authors who get a number someone else stopped using. */
  reassignedPhoneRate: number;
  /** Minimum days between the donor's last ad and the new owner's first. */
  reassignMinGapDays: number;

  /** Planted event, or null for none. */
  event: EventSpec | null;
}

export const DEFAULT_SOURCES: readonly SourceSpec[] = [
  {
    name: "siteA",
    domain: "sitea.example",
    weight: 0.45,
    chromeRate: 0.92,
    chrome: [
      "Posted via siteA. Report abuse. Must be 18+ to view this ad. Ad #{$seq}",
      "siteA | All advertisers confirm they are 18+ | Report this ad | #{$seq}",
    ],
    phoneFieldRate: 0.9,
    fieldFormat: "dashes",
    cityStyle: "plain",
    regionMissingRate: 0,
  },
  {
    name: "northclassifieds",
    domain: "northclassifieds.example",
    weight: 0.35,
    chromeRate: 0.8,
    chrome: [
      "— NorthClassifieds • Adults 18+ only • Trafficking is a crime: if you or someone you know needs help, call {$hotline} • Ref {$seq}",
    ],
    phoneFieldRate: 0.7,
    fieldFormat: "digits",
    cityStyle: "french",
    regionMissingRate: 0.02,
  },
  {
    name: "maplepages",
    domain: "maplepages.example",
    weight: 0.2,
    chromeRate: 0.6,
    chrome: [
      "Publié sur MaplePages / Posted on MaplePages. Signaler un abus / Report abuse. 18+",
      "MaplePages: by viewing you confirm you are 18 or older. Report abuse.",
    ],
    phoneFieldRate: 0.5,
    fieldFormat: "e164",
    cityStyle: "slug",
    regionMissingRate: 0.1,
  },
];

export const DEFAULT_SYNTH_PARAMS: SynthParams = {
  ads: 10_000,
  seed: 1,
  start: "2023-01-01T00:00:00Z",
  days: 730,
  kindShare: { independent: 0.74, agency: 0.1, trafficking: 0.08, scam: 0.08 },
  sources: DEFAULT_SOURCES,
  crossPostRate: 0.08,

  independentSizeExponent: 1.7,
  independentMaxAds: 400,
  independentRepostGapDays: 4,
  independentPhoneChangeRate: 0.2,
  newNumberNoticeRate: 0.35,
  oldNumberMentionRate: 0.1,
  independentSecondCityRate: 0.2,
  secondCityWeekShare: 0.25,
  independentDriftRate: 0.05,
  repostEdits: { synonym: 0.5, reorder: 0.25, drop: 0.15, addPhrase: 0.25, typo: 0.3, rateChange: 0.05 },
  commonPhrasesMean: 1.5,
  frenchShareQuebec: 0.55,

  agencyScale: 12,
  agencyProfilesPer100Ads: 5,
  agencyPhoneChangeRate: 0.3,

  traffickingScale: 3,
  traffickingActivePhones: [2, 4],
  burnerLifeDays: [14, 90],
  circuitStopDays: [3, 21],
  traffickingCrewsMax: 3,
  multiPersonRate: 0.15,
  templateCopyRate: 0.2,

  scamScale: 4,
  scamEmailContactRate: 0.35,
  scamStolenImageRate: 0.3,

  phoneOnlyInFieldRate: 0.15,
  noPhoneRate: 0.02,
  obfuscatedPhoneRate: { independent: 0.12, agency: 0.03, trafficking: 0.55, scam: 0.2 },
  obfuscatedStyleWeights: {
    spaced_digits: 1.5,
    words_en: 1.5,
    words_fr: 0.6,
    words_es: 0.3,
    area_words: 1,
    oh_for_zero: 1,
    letters_for_digits: 0.4,
    keycap_emoji: 1,
    math_bold: 0.7,
    fullwidth: 0.7,
    circled: 0.5,
    mixed_runs: 1,
    separators: 1.5,
    homoglyph: 0.4,
    group_mix: 0.6,
  },
  emailRate: { independent: 0.2, agency: 0.5, trafficking: 0.08, scam: 0.3 },
  emailObfuscationRate: 0.4,
  imageRate: { independent: 0.55, agency: 0.9, trafficking: 0.6, scam: 0.8 },
  imageReencodeRate: 0.15,

  reassignedPhoneRate: 0.03,
  reassignMinGapDays: 365,

  event: {
    name: "Grand Prix",
    city: "Montreal",
    start: "2024-06-03",
    days: 7,
    networkShare: 0.3,
    adShare: 0.1,
  },
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Defaults overlaid with `overrides`; nested records (kindShare, repostEdits, per-kind rates, event) merge one
 * level deep, arrays replace. Throws on nonsense (negative ads, shares that sum to zero).
 */
export function resolveSynthParams(overrides: Partial<SynthParams> & { ads: number; seed: number }): SynthParams {
  const out: Record<string, unknown> = { ...DEFAULT_SYNTH_PARAMS };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) continue;
    const base = out[k];
    out[k] = isPlainObject(base) && isPlainObject(v) ? { ...base, ...v } : v;
  }
  const p = out as unknown as SynthParams;
  if (!Number.isInteger(p.ads) || p.ads < 0) throw new Error(`synth: ads must be a non-negative integer, got ${p.ads}`);
  if (!Number.isFinite(p.seed)) throw new Error("synth: seed must be a number");
  if (!(p.days > 0)) throw new Error("synth: days must be positive");
  if (Number.isNaN(Date.parse(p.start))) throw new Error(`synth: start is not an ISO date: ${p.start}`);
  const shares = Object.values(p.kindShare);
  if (shares.some((s) => s < 0) || shares.reduce((a, b) => a + b, 0) <= 0) {
    throw new Error("synth: kindShare must be non-negative and not all zero");
  }
  if (p.sources.length === 0) throw new Error("synth: at least one source is needed");
  return p;
}

/**
 * Every threshold and weight of the linking core, in one place. Defaults were chosen by measurement on synthetic
 * corpora across several seeds (see docs/linking.md, "How the parameters were chosen"); change them only with a
 * measurement.
 * @module
 */

export interface LinkConfig {
  /** Words per shingle. 3 keeps slot edits local (one changed word removes ≤ 3 shingles). */
  shingleSize: number;
  /** "oph" (one-permutation + densification, O(n + k)) or "classic" (k hash functions, O(n·k)). */
  minhash: "oph" | "classic";
  /** LSH bands × rows = signature length. The S-curve is steepest near (1/bands)^(1/rows). */
  bands: number;
  rows: number;
  /** Seed of the MinHash hash family (changing it changes band keys: re-sign everything). */
  seed: number;
  /** At most this many members (the oldest) of one LSH bucket are compared with a newcomer. */
  bucketCap: number;
  /** Exact Jaccard (on non-boilerplate shingles) at or above which a candidate pair becomes a text link. */
  textLinkJaccard: number;
  /** Each new ad keeps at most this many text links (its most similar earlier ads). */
  maxTextLinksPerAd: number;
  /** Links at or above this similarity are "text" (near-duplicate); below it, "template" (same template, slots differ). */
  nearDuplicateJaccard: number;
  /** Ads with fewer content shingles than this never get text links (too little text to judge). */
  minContentShingles: number;
  /**
   * The ad's own contact words (its e-mail, handle and url values) and spelled-out digits are slots (`#`), like
   * digits: a scam flood writes a fresh contact into every ad, often in words, and contacts are compared as
   * identifiers already. Changes shingles: re-sign everything when it changes.
   */
  contactSlots: boolean;

  boilerplate: {
    /** A shingle in at least this share of one source's ads is that source's chrome. */
    sourceShare: number;
    /** A shingle in at least this share of all ads is a common phrase (shared by unrelated advertisers). */
    globalShare: number;
    /** Nothing is boilerplate below this many ads (small corpora, small sources). */
    minAds: number;
    /** The learned set is refreshed (and affected signatures rebuilt) when the corpus or a source has grown by this factor. */
    refreshGrowth: number;
    /** Share of ads (chosen by a hash of the store id) whose shingles are counted. */
    sampleRate: number;
    /** log2 of the count-min sketch width (2 rows). 2^21 ≈ 2 × 16 MB per sketch; a cell holds ≈ sampled shingles / width extra counts. */
    sketchWidthLog2: number;
  };

  identifiers: {
    /** An identifier (within one time segment) in more ads than this is a hub: it never joins ads by itself. */
    hubAds: number;
    /**
     * A value seen beside more than this many distinct other phones/e-mails (within one time segment) is a hub —
     * a site's own number, a shared switchboard printed next to everyone's own — and joins nothing by itself.
     */
    hubCoIdentifiers: number;
    /** Ads of one identifier further apart than this (days) are separate segments (a re-assigned number). */
    segmentGapDays: number;
    /** Base weight per identifier kind (multiplied by rarity: 1 / log2(1 + ads)). */
    kindWeight: Record<"phone" | "email" | "handle" | "url" | "image", number>;
  };

  resolve: {
    /**
     * Two identity groups (ads already joined by identifiers, or single ads) are joined by text only when their
     * best text link reaches this Jaccard.
     */
    strongTextJaccard: number;
    /**
     * An identity group with at least this many ads is "established": two established groups need a strong text
     * link; smaller groups join on any verified link, but attach to at most one established group.
     */
    establishedAds: number;
    /**
     * Backstop against percolation: a component larger than both `louvainMinSize` ads and `louvainMinShare` of
     * all ads is split into Louvain communities of its weighted evidence graph. Real networks never come close
     * (measured: Louvain on ordinary networks cuts agencies apart, pairwise F1 1.00 → 0.16), so this only
     * fires when something glued unrelated operators together.
     */
    louvainMinSize: number;
    louvainMinShare: number;
    /**
     * Re-partition components that text joined from two or more established identity groups with Louvain over
     * the group graph (operators sharing a template verbatim are bridged sparsely; one operator densely).
     */
    groupLouvain: boolean;
    /**
     * Contact collisions between text families: a small identity group (fewer than `establishedAds` ads) whose
     * ads sit in two or more established text families (ads joined by text alone, each with `establishedAds`
     * ads besides the group's) is dissolved instead of gluing the families (scam floods with a fresh contact per
     * ad; see bridges.ts).
     */
    dissolveCollisions: boolean;
    /**
     * A text family of at least `establishedAds` ads attaches to an established identity group only when its
     * text links reach at least this many distinct ads of that group: a flood whose only tie to a group is one ad
     * that a colliding contact put there stays apart.
     */
    attachSupportAds: number;
    /**
     * Between ads that have no established identity (single ads, small identity groups), a text link below
     * `strongTextJaccard` counts only when the two ads were posted at most this many days apart: a flood is a
     * burst of weeks, and template-level similarity a season apart with no shared contact is someone else's copy.
     */
    textOnlyMaxDays: number;
    /** Louvain resolution (higher = smaller communities). */
    louvainResolution: number;
    /** A new network inherits a previous id when it shares at least this share of the previous network's members (and of its own). */
    stableIdOverlap: number;
  };
}

export const DEFAULT_CONFIG: LinkConfig = {
  shingleSize: 3,
  minhash: "oph",
  bands: 16,
  rows: 4,
  seed: 1,
  bucketCap: 32,
  textLinkJaccard: 0.5,
  nearDuplicateJaccard: 0.85,
  maxTextLinksPerAd: 8,
  minContentShingles: 5,
  contactSlots: true,
  boilerplate: {
    sourceShare: 0.25,
    globalShare: 0.02,
    minAds: 50,
    refreshGrowth: 4,
    sampleRate: 0.25,
    sketchWidthLog2: 21,
  },
  identifiers: {
    hubAds: 60,
    hubCoIdentifiers: 12,
    segmentGapDays: 180,
    kindWeight: { phone: 1, email: 1, handle: 0.9, url: 0.7, image: 1 },
  },
  resolve: {
    strongTextJaccard: 0.7,
    establishedAds: 5,
    louvainMinSize: 5000,
    louvainMinShare: 0.05,
    louvainResolution: 1,
    groupLouvain: false,
    dissolveCollisions: true,
    attachSupportAds: 2,
    textOnlyMaxDays: 90,
    stableIdOverlap: 0.5,
  },
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? Partial<T[K]> : T[K] };
export type LinkConfigInput = DeepPartial<LinkConfig>;

/** Merge overrides into the defaults (one level deep for the grouped sections). */
export function resolveConfig(input: LinkConfigInput = {}): LinkConfig {
  const d = DEFAULT_CONFIG;
  return {
    ...d,
    ...(input as Partial<LinkConfig>),
    boilerplate: { ...d.boilerplate, ...input.boilerplate },
    identifiers: {
      ...d.identifiers,
      ...input.identifiers,
      kindWeight: { ...d.identifiers.kindWeight, ...input.identifiers?.kindWeight },
    },
    resolve: { ...d.resolve, ...input.resolve },
  };
}

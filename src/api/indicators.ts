/**
 * Indicators as the API shows them: the analyze stage's score contributions when it has run, else the cue facts
 * of the ads with the lexicon's label, evidence strength and source. Either way every indicator says why.
 */
import { CUE_LEXICON } from "../extract/cue-lexicon.js";
import type { ScoreContribution } from "../store/analysis.js";
import type { IndicatorView } from "../shared/api-types.js";

const LEXICON = new Map(CUE_LEXICON.map((c) => [c.code, c]));

/** Indicators from cue codes counted over `total` ads (one ad: total 1). */
export function cueIndicators(counts: ReadonlyMap<string, number>, total: number): IndicatorView[] {
  return [...counts]
    .map(([code, ads]) => {
      const c = LEXICON.get(code);
      const label = c?.label ?? code;
      const reason = total === 1 ? `the ad matches "${label}"` : `${ads} of ${total} ads match "${label}"`;
      return { code, label, weight: 0, reason, evidence: c?.evidence ?? "weak", source: c?.source ?? null, ads };
    })
    .sort((a, b) => b.ads - a.ads || a.code.localeCompare(b.code));
}

/** Indicators from the analyze stage's contributions to a network score, largest first. */
export function scoreIndicators(contributions: readonly ScoreContribution[], size: number): IndicatorView[] {
  return contributions
    .filter((c) => c.contribution !== 0)
    .map((c) => ({
      code: c.feature,
      label: LEXICON.get(c.feature)?.label ?? c.feature.replaceAll("_", " "),
      weight: c.contribution,
      reason: c.reason,
      evidence: LEXICON.get(c.feature)?.evidence ?? c.group,
      source: c.source || null,
      ads: size,
    }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
}

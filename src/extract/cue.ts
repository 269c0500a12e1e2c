/**
 * Indicator cues: phrases and features that published work associates (or does not) with trafficking, each
 * tagged with its code, source and strength of evidence (see `cue-lexicon.ts` and `docs/indicators.md`).
 * Three cues are derived from other facts: `obscured_phone` (an obfuscated phone), `ethnicity_stated` (an
 * ethnicity descriptor), `stated_age_under_18` and `multiple_providers`.
 *
 * @example
 * extractCues("New in town! 100% real pics").map((f) => f.value); // ["movement_language", "trustworthy_language"]
 */
import type { Fact, TextField } from "../domain/fact.js";
import { extractAges } from "./age.js";
import { CUE_LEXICON, EMOJI_MEANING } from "./cue-lexicon.js";
import type { CueEntry } from "./cue-lexicon.js";
import { extractDescriptors } from "./descriptor.js";
import { extractPhones } from "./phone.js";
import { normalizeText, originalSpan } from "./text/normalize.js";
import { runSticky, triggered } from "./text/triggers.js";

const BY_CODE = new Map(CUE_LEXICON.map((c) => [c.code, c]));

/** Lexicon patterns with their trigger family (word-anchored ones) or -1 (scanned in full). */
const SCANS = CUE_LEXICON.filter((e) => e.pattern !== null).map((entry) => {
  const pattern = entry.pattern as RegExp;
  return { entry, pattern, trig: entry.starts === undefined ? null : triggered(`cue:${entry.code}`, pattern, entry.starts) };
});

function cueFact(entry: CueEntry, field: TextField, span: [number, number], matched: string, extra = {}): Fact {
  return {
    kind: "cue",
    value: entry.code,
    field,
    span,
    confidence: entry.evidence === "weak" ? 0.5 : 0.8,
    data: {
      evidence: entry.evidence,
      direction: entry.direction,
      source: entry.source,
      matched,
      ...extra,
    },
  };
}

/**
 * Extract cues from `text`. `facts` are phone/age/descriptor facts already extracted from the same text and
 * field (extractAd passes them to avoid re-extraction); when omitted they are computed here.
 */
export function extractCues(text: string, field: TextField = "body", facts?: Fact[]): Fact[] {
  const n = normalizeText(text);
  const t = n.text;
  const out: Fact[] = [];
  for (const { entry, pattern, trig } of SCANS) {
    const found = (m: RegExpExecArray): void => {
      const extra = entry.code === "emoji_code" ? { meaning: EMOJI_MEANING[m[0]] } : {};
      out.push(cueFact(entry, field, originalSpan(n, m.index, m.index + m[0].length), m[0], extra));
    };
    if (trig !== null) {
      runSticky(trig, n, found);
      continue;
    }
    pattern.lastIndex = 0;
    for (let m = pattern.exec(t); m !== null; m = pattern.exec(t)) found(m);
  }
  const derived = facts ?? [...extractPhones(text, field), ...extractAges(text, field), ...extractDescriptors(text, field)];
  for (const f of derived) {
    if (f.field !== field) continue;
    let code: string | undefined;
    if (f.kind === "phone" && f.obfuscated === true) code = "obscured_phone";
    else if (f.kind === "descriptor" && f.value.startsWith("ethnicity:")) code = "ethnicity_stated";
    else if (f.kind === "descriptor" && f.value === "people:multiple") code = "multiple_providers";
    else if (f.kind === "age" && Number(f.value) < 18) code = "stated_age_under_18";
    if (code === undefined) continue;
    out.push(cueFact(BY_CODE.get(code) as CueEntry, field, f.span, text.slice(f.span[0], f.span[1]), { from: f.value }));
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

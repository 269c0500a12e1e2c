/** Cue codes (from the extract stage's lexicon) as bits of a per-ad mask. */
import { CUE_LEXICON } from "../extract/cue-lexicon.js";

export const CUE_CODES: readonly string[] = CUE_LEXICON.map((c) => c.code);
const BIT = new Map(CUE_CODES.map((c, i) => [c, i]));

/** The bit of a cue code, or -1 for an unknown code (a newer extractor). */
export function cueBit(code: string): number {
  return BIT.get(code) ?? -1;
}

export function hasCue(mask: number, code: string): boolean {
  const b = BIT.get(code);
  return b !== undefined && (mask & (1 << b)) !== 0;
}

/** Codes set in a mask, in lexicon order. */
export function cuesOf(mask: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < CUE_CODES.length; i++) if (mask & (1 << i)) out.push(CUE_CODES[i]);
  return out;
}

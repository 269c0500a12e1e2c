/**
 * Sticky regex runs at candidate positions: the same matches, in the same order, as a global scan of the whole
 * text, provided every match of the pattern starts at one of the candidates. Patterns run this way are registered
 * with the function that lists their candidates, and `test/extract/anchors.test.ts` checks each against a full
 * scan; each registration states why its candidates cover every match (digit anchors in `price.ts`, the "@"/"at"
 * anchors in `email.ts`, "here" in `name.ts`, WhatsApp mentions in `handle.ts`). Word-anchored patterns use the
 * word starts of `triggers.ts` instead.
 *
 * @example
 * const PRICE = anchored("price", /\$\s*\d+/g, (n) => dollarSigns(n.text));
 * runAnchored(PRICE, normalizeText("pay $ 100"), (m) => console.log(m[0])); // "$ 100"
 */
import type { NormalizedText } from "./normalize.js";

/** The sticky, non-global copy of a global pattern. */
export function stickyCopy(re: RegExp): RegExp {
  if (!re.global) throw new Error(`sticky: pattern ${re.source} must be global`);
  return new RegExp(re.source, `${re.flags.replace("g", "")}y`);
}

/**
 * Run sticky `re` at each position of `positions` (ascending), skipping positions inside the previous match, as a
 * global scan continues after each match.
 */
export function execAt(re: RegExp, text: string, positions: Iterable<number>, onMatch: (m: RegExpExecArray) => void): void {
  let from = 0;
  for (const p of positions) {
    if (p < from) continue;
    re.lastIndex = p;
    const m = re.exec(text);
    if (m === null) continue;
    onMatch(m);
    from = m.index + Math.max(1, m[0].length);
  }
}

/** A pattern run at candidate positions. */
export interface Anchored {
  name: string;
  /** The pattern as written (global), for the test that compares against a full scan. */
  global: RegExp;
  sticky: RegExp;
  /** Candidate starts in `n.text`, ascending; null when the text needs a full scan. */
  starts: (n: NormalizedText) => Iterable<number> | null;
}

const REGISTRY: Anchored[] = [];

export function anchored(name: string, re: RegExp, starts: (n: NormalizedText) => Iterable<number> | null): Anchored {
  const a = { name, global: re, sticky: stickyCopy(re), starts };
  REGISTRY.push(a);
  return a;
}

/** Every anchored pattern (for the equivalence test). */
export function anchoredPatterns(): readonly Anchored[] {
  return REGISTRY;
}

/** Run `a` over `n.text`: at its candidates, or as a global scan when it has none to offer. */
export function runAnchored(a: Anchored, n: NormalizedText, onMatch: (m: RegExpExecArray) => void): void {
  const starts = a.starts(n);
  if (starts !== null) {
    execAt(a.sticky, n.text, starts, onMatch);
    return;
  }
  const re = a.global;
  re.lastIndex = 0;
  for (let m = re.exec(n.text); m !== null; m = re.exec(n.text)) onMatch(m);
}

/** The small edits an advertiser makes when she re-posts her own ad: swaps, typos, reordering. */
import type { Rng } from "./rng.js";
import { SYNONYMS_EN } from "./vocab/en.js";
import { SYNONYMS_FR } from "./vocab/fr.js";
import type { Lang } from "./details.js";

function synonymMap(pairs: readonly (readonly [string, string])[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const [a, b] of pairs) {
    m.set(a, b);
    m.set(b, a);
  }
  return m;
}

const SYN: Readonly<Record<Lang, Map<string, string>>> = { en: synonymMap(SYNONYMS_EN), fr: synonymMap(SYNONYMS_FR) };

function wordRegex(map: Map<string, string>): RegExp {
  const words = [...map.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?<![\\p{L}])(?:${words.join("|")})(?![\\p{L}])`, "giu");
}

const SYN_RE: Readonly<Record<Lang, RegExp>> = { en: wordRegex(SYN.en), fr: wordRegex(SYN.fr) };

/** Replaces one known word of the sentence (searching from a random point) with its synonym. */
export function swapSynonym(s: string, lang: Lang, rng: Rng): string {
  const re = SYN_RE[lang];
  re.lastIndex = rng.int(s.length);
  let m = re.exec(s);
  if (m === null) {
    re.lastIndex = 0;
    m = re.exec(s);
    if (m === null) return s;
  }
  const w = m[0];
  const rep = SYN[lang].get(w.toLowerCase());
  if (rep === undefined) return s;
  const cased = w[0] !== w[0].toLowerCase() ? rep[0].toUpperCase() + rep.slice(1) : rep;
  return s.slice(0, m.index) + cased + s.slice(m.index + w.length);
}

/** One keyboard slip: a swapped, dropped or doubled letter inside a word. */
export function typo(s: string, rng: Rng): string {
  if (s.length < 6) return s;
  for (let tries = 0; tries < 4; tries++) {
    const i = rng.range(1, s.length - 3);
    const a = s.charCodeAt(i);
    const b = s.charCodeAt(i + 1);
    const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    if (!isLetter(a) || !isLetter(b)) continue;
    switch (rng.int(3)) {
      case 0:
        return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
      case 1:
        return s.slice(0, i) + s.slice(i + 1);
      default:
        return s.slice(0, i) + s[i] + s.slice(i);
    }
  }
  return s;
}

/** Swaps two adjacent sentences in place. */
export function swapAdjacent<T>(xs: T[], rng: Rng): void {
  if (xs.length < 2) return;
  const i = rng.int(xs.length - 1);
  const t = xs[i];
  xs[i] = xs[i + 1];
  xs[i + 1] = t;
}

/** Removes one element in place (keeps at least `keep`). */
export function dropOne<T>(xs: T[], rng: Rng, keep = 2): void {
  if (xs.length <= keep) return;
  xs.splice(rng.int(xs.length), 1);
}

/**
 * Which links to store. Identifier links are already stars (one per ad per value). Text and template links can
 * be dense inside a big template family (tens per ad), so each ad keeps only its `perAd` strongest: enough to
 * explain why it belongs, without storing a near-clique.
 */
import type { Link } from "../domain/link.js";

export function pruneTextLinks(links: readonly Link[], perAd: number): Link[] {
  const out: Link[] = [];
  const text: Link[] = [];
  for (const l of links) (l.kind === "text" || l.kind === "template" ? text : out).push(l);
  text.sort((x, y) => y.weight - x.weight);
  const kept = new Map<number, number>();
  for (const l of text) {
    const ka = kept.get(l.a) ?? 0;
    const kb = kept.get(l.b) ?? 0;
    if (ka >= perAd && kb >= perAd) continue;
    kept.set(l.a, ka + 1);
    kept.set(l.b, kb + 1);
    out.push(l);
  }
  return out;
}

/**
 * Thin identifier bridges between text families.
 *
 * A scam flood puts a fresh phone or e-mail in every ad: it has no identity of its own, only its text (a *text
 * family*: ads joined by text links alone). Disposable contacts collide — a free-mail name, a recycled number —
 * so one contact can turn up in one ad of each of two floods. Read as an identity, that single shared value
 * glues two families of hundreds of ads that share no text at all. The evidence is one co-occurrence against
 * two dense, mutually dissimilar families; it decides nothing.
 *
 * `collidingGroups` finds such identity groups: small (fewer than `established` ads, i.e. too few ads to be an
 * operator's own stable contact) and touching two or more *established* text families (each with at least
 * `established` ads besides the group's own). The resolver dissolves them: each of their ads goes with its own
 * text family. A small group whose ads all sit in one family, or in families too small to be operators, is kept.
 * @module
 */
import { UnionFind } from "./union-find.js";

/**
 * Identity-group roots (indexes into `group`) to dissolve.
 * @param group ad → identity-group root (ads joined by identifiers; a lone ad is its own root)
 * @param ta, tb, m text links (ad pairs) and their count; all are verified links (J ≥ the link threshold)
 * @param far links (a, b, link index) this returns true for make no family (weak and far apart in time)
 * @example
 * // ads 0–5 one flood, 6–11 another; ads 0 and 6 share a contact (group root 0):
 * collidingGroups(Int32Array.from([0,1,2,3,4,5,0,7,8,9,10,11]), 12, a, b, m, 5); // Set {0}
 */
export function collidingGroups(
  group: Int32Array,
  n: number,
  ta: ArrayLike<number>,
  tb: ArrayLike<number>,
  m: number,
  established: number,
  far: (a: number, b: number, t: number) => boolean = () => false,
): Set<number> {
  const out = new Set<number>();
  const gsize = new Int32Array(n);
  for (let d = 0; d < n; d++) gsize[group[d]]++;
  // Text families: text links between ads of small identity groups only, ignoring identifiers.
  const fam = new UnionFind(n);
  fam.ensure(n);
  let any = false;
  for (let t = 0; t < m; t++) {
    const a = ta[t];
    const b = tb[t];
    if (gsize[group[a]] >= established || gsize[group[b]] >= established || far(a, b, t)) continue;
    fam.union(a, b);
    any = true;
  }
  if (!any) return out;
  const famSize = new Int32Array(n);
  const famOf = new Int32Array(n);
  for (let d = 0; d < n; d++) famSize[(famOf[d] = fam.find(d))]++;
  // Members of multi-ad small groups, grouped by root.
  const members = new Map<number, number[]>();
  for (let d = 0; d < n; d++) {
    const g = group[d];
    if (gsize[g] < 2 || gsize[g] >= established) continue;
    let l = members.get(g);
    if (!l) members.set(g, (l = []));
    l.push(d);
  }
  const own = new Map<number, number>();
  for (const [g, ads] of members) {
    own.clear();
    for (const d of ads) own.set(famOf[d], (own.get(famOf[d]) ?? 0) + 1);
    if (own.size < 2) continue;
    let big = 0;
    for (const [f, k] of own) if (famSize[f] - k >= established) big++;
    if (big >= 2) out.add(g);
  }
  return out;
}

/**
 * Clustering quality per author kind: pairwise precision/recall/F1 and B-cubed. Ads missing from `pred` are
 * singletons. Pairs are counted among ads of the kind (both ends of that kind); B-cubed averages over its ads.
 * @module
 */

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface KindQuality {
  ads: number;
  pairwise: Prf;
  bcubed: Prf;
}

function prf(p: number, r: number): Prf {
  return { precision: p, recall: r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/**
 * @param adIds ads to score
 * @param pred ad → predicted cluster (absent = singleton)
 * @param truth ad → { cluster, kind }
 */
export function clusteringQuality(
  adIds: readonly string[],
  pred: ReadonlyMap<string, string>,
  truth: ReadonlyMap<string, { cluster: string; kind: string }>,
): Record<string, KindQuality> {
  const kinds = new Set<string>(["all"]);
  for (const a of adIds) kinds.add(truth.get(a)?.kind ?? "unknown");
  const out: Record<string, KindQuality> = {};
  const predOf = (a: string): string => pred.get(a) ?? `single:${a}`;
  // Sizes over all ads (B-cubed uses full clusters).
  const pSize = new Map<string, number>();
  const tSize = new Map<string, number>();
  const cell = new Map<string, number>();
  for (const a of adIds) {
    const p = predOf(a);
    const t = truth.get(a)?.cluster ?? `t:${a}`;
    pSize.set(p, (pSize.get(p) ?? 0) + 1);
    tSize.set(t, (tSize.get(t) ?? 0) + 1);
    const k = p + "\u0000" + t;
    cell.set(k, (cell.get(k) ?? 0) + 1);
  }
  for (const kind of kinds) {
    const ads = adIds.filter((a) => kind === "all" || (truth.get(a)?.kind ?? "unknown") === kind);
    // Pairwise within the kind.
    const kp = new Map<string, number>();
    const kt = new Map<string, number>();
    const kc = new Map<string, number>();
    let bp = 0;
    let br = 0;
    for (const a of ads) {
      const p = predOf(a);
      const t = truth.get(a)?.cluster ?? `t:${a}`;
      kp.set(p, (kp.get(p) ?? 0) + 1);
      kt.set(t, (kt.get(t) ?? 0) + 1);
      const k = p + "\u0000" + t;
      kc.set(k, (kc.get(k) ?? 0) + 1);
      const c = cell.get(k) ?? 0;
      bp += c / (pSize.get(p) ?? 1);
      br += c / (tSize.get(t) ?? 1);
    }
    const pairs = (m: Map<string, number>): number => {
      let s = 0;
      for (const v of m.values()) s += (v * (v - 1)) / 2;
      return s;
    };
    const tp = pairs(kc);
    const pp = pairs(kp);
    const tt = pairs(kt);
    out[kind] = {
      ads: ads.length,
      pairwise: prf(pp === 0 ? 1 : tp / pp, tt === 0 ? 1 : tp / tt),
      bcubed: prf(ads.length ? bp / ads.length : 1, ads.length ? br / ads.length : 1),
    };
  }
  return out;
}

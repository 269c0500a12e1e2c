/**
 * Stable network ids across runs. A new network inherits the id of the previous network with which it shares
 * the most members, when that overlap is at least `minOverlap` of the previous network's size *and* of the new
 * network's previously-known members; each previous id is inherited at most once (largest overlaps first).
 * Other networks get fresh ids `N-000123`, numbered after the largest id seen before.
 * @module
 */

export function formatNetworkId(n: number): string {
  return `N-${String(n).padStart(6, "0")}`;
}

function parseNetworkId(id: string): number {
  const m = /^N-(\d+)$/.exec(id);
  return m ? Number(m[1]) : 0;
}

/**
 * @param groups member store ids of each new network (deterministic order)
 * @param previous store id → network id from the last run
 * @returns the id of each group, in order
 * @example assignStableIds([[1, 2, 3]], new Map([[1, "N-000007"], [2, "N-000007"]]), 0.5) // ["N-000007"]
 */
export function assignStableIds(
  groups: readonly (readonly number[])[],
  previous: ReadonlyMap<number, string> | undefined,
  minOverlap: number,
): string[] {
  const ids: (string | null)[] = groups.map(() => null);
  let next = 1;
  if (previous && previous.size > 0) {
    const prevSize = new Map<string, number>();
    for (const id of previous.values()) {
      prevSize.set(id, (prevSize.get(id) ?? 0) + 1);
      next = Math.max(next, parseNetworkId(id) + 1);
    }
    const cands: { g: number; id: string; overlap: number; known: number }[] = [];
    groups.forEach((members, g) => {
      const counts = new Map<string, number>();
      let known = 0;
      for (const m of members) {
        const p = previous.get(m);
        if (p === undefined) continue;
        known++;
        counts.set(p, (counts.get(p) ?? 0) + 1);
      }
      for (const [id, overlap] of counts) cands.push({ g, id, overlap, known });
    });
    cands.sort((x, y) => y.overlap - x.overlap || (x.id < y.id ? -1 : x.id > y.id ? 1 : x.g - y.g));
    const taken = new Set<string>();
    for (const c of cands) {
      if (ids[c.g] !== null || taken.has(c.id)) continue;
      if (c.overlap < minOverlap * (prevSize.get(c.id) ?? 0) || c.overlap < minOverlap * c.known) continue;
      ids[c.g] = c.id;
      taken.add(c.id);
    }
  }
  return ids.map((id) => id ?? formatNetworkId(next++));
}

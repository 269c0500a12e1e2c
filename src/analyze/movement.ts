/**
 * Movement: a network's trail of visits (city, from, to, ads), its returns to earlier cities, and the
 * origin–destination flows between cities across networks.
 *
 * A **visit** is a maximal run of a network's ads in one city with no gap longer than `maxGapDays` between
 * consecutive ads there. Visits are ordered by their first ad; each pair of consecutive visits in different cities
 * is a transition. Defining visits per city (rather than as runs of consecutive ads) keeps two crews working two
 * cities at once from producing a zig-zag A→B→A→B trail.
 */

export interface TrailPoint {
  day: number;
  city: number;
}

export interface Visit {
  city: number;
  from: number;
  to: number;
  ads: number;
  /** This city appeared earlier in the trail (a return: part of a circuit). */
  isReturn: boolean;
}

export interface Transition {
  from: number;
  to: number;
  /** Days between leaving `from` (its last ad) and the first ad in `to`; negative when visits overlap. */
  gapDays: number;
  day: number;
}

export const DEFAULT_MAX_GAP_DAYS = 7;

/**
 * The trail of one network from its dated ads (unknown city: -1, skipped).
 *
 * @example
 * trail([{ day: 0, city: 1 }, { day: 1, city: 1 }, { day: 9, city: 2 }]); // two visits: city 1 then city 2
 */
export function trail(points: readonly TrailPoint[], maxGapDays = DEFAULT_MAX_GAP_DAYS): Visit[] {
  const pts = points.filter((p) => p.city >= 0 && Number.isFinite(p.day)).sort((a, b) => a.day - b.day);
  const open = new Map<number, Visit>();
  const visits: Visit[] = [];
  for (const p of pts) {
    const v = open.get(p.city);
    if (v && p.day - v.to <= maxGapDays) {
      v.to = p.day;
      v.ads++;
      continue;
    }
    const nv: Visit = { city: p.city, from: p.day, to: p.day, ads: 1, isReturn: false };
    open.set(p.city, nv);
    visits.push(nv);
  }
  visits.sort((a, b) => a.from - b.from || a.city - b.city);
  const seen = new Set<number>();
  for (const v of visits) {
    v.isReturn = seen.has(v.city);
    seen.add(v.city);
  }
  return visits;
}

/** Consecutive visits in different cities. */
export function transitions(visits: readonly Visit[]): Transition[] {
  const out: Transition[] = [];
  for (let k = 1; k < visits.length; k++) {
    const a = visits[k - 1];
    const b = visits[k];
    if (a.city !== b.city) out.push({ from: a.city, to: b.city, gapDays: b.from - a.to, day: b.from });
  }
  return out;
}

export interface TrailSummary {
  visits: number;
  cities: number;
  transitions: number;
  returns: number;
  /** Median days spent per visit (first to last ad), 0 for one-ad visits. */
  medianVisitDays: number;
}

export function summarizeTrail(visits: readonly Visit[]): TrailSummary {
  const lens = visits.map((v) => v.to - v.from).sort((a, b) => a - b);
  return {
    visits: visits.length,
    cities: new Set(visits.map((v) => v.city)).size,
    transitions: transitions(visits).length,
    returns: visits.filter((v) => v.isReturn).length,
    medianVisitDays: lens.length ? lens[lens.length >> 1] : 0,
  };
}

export interface FlowRow {
  from: number;
  to: number;
  /** Transitions counted over all networks. */
  moves: number;
  /** Networks making that move at least once. */
  networks: number;
  /** Sum of the moving networks' risk scores (each network once): flows weighted by risk. */
  riskNetworks: number;
}

/**
 * Origin–destination table over many trails, largest first.
 *
 * @example
 * odTable([{ visits, risk: 0.9 }]).slice(0, 10);
 */
export function odTable(trails: Iterable<{ visits: readonly Visit[]; risk: number }>): FlowRow[] {
  const rows = new Map<string, FlowRow>();
  for (const t of trails) {
    const seen = new Set<string>();
    for (const tr of transitions(t.visits)) {
      const k = `${tr.from}>${tr.to}`;
      let r = rows.get(k);
      if (!r) rows.set(k, (r = { from: tr.from, to: tr.to, moves: 0, networks: 0, riskNetworks: 0 }));
      r.moves++;
      if (!seen.has(k)) {
        seen.add(k);
        r.networks++;
        r.riskNetworks += t.risk;
      }
    }
  }
  return [...rows.values()].sort((a, b) => b.networks - a.networks || b.moves - a.moves || a.from - b.from || a.to - b.to);
}

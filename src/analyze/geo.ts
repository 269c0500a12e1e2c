/** Distances and calendar weeks. */

/** Great-circle distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Monday-based week number of a day count since 1970-01-01 (a Thursday). */
export function weekOf(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** The Monday (ISO date) that starts a week number. */
export function weekStart(week: number): string {
  return new Date((week * 7 - 3) * 86_400_000).toISOString().slice(0, 10);
}

/** Days since the epoch of an ISO date. */
export function dayOf(iso: string): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`analyze: not an ISO date: "${iso}"`);
  return t / 86_400_000;
}

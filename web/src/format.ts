/** Display formatting: numbers, dates and identifier labels, all locale-stable (en-CA) for screenshots and tests. */

const nf = new Intl.NumberFormat("en-CA");
const df = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const dtf = new Intl.DateTimeFormat("en-CA", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

export const num = (n: number): string => nf.format(n);

export function date(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : df.format(d);
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dtf.format(d);
}

export function dateRange(from: string | null, to: string | null): string {
  if (!from && !to) return "—";
  const a = date(from);
  const b = date(to);
  return a === b ? a : `${a} – ${b}`;
}

/** "+14165550123" → "+1 416-555-0123" for NANP numbers; anything else unchanged. */
export function phone(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `+1 ${m[1]}-${m[2]}-${m[3]}` : e164;
}

export function identifierLabel(kind: string, value: string): string {
  return kind === "phone" ? phone(value) : value;
}

export function identifierPath(kind: string, value: string): string {
  return `/identifiers/${encodeURIComponent(kind)}/${encodeURIComponent(value)}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${num(n)} ${n === 1 ? one : many}`;
}

/** A reason record from the resolver (`{ via: "phone", value: "+1…" }`) as one readable line. */
export function reasonText(reason: Record<string, unknown> | null): string {
  if (!reason) return "";
  return Object.entries(reason)
    .map(([k, v]) => {
      const t = typeof v === "object" ? JSON.stringify(v) : String(v);
      // image hashes and similar are unreadable at full length; the ad page has them whole
      return `${k}: ${t.length > 28 ? `${t.slice(0, 16)}…` : t}`;
    })
    .join(", ");
}

/** Ads per week as SVG bars, with a text summary for screen readers and a table on demand. */
import { useRef } from "react";
import { num } from "../format";
import { useWidth } from "../use-width";
import { ScrollBox } from "./scroll-box";

export function WeekChart({ weeks, label }: { weeks: { week: string; ads: number }[]; label: string }) {
  const box = useRef<HTMLElement>(null);
  // drawn at its real pixel width so text stays its real size at any card width
  const w = Math.max(240, useWidth(box));
  const h = 170;
  if (weeks.length === 0) return <p className="empty">No dated ads.</p>;
  const pad = { l: 36, r: 8, t: 8, b: 22 };
  const max = Math.max(1, ...weeks.map((x) => x.ads));
  const bw = (w - pad.l - pad.r) / weeks.length;
  const y = (v: number) => pad.t + (h - pad.t - pad.b) * (1 - v / max);
  const peak = weeks.reduce((a, b) => (b.ads > a.ads ? b : a));
  const total = weeks.reduce((s, x) => s + x.ads, 0);
  const tickEvery = Math.max(1, Math.ceil(weeks.length / Math.max(2, Math.floor(w / 70))));
  return (
    <figure className="chart" ref={box}>
      <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${label}: ${num(total)} ads over ${weeks.length} weeks, peak ${num(peak.ads)} in the week of ${peak.week}`}>
        <line x1={pad.l} x2={w - pad.r} y1={y(0)} y2={y(0)} className="axis" />
        <text x={pad.l - 4} y={y(max) + 4} className="tick" textAnchor="end">
          {num(max)}
        </text>
        <text x={pad.l - 4} y={y(0)} className="tick" textAnchor="end">
          0
        </text>
        {weeks.map((x, i) => (
          <g key={x.week}>
            <rect x={pad.l + i * bw + 1} y={y(x.ads)} width={Math.max(1, bw - 2)} height={y(0) - y(x.ads)} className="bar">
              <title>{`${x.week}: ${num(x.ads)} ads`}</title>
            </rect>
            {i % tickEvery === 0 && (
              <text x={pad.l + i * bw + bw / 2} y={h - 6} className="tick" textAnchor="middle">
                {x.week.slice(5)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <details>
        <summary>Data table</summary>
        <ScrollBox label={`${label} (table)`}>
          <table>
            <caption className="visually-hidden">{label}</caption>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                <th scope="col">Ads</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((x) => (
                <tr key={x.week}>
                  <td>{x.week}</td>
                  <td>{num(x.ads)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </details>
    </figure>
  );
}

/** Monday (UTC) of the ISO week of a timestamp, as YYYY-MM-DD. */
export function isoWeek(iso: string): string {
  const d = new Date(iso);
  const day = (d.getUTCDay() + 6) % 7;
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day));
  return m.toISOString().slice(0, 10);
}

/** Counts per week, filling empty weeks between the first and the last so gaps show. */
export function weeklyCounts(times: (string | null)[]): { week: string; ads: number }[] {
  const counts = new Map<string, number>();
  for (const t of times) if (t) counts.set(isoWeek(t), (counts.get(isoWeek(t)) ?? 0) + 1);
  if (counts.size === 0) return [];
  const keys = [...counts.keys()].sort();
  const out: { week: string; ads: number }[] = [];
  for (let d = new Date(`${keys[0]}T00:00:00Z`); ; d = new Date(d.getTime() + 7 * 86_400_000)) {
    const k = d.toISOString().slice(0, 10);
    out.push({ week: k, ads: counts.get(k) ?? 0 });
    if (k >= keys[keys.length - 1] || out.length > 520) break;
  }
  return out;
}

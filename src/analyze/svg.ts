/** Tiny inline-SVG charts for the HTML report: no scripts, no external resources, every label escaped. */

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

const n1 = (x: number) => (Math.round(x * 10) / 10).toString();

/** Horizontal bars, one per row, values in [0, max]. */
export function barChart(rows: readonly { label: string; value: number }[], opts: { id: string; title: string; max?: number; width?: number }): string {
  const w = opts.width ?? 640;
  const rowH = 20;
  const labelW = 190;
  const max = opts.max ?? Math.max(1e-9, ...rows.map((r) => r.value));
  const h = rows.length * rowH + 30;
  const bars = rows
    .map((r, i) => {
      const y = 20 + i * rowH;
      const bw = Math.max(0, ((w - labelW - 60) * r.value) / max);
      return `<text x="${labelW - 6}" y="${y + 14}" text-anchor="end">${esc(r.label)}</text><rect class="bar" x="${labelW}" y="${y + 3}" width="${n1(bw)}" height="${rowH - 6}"/><text x="${n1(labelW + bw + 4)}" y="${y + 14}">${esc(r.value.toFixed(2))}</text>`;
    })
    .join("");
  return `<svg id="${esc(opts.id)}" class="chart" role="img" aria-label="${esc(opts.title)}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><title>${esc(opts.title)}</title>${bars}</svg>`;
}

/** Weekly lines sharing one x axis; each series scaled to its own maximum, labelled with it. */
export function lineChart(series: readonly { label: string; values: ArrayLike<number>; cls: string }[], opts: { id: string; title: string; xLabels: readonly string[]; width?: number; height?: number }): string {
  const w = opts.width ?? 720;
  const h = opts.height ?? 220;
  const pad = 36;
  const n = Math.max(1, series[0]?.values.length ?? 1);
  const x = (i: number) => pad + ((w - 2 * pad) * i) / Math.max(1, n - 1);
  const lines = series
    .map((s, k) => {
      let max = 1e-9;
      for (let i = 0; i < s.values.length; i++) max = Math.max(max, s.values[i]);
      const pts: string[] = [];
      for (let i = 0; i < s.values.length; i++) pts.push(`${n1(x(i))},${n1(h - pad - ((h - 2 * pad) * s.values[i]) / max)}`);
      return `<polyline class="${esc(s.cls)}" fill="none" points="${pts.join(" ")}"/><text x="${pad + k * 260}" y="14" class="${esc(s.cls)}-label">${esc(`${s.label} (max ${max.toFixed(0)})`)}</text>`;
    })
    .join("");
  const ticks = opts.xLabels
    .map((l, i) => (i % Math.max(1, Math.ceil(n / 8)) === 0 ? `<text x="${n1(x(i))}" y="${h - 10}" text-anchor="middle">${esc(l)}</text>` : ""))
    .join("");
  return `<svg id="${esc(opts.id)}" class="chart" role="img" aria-label="${esc(opts.title)}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><title>${esc(opts.title)}</title><line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" class="axis"/>${lines}${ticks}</svg>`;
}

/** A trail: one row per city, a segment per visit along a shared time axis, arrows implied by order. */
export function trailChart(visits: readonly { city: string; from: number; to: number; ads: number }[], opts: { id: string; title: string; width?: number; dateLabel: (day: number) => string }): string {
  const w = opts.width ?? 640;
  const cities = [...new Set(visits.map((v) => v.city))];
  const rowH = 18;
  const labelW = 150;
  const h = cities.length * rowH + 40;
  const t0 = Math.min(...visits.map((v) => v.from));
  const t1 = Math.max(...visits.map((v) => v.to), t0 + 1);
  const x = (d: number) => labelW + ((w - labelW - 20) * (d - t0)) / (t1 - t0);
  const y = (c: string) => 20 + cities.indexOf(c) * rowH + rowH / 2;
  const labels = cities.map((c) => `<text x="${labelW - 6}" y="${n1(y(c) + 4)}" text-anchor="end">${esc(c)}</text>`).join("");
  const path = visits.map((v) => `${n1(x(v.from))},${n1(y(v.city))} ${n1(x(v.to))},${n1(y(v.city))}`).join(" ");
  const segs = visits.map((v) => `<rect class="visit" x="${n1(x(v.from))}" y="${n1(y(v.city) - 5)}" width="${n1(Math.max(3, x(v.to) - x(v.from)))}" height="10"><title>${esc(`${v.city}: ${opts.dateLabel(v.from)} – ${opts.dateLabel(v.to)}, ${v.ads} ads`)}</title></rect>`).join("");
  const axis = `<text x="${labelW}" y="${h - 6}">${esc(opts.dateLabel(t0))}</text><text x="${w - 20}" y="${h - 6}" text-anchor="end">${esc(opts.dateLabel(t1))}</text>`;
  return `<svg id="${esc(opts.id)}" class="chart trail" role="img" aria-label="${esc(opts.title)}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><title>${esc(opts.title)}</title>${labels}<polyline class="route" fill="none" points="${path}"/>${segs}${axis}</svg>`;
}

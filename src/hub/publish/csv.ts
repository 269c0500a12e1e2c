/** A published table as flat CSV: one line per value, hidden values left empty. */
import type { PublishedRow, PublishedTable } from "./types.js";

function cell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * `level,province,city,week,ads`: level is national, province, city or other (the province's other or unknown
 * cities, city empty); week is a Monday or "total"; ads is empty where hidden.
 *
 * @example
 * publishedCsv(table).split("\n")[1]; // "national,,,2024-06-03,120"
 */
export function publishedCsv(t: PublishedTable): string {
  const lines = ["level,province,city,week,ads"];
  const emit = (level: string, province: string, city: string, row: PublishedRow) => {
    const prefix = `${level},${cell(province)},${cell(city)}`;
    row.weeks.forEach((n, i) => lines.push(`${prefix},${t.weeks[i]},${n ?? ""}`));
    lines.push(`${prefix},total,${row.total ?? ""}`);
  };
  emit("national", "", "", t.national);
  for (const p of t.provinces) {
    emit("province", p.province, "", p);
    for (const c of p.cities) emit(c.city === null ? "other" : "city", p.province, c.city ?? "", c);
  }
  return `${lines.join("\n")}\n`;
}

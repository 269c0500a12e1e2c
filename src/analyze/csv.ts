/** Small CSV tables given on the command line (events, covariates, labels): header + rows, quoted cells allowed. */
import { readFileSync } from "node:fs";
import { splitCsvLine } from "../eval/truth-file.js";

export interface CsvTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

export function parseCsv(text: string, what: string): CsvTable {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? "").map((h) => h.trim().toLowerCase());
  if (header.length === 0 || header[0] === "") throw new Error(`analyze: ${what} line 1: missing header`);
  const rows: CsvTable["rows"] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    const cells = splitCsvLine(lines[i]).map((c) => c.trim());
    if (cells.length !== header.length) throw new Error(`analyze: ${what} line ${i + 1}: expected ${header.length} cells, got ${cells.length}`);
    rows.push({ line: i + 1, cells });
  }
  return { header, rows };
}

export function readCsv(path: string): CsvTable {
  return parseCsv(readFileSync(path, "utf8"), path);
}

/** Accent- and case-insensitive key for matching place names ("Montréal" = "montreal"). */
export function placeKey(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim().toLowerCase().split(",")[0].trim();
}

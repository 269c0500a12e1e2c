/**
 * Ground-truth CSV files (`ad_id,network_id,kind`), as written by `threadline synth --truth`.
 * Reading streams line by line; a `.gz` path is decompressed on the fly.
 *
 * @example
 * const truth = await readTruthFile("truth.csv");
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";
import type { AuthorKind, TruthRow } from "../domain/truth.js";

export const TRUTH_HEADER = "ad_id,network_id,kind";

const KINDS: ReadonlySet<string> = new Set<AuthorKind>(["independent", "agency", "trafficking", "scam"]);

/** A malformed truth file; the message names the file and line. */
export class TruthFileError extends Error {
  override name = "TruthFileError";
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
  ) {
    super(`eval: ${file} line ${line}: ${message}`);
  }
}

/** Splits one CSV line (RFC 4180 quoting, no embedded newlines). */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(",");
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i++;
        } else quoted = false;
      } else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line (with trailing newline) for a truth row. */
export function formatTruthRow(r: TruthRow): string {
  return `${csvField(r.ad_id)},${csvField(r.network_id)},${r.kind}\n`;
}

/** Parses a data line; throws TruthFileError on a wrong field count, empty id or unknown kind. */
export function parseTruthLine(line: string, lineNo: number, file = "truth"): TruthRow {
  const f = splitCsvLine(line);
  if (f.length !== 3) throw new TruthFileError(`expected 3 fields, got ${f.length}`, file, lineNo);
  const [ad_id, network_id, kind] = f;
  if (ad_id === "") throw new TruthFileError("ad_id is empty", file, lineNo);
  if (network_id === "") throw new TruthFileError("network_id is empty", file, lineNo);
  if (!KINDS.has(kind)) throw new TruthFileError(`kind "${kind}" is not one of independent, agency, trafficking, scam`, file, lineNo);
  return { ad_id, network_id, kind: kind as AuthorKind };
}

/** Streams truth rows from lines; validates the header; skips blank lines; strips a BOM and CRs. */
export async function* parseTruthLines(lines: AsyncIterable<string>, file = "truth"): AsyncGenerator<TruthRow> {
  let lineNo = 0;
  let header = false;
  for await (const raw of lines) {
    lineNo++;
    let line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (!header) {
      if (line.trim() !== TRUTH_HEADER) throw new TruthFileError(`header must be "${TRUTH_HEADER}", got "${line}"`, file, lineNo);
      header = true;
      continue;
    }
    if (line.trim() === "") continue;
    yield parseTruthLine(line, lineNo, file);
  }
  if (!header) throw new TruthFileError(`empty file, expected header "${TRUTH_HEADER}"`, file, lineNo);
}

/** Streams truth rows from a readable byte stream. */
export function readTruthStream(input: Readable, file = "truth"): AsyncGenerator<TruthRow> {
  return parseTruthLines(createInterface({ input, crlfDelay: Infinity }), file);
}

/** Reads a whole truth file (`.gz` allowed) into memory. */
export async function readTruthFile(path: string): Promise<TruthRow[]> {
  const raw = createReadStream(path);
  const input = path.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
  const rows: TruthRow[] = [];
  for await (const r of readTruthStream(input, path)) rows.push(r);
  return rows;
}

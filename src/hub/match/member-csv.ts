/**
 * The member's CSV (header row required) → values to encode: which columns hold phones, emails and names, and
 * which column (if any) is the row reference. Without a reference column the ref is the CSV line number, so the
 * member can find the row again and the hub never sees an identifier of its own.
 */
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import { MatchError } from "./errors.js";
import type { MemberValue } from "./encode.js";
import { MATCH_KINDS, type MatchKind } from "./upload.js";

export interface MemberColumn {
  kind: MatchKind;
  header: string;
}

/** A row the reader could not use (bad CSV, missing reference): line and reason, no values. */
export interface RowProblem {
  line: number;
  problem: string;
}

/**
 * `--column` values → columns: "phone" (header "phone", kind phone) or "phone=Mobile" (header "Mobile"). With none
 * given, every header named phone, email or name (any case).
 */
export function parseColumns(specs: readonly string[], header: readonly string[]): MemberColumn[] {
  const out: MemberColumn[] = [];
  if (specs.length === 0) {
    for (const h of header) {
      const kind = h.trim().toLowerCase();
      if ((MATCH_KINDS as readonly string[]).includes(kind)) out.push({ kind: kind as MatchKind, header: h });
    }
    if (out.length === 0) throw new MatchError("bad-input", `no column named phone, email or name in the header; use --column KIND=HEADER`);
    return out;
  }
  for (const spec of specs) {
    const eq = spec.indexOf("=");
    const kind = (eq < 0 ? spec : spec.slice(0, eq)).trim().toLowerCase();
    const name = eq < 0 ? spec.trim() : spec.slice(eq + 1).trim();
    if (!(MATCH_KINDS as readonly string[]).includes(kind)) throw new MatchError("bad-input", `--column ${spec}: the kind must be phone, email or name`);
    const h = header.find((x) => x.trim() === name) ?? header.find((x) => x.trim().toLowerCase() === name.toLowerCase());
    if (h === undefined) throw new MatchError("bad-input", `--column ${spec}: no column "${name}" in the header (${header.join(", ")})`);
    out.push({ kind: kind as MatchKind, header: h });
  }
  return out;
}

export interface MemberCsvOptions {
  columns: readonly string[];
  refColumn?: string;
}

/** Reads a CSV stream; yields the values of the chosen columns, and problems for unusable rows. */
export async function* readMemberCsv(input: Readable, opts: MemberCsvOptions): AsyncGenerator<MemberValue | RowProblem> {
  const parser = input.pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }));
  input.once("error", (e) => parser.destroy(e));
  let header: string[] | null = null;
  let cols: { kind: MatchKind; at: number }[] = [];
  let refAt = -1;
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = rec.info.lines;
      if (header === null) {
        header = rec.record;
        const h = header;
        cols = parseColumns(opts.columns, h).map((c) => ({ kind: c.kind, at: h.indexOf(c.header) }));
        if (opts.refColumn !== undefined) {
          const ref = opts.refColumn;
          refAt = h.findIndex((x) => x.trim() === ref.trim());
          if (refAt < 0) throw new MatchError("bad-input", `--ref-column: no column "${ref}" in the header`);
          if (cols.some((c) => c.at === refAt)) throw new MatchError("bad-input", `--ref-column "${ref}" is also a value column: the reference would reveal the value`);
        }
        continue;
      }
      const ref = refAt < 0 ? String(line) : (rec.record[refAt] ?? "").trim();
      if (ref === "") {
        yield { line, problem: "empty reference column" };
        continue;
      }
      if (ref.length > 128) {
        yield { line, problem: "reference longer than 128 characters" };
        continue;
      }
      for (const c of cols) yield { ref, kind: c.kind, raw: rec.record[c.at] ?? "", line };
    }
  } catch (e) {
    if (e instanceof MatchError) throw e;
    // csv-parse names the line; its message may quote the row, so keep only the reason's code and line.
    const err = e as { code?: string; lines?: number };
    throw new MatchError("bad-input", `CSV error${err.lines ? ` at line ${err.lines}` : ""}: ${err.code ?? "unreadable"}`);
  } finally {
    input.destroy();
  }
  if (header === null) throw new MatchError("bad-input", "the CSV is empty (a header row is required)");
}

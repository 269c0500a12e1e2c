/**
 * Input readers: JSON lines (optionally gzipped) and CSV with a header row. Each yields parsed values or a
 * per-line error; a bad line never stops the file.
 */
import { parse as parseCsv } from "csv-parse";
import { openInput, splitLines } from "./lines.js";

export type InputFormat = "jsonl" | "csv";

export type RawRecord = { line: number; value: unknown; raw: string } | { line: number; error: string; raw: string | null };

/** A JSON line is passed on as text: parsing it is the preparer's job (which may run in a worker). */
export type ReadRecord = RawRecord | { line: number; text: string };

export interface InputReader {
  records: AsyncIterable<ReadRecord>;
  bytesRead(): number;
}

/** A line longer than this cannot be an ad (bodies are capped far below it); it is skipped without being held. */
export const MAX_LINE_BYTES = 1 << 20;

export function detectFormat(path: string, flag?: string): InputFormat {
  if (flag === "jsonl" || flag === "csv") return flag;
  if (flag) throw new Error(`unknown format "${flag}" (use jsonl or csv)`);
  const p = path.toLowerCase().replace(/\.gz$/, "");
  return p.endsWith(".csv") ? "csv" : "jsonl";
}

export function openReader(path: string, format: InputFormat): InputReader {
  const { stream, bytesRead } = openInput(path);
  return { records: format === "csv" ? csvRecords(stream) : jsonlRecords(stream), bytesRead };
}

async function* jsonlRecords(stream: AsyncIterable<Buffer>): AsyncGenerator<ReadRecord> {
  for await (const l of splitLines(stream, MAX_LINE_BYTES)) {
    if ("error" in l) yield { line: l.line, error: l.error, raw: null };
    else if (l.text.trim() !== "") yield l;
  }
}

const JSON_COLUMNS = new Set(["images", "extra"]);

async function* csvRecords(stream: AsyncIterable<Buffer>): AsyncGenerator<RawRecord> {
  const skipped: RawRecord[] = [];
  const parser = parseCsv({
    columns: (header: string[]) => header.map((h) => h.trim()),
    bom: true,
    raw: true,
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // Bounds memory on a runaway quoted field; ordinary over-long bodies are rejected later by validation.
    max_record_size: 32 << 20,
    on_skip: (err) => {
      const lines = typeof err?.lines === "number" ? err.lines : 0;
      skipped.push({ line: lines, error: `bad CSV row: ${err?.message ?? "unparseable"}`, raw: null });
      return undefined;
    },
  });
  const feed = (async () => {
    try {
      for await (const chunk of stream) if (!parser.write(chunk)) await new Promise((r) => parser.once("drain", r));
      parser.end();
    } catch (e) {
      parser.destroy(e as Error);
    }
  })();
  for await (const item of parser as AsyncIterable<{ record: Record<string, string>; raw: string; info: { lines: number } }>) {
    while (skipped.length) yield skipped.shift() as RawRecord;
    const { record, raw, info } = item;
    const line = info.lines - (raw.replace(/\r?\n$/, "").match(/\n/g)?.length ?? 0);
    if (raw.includes("\uFFFD")) {
      // The stream is decoded leniently, so invalid UTF-8 shows up as U+FFFD; treat it as the error it is.
      yield { line, error: "invalid UTF-8", raw };
      continue;
    }
    const value: Record<string, unknown> = {};
    let bad: string | null = null;
    for (const [k, v] of Object.entries(record)) {
      if (v === "") continue;
      if (JSON_COLUMNS.has(k)) {
        try {
          value[k] = JSON.parse(v) as unknown;
        } catch {
          bad = `${k} is not valid JSON`;
        }
      } else value[k] = v;
    }
    yield bad ? { line, error: bad, raw } : { line, value, raw };
  }
  while (skipped.length) yield skipped.shift() as RawRecord;
  await feed;
}

/**
 * A JSONL file read as a stream, cut into upload chunks: at most `maxRecords` records and about `maxBytes` of
 * JSON each, every record with its line number; lines that are not JSON are reported here and never sent.
 *
 * @example
 * for await (const c of jsonlChunks(file)) await upload(c.records); // c.lines[i] is the line of c.records[i]
 */

export interface JsonlChunk {
  records: unknown[];
  /** 1-based line number of each record. */
  lines: number[];
  /** Lines in this stretch of the file that are not JSON. */
  invalid: { line: number; reason: string }[];
}

async function* fileLines(file: Blob): AsyncGenerator<{ line: number; text: string }> {
  // TextDecoderStream drops a UTF-8 byte-order mark, and keeps characters split across reads whole
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  let rest = "";
  let n = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const parts = (rest + value).split("\n");
    rest = parts.pop() ?? "";
    for (const text of parts) yield { line: ++n, text };
  }
  if (rest) yield { line: n + 1, text: rest };
}

export async function* jsonlChunks(file: Blob, maxRecords = 5000, maxBytes = 8 * 1024 * 1024): AsyncGenerator<JsonlChunk> {
  let chunk: JsonlChunk = { records: [], lines: [], invalid: [] };
  let bytes = 0;
  for await (const { line, text } of fileLines(file)) {
    const t = text.endsWith("\r") ? text.slice(0, -1) : text;
    if (!t.trim()) continue;
    try {
      chunk.records.push(JSON.parse(t));
      chunk.lines.push(line);
      bytes += t.length;
    } catch (err) {
      chunk.invalid.push({ line, reason: `not valid JSON (${err instanceof Error ? err.message : String(err)})` });
    }
    if (chunk.records.length >= maxRecords || bytes >= maxBytes) {
      yield chunk;
      chunk = { records: [], lines: [], invalid: [] };
      bytes = 0;
    }
  }
  if (chunk.records.length > 0 || chunk.invalid.length > 0) yield chunk;
}

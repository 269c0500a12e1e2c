/**
 * Reads a file as lines of bytes, with constant memory: a line longer than `maxBytes` is skipped (its bytes are not
 * kept) and reported, and every line is decoded as strict UTF-8 so invalid bytes are an error, not a silent U+FFFD.
 */
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";

export type LineResult = { line: number; text: string } | { line: number; error: string };

export interface LineSource {
  lines: AsyncIterable<LineResult>;
  /** Compressed bytes read so far (for progress). */
  bytesRead(): number;
}

export function openInput(path: string): { stream: Readable; bytesRead: () => number } {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const stream = path.endsWith(".gz") ? file.pipe(createGunzip()) : file;
  if (stream !== file) file.on("error", (e) => stream.destroy(e));
  return { stream, bytesRead: () => file.bytesRead };
}

const NL = 0x0a;

export async function* splitLines(stream: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<LineResult> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let parts: Buffer[] = [];
  let size = 0;
  let oversized = false;
  let line = 0;
  const finish = (): LineResult | null => {
    line++;
    if (oversized) {
      const r = { line, error: `line is longer than ${maxBytes} bytes` };
      oversized = false;
      parts = [];
      size = 0;
      return r;
    }
    const buf = parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
    parts = [];
    size = 0;
    let end = buf.length;
    if (end > 0 && buf[end - 1] === 0x0d) end--;
    try {
      return { line, text: decoder.decode(buf.subarray(0, end)) };
    } catch {
      return { line, error: "invalid UTF-8" };
    }
  };
  for await (const chunk of stream) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(NL, start);
      const piece = chunk.subarray(start, nl === -1 ? chunk.length : nl);
      if (!oversized) {
        if (size + piece.length > maxBytes) {
          oversized = true;
          parts = [];
          size = 0;
        } else if (piece.length > 0) {
          parts.push(piece);
          size += piece.length;
        }
      }
      if (nl === -1) break;
      const r = finish();
      if (r) yield r;
      start = nl + 1;
    }
    // Copy the tail: the chunk buffer may be reused by the stream.
    if (parts.length > 0 && !oversized) {
      const last = parts.length - 1;
      parts[last] = Buffer.from(parts[last]);
    }
  }
  if (size > 0 || oversized) {
    const r = finish();
    if (r) yield r;
  }
}

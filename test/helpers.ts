/** Test factories and temp files. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { AdInput } from "../src/domain/ad.js";

export function tempDir(): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "threadline-test-"));
  return { dir, file: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

let seq = 0;
export function buildAd(over: Partial<AdInput> = {}): AdInput {
  seq++;
  return { id: `ad-${seq}`, source: "testsite", title: `Title ${seq}`, body: `Sweet and friendly, text me ${seq}`, city: "Toronto", region: "ON", ...over };
}

export function writeJsonl(path: string, rows: unknown[], gzip = false): string {
  const text = rows.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n") + "\n";
  writeFileSync(path, gzip ? gzipSync(text) : text);
  return path;
}

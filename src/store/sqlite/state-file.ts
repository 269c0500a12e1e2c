/**
 * A stage's saved state in a file beside the database, for state too large to write well as SQLite blobs: the
 * linker's index is ~600 MB at a million ads, and as blobs it went through the WAL and then a checkpoint (written
 * twice, page by page: 8–10 s per save). The database keeps a manifest (file name, a random token, part offsets);
 * the file starts with the same token. A file that is missing, truncated or from another save reads as no state,
 * so the stage simply rebuilds: the state is a cache of what the database already holds.
 */
import { randomBytes } from "node:crypto";
import { closeSync, fdatasyncSync, fstatSync, openSync, readSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export interface StateManifest {
  file: string;
  token: string;
  size: number;
  parts: [name: string, offset: number, length: number][];
}

const TOKEN_BYTES = 16;

/** The state file of `stage` for the database at `dbPath`. */
export function stateFilePath(dbPath: string, stage: string): string {
  return join(dirname(dbPath), `${basename(dbPath)}-${stage}.state`);
}

/** Writes `parts` (token first) to a temporary file, syncs it and renames it over `file`; returns its manifest. */
export function writeStateFile(file: string, parts: Record<string, Uint8Array>): StateManifest {
  const token = randomBytes(TOKEN_BYTES);
  const manifest: StateManifest = { file: basename(file), token: token.toString("hex"), size: 0, parts: [] };
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    let at = writeAll(fd, token, 0);
    for (const [name, b] of Object.entries(parts)) {
      manifest.parts.push([name, at, b.byteLength]);
      at = writeAll(fd, b, at);
    }
    manifest.size = at;
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  return manifest;
}

/** The parts `manifest` describes, or null when the file is not the one it describes. */
export function readStateFile(file: string, manifest: StateManifest): Record<string, Uint8Array> | null {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return null;
  }
  try {
    if (fstatSync(fd).size !== manifest.size) return null;
    const all = Buffer.allocUnsafe(manifest.size);
    let at = 0;
    while (at < manifest.size) {
      const n = readSync(fd, all, at, manifest.size - at, at);
      if (n === 0) return null;
      at += n;
    }
    if (all.subarray(0, TOKEN_BYTES).toString("hex") !== manifest.token) return null;
    const out: Record<string, Uint8Array> = {};
    for (const [name, offset, length] of manifest.parts) out[name] = new Uint8Array(all.buffer, all.byteOffset + offset, length);
    return out;
  } finally {
    closeSync(fd);
  }
}

export function removeStateFile(file: string): void {
  rmSync(file, { force: true });
}

function writeAll(fd: number, b: Uint8Array, at: number): number {
  let done = 0;
  while (done < b.byteLength) done += writeSync(fd, b, done, b.byteLength - done, at + done);
  return at + b.byteLength;
}

/* global console, process */
// Build native/build/tl_fts.so: Threadline's FTS5 ranking functions (native/tl_fts.c), an SQLite extension
// compiled against the SQLite headers better-sqlite3 ships (the same C compiler better-sqlite3 itself builds with).
// Without a compiler the store falls back to FTS5's bm25(): same ranks, slower searches. Run by `npm run build`.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const headers = join(dirname(require.resolve("better-sqlite3/package.json")), "deps", "sqlite3");
const ext = process.platform === "darwin" ? "dylib" : process.platform === "win32" ? "dll" : "so";
const out = join(root, "native", "build", `tl_fts.${ext}`);
if (process.platform === "win32") {
  console.warn("build-native: skipped on Windows (searches use FTS5's bm25)");
  process.exit(0);
}
mkdirSync(dirname(out), { recursive: true });
const cc = process.env.CC ?? "cc";
try {
  execFileSync(cc, ["-O2", "-fPIC", "-shared", "-Wall", "-I", headers, join(root, "native", "tl_fts.c"), "-o", out, "-lm"], { stdio: "inherit" });
} catch (e) {
  console.warn(`build-native: ${cc} failed (${e instanceof Error ? e.message : String(e)}); searches use FTS5's bm25`);
}

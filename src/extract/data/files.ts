/**
 * Loader for the derived data files in the repository's `data/` folder, found by walking up from this module:
 * the same code runs from `src/` (tests), `dist/` (the CLI) and `dist-bench/src/` (benchmarks).
 */
import { existsSync, readFileSync } from "node:fs";

/** Read `data/<name>` as text. */
export function readDataFile(name: string): string {
  let dir = new URL("./", import.meta.url);
  for (let i = 0; i < 6; i++) {
    const candidate = new URL(`data/${name}`, dir);
    if (existsSync(candidate)) return readFileSync(candidate, "utf8");
    dir = new URL("../", dir);
  }
  throw new Error(`extract: data file data/${name} not found above ${import.meta.url}`);
}

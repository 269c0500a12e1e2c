/**
 * Loader for the derived data files in the repository's `data/` folder. The relative path is the same from
 * `src/extract/data/` (tests) and `dist/extract/data/` (built CLI): three levels up is the package root.
 */
import { readFileSync } from "node:fs";

/** Read `data/<name>` as text. */
export function readDataFile(name: string): string {
  return readFileSync(new URL(`../../../data/${name}`, import.meta.url), "utf8");
}

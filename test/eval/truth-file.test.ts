import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { Readable } from "node:stream";
import type { TruthRow } from "../../src/domain/truth.js";
import {
  TruthFileError,
  formatTruthRow,
  parseTruthLines,
  readTruthFile,
  readTruthStream,
  splitCsvLine,
} from "../../src/eval/truth-file.js";

async function collect(lines: string[]): Promise<TruthRow[]> {
  async function* gen() {
    yield* lines;
  }
  const out: TruthRow[] = [];
  for await (const r of parseTruthLines(gen(), "t.csv")) out.push(r);
  return out;
}

describe("truth file", () => {
  it("parses rows after a valid header, skipping blank lines, BOM and CR", async () => {
    const rows = await collect(["\uFEFFad_id,network_id,kind\r", "siteA-1,ind-1,independent\r", "", "siteA-2,trf-1,trafficking"]);
    expect(rows).toEqual([
      { ad_id: "siteA-1", network_id: "ind-1", kind: "independent" },
      { ad_id: "siteA-2", network_id: "trf-1", kind: "trafficking" },
    ]);
  });

  it("rejects a wrong header, naming the line", async () => {
    await expect(collect(["id,network,kind"])).rejects.toThrow(/t\.csv line 1: header must be/);
  });

  it("rejects an empty file", async () => {
    await expect(collect([])).rejects.toThrow(TruthFileError);
  });

  it("rejects a bad kind and a wrong field count with line numbers", async () => {
    await expect(collect(["ad_id,network_id,kind", "a,n,pimp"])).rejects.toThrow(/line 2: kind "pimp"/);
    await expect(collect(["ad_id,network_id,kind", "a,n,scam", "a,n"])).rejects.toThrow(/line 3: expected 3 fields/);
  });

  it("round-trips quoted fields", () => {
    const row: TruthRow = { ad_id: 'x,"y"', network_id: "n", kind: "agency" };
    expect(splitCsvLine(formatTruthRow(row).trimEnd())).toEqual(['x,"y"', "n", "agency"]);
  });

  it("streams from a readable and reads plain and gzip files", async () => {
    const text = "ad_id,network_id,kind\na,n1,scam\nb,n1,scam\n";
    const got: TruthRow[] = [];
    for await (const r of readTruthStream(Readable.from([text]))) got.push(r);
    expect(got).toHaveLength(2);
    const dir = mkdtempSync(join(tmpdir(), "truth-"));
    writeFileSync(join(dir, "t.csv"), text);
    writeFileSync(join(dir, "t.csv.gz"), gzipSync(text));
    expect(await readTruthFile(join(dir, "t.csv"))).toEqual(got);
    expect(await readTruthFile(join(dir, "t.csv.gz"))).toEqual(got);
  });
});

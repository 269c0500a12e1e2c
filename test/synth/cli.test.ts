import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { gunzipSync } from "node:zlib";
import { Command } from "commander";
import { formatSynthSummary, registerSynth, runSynth } from "../../src/cli/synth.js";
import { readTruthFile } from "../../src/eval/truth-file.js";

describe("threadline synth", () => {
  it("writes JSON lines and a truth CSV, gzip by extension", async () => {
    const dir = mkdtempSync(join(tmpdir(), "synth-"));
    const out = join(dir, "ads.jsonl.gz");
    const truth = join(dir, "truth.csv");
    const s = await runSynth({ ads: 2500, seed: 4, out, truth });
    expect(s.ads).toBe(2500);
    const lines = gunzipSync(readFileSync(out)).toString("utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(2500);
    const first = JSON.parse(lines[0]) as { id: string };
    const rows = await readTruthFile(truth);
    expect(rows).toHaveLength(2500);
    expect(rows[0].ad_id).toBe(first.id);
    expect(Object.values(s.authorsByKind).reduce((a, b) => a + b, 0)).toBe(new Set(rows.map((r) => r.network_id)).size);
    expect(formatSynthSummary(s)).toMatch(/^synth: 2500 ads, authors: \d+ independent, \d+ agency, \d+ trafficking, \d+ scam; .* ads\/s\)$/);
  });

  it("streams to stdout when --out is omitted, identical to the file output", async () => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on("data", (c: Buffer) => chunks.push(c));
    await runSynth({ ads: 300, seed: 4 }, sink);
    const dir = mkdtempSync(join(tmpdir(), "synth-"));
    await runSynth({ ads: 300, seed: 4, out: join(dir, "a.jsonl") });
    expect(Buffer.concat(chunks).toString("utf8")).toBe(readFileSync(join(dir, "a.jsonl"), "utf8"));
  });

  it("registers the command with its options", () => {
    const program = new Command();
    registerSynth(program);
    const cmd = program.commands.find((c) => c.name() === "synth");
    expect(cmd?.options.map((o) => o.long)).toEqual(["--ads", "--seed", "--out", "--truth"]);
  });
});

/** The CLI as a user runs it: synth → ingest → link → export → eval, plus re-extraction and bad input. */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";

const CLI = "dist/cli/main.js";
let t: ReturnType<typeof tempDir>;
const run = (...args: string[]) => execFileSync(process.execPath, [CLI, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

beforeAll(() => {
  t = tempDir();
  run("synth", "--ads", "3000", "--seed", "5", "--out", t.file("ads.jsonl"), "--truth", t.file("truth.csv"));
});
afterAll(() => t.cleanup());

describe("threadline CLI", () => {
  it("ingests with extraction, links, exports every ad once, and evaluates against the truth", () => {
    const db = t.file("p.db");
    spawnSync(process.execPath, [CLI, "ingest", t.file("ads.jsonl"), "--db", db], { encoding: "utf8" });
    const stats = JSON.parse(run("stats", "--db", db, "--json")) as { ads: number; factsByKind: Record<string, number> };
    expect(stats.ads).toBe(3000);
    expect(stats.factsByKind.phone).toBeGreaterThan(1000);
    expect(run("link", "--db", db)).toMatch(/networks of 2\+ ads/);
    const csv = run("export", "networks", "--purpose", "test of the export", "--db", db).trim().split("\n");
    expect(csv[0]).toBe("ad_id,network_id,network_risk");
    expect(csv).toHaveLength(3001);
    const ids = new Set(csv.slice(1).map((l) => l.split(",")[0]));
    const truthIds = readFileSync(t.file("truth.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[0]);
    expect(ids).toEqual(new Set(truthIds));
    const report = JSON.parse(run("eval", "--db", db, "--truth", t.file("truth.csv"), "--json")) as { overall: { pairwise: { f1: number } } };
    expect(report.overall.pairwise.f1).toBeGreaterThan(0.5);
    const jsonl = run("export", "networks", "--purpose", "test of the export", "--db", db, "--format", "jsonl").trim().split("\n");
    expect(JSON.parse(jsonl[0])).toHaveProperty("network_id");
  });

  it("a network can be explained: members, identifiers and a reason for each", () => {
    const db = t.file("p.db");
    const netId = run("export", "networks", "--purpose", "test of the export", "--db", db).split("\n").find((l) => l.includes(",N-"))?.split(",")[1];
    expect(netId).toBeDefined();
    const net = JSON.parse(run("network", netId as string, "--db", db, "--json")) as { ads: { reason: unknown }[]; size: number };
    expect(net.ads.length).toBe(net.size);
    for (const a of net.ads) expect(a.reason).toBeTruthy();
    expect(run("boilerplate", "--db", db)).toMatch(/phrases/);
  });

  it("re-extracts stored facts with `extract --db`", () => {
    const db = t.file("p.db");
    const before = JSON.parse(run("stats", "--db", db, "--json")) as { facts: number };
    const r = spawnSync(process.execPath, [CLI, "extract", "--db", db], { encoding: "utf8" });
    expect(r.stderr).toMatch(/3,000 ads re-extracted/);
    const after = JSON.parse(run("stats", "--db", db, "--json")) as { facts: number };
    expect(after.facts).toBe(before.facts);
  });

  it("names the file, line and problem for bad input, and still stores the rest", () => {
    const db = t.file("bad.db");
    writeFileSync(t.file("bad.jsonl"), '{"id":"ok1","source":"s","body":"hello"}\n{"id":\n{"id":"ok2","source":"s","body":"there"}\n');
    const r = spawnSync(process.execPath, [CLI, "ingest", t.file("bad.jsonl"), "--db", db], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/new 2,.*rejected 1/);
    expect(run("rejects", "--db", db)).toMatch(/bad\.jsonl:2: not JSON/);
  });

  it("fails clearly on a missing file or an unknown network", () => {
    const a = spawnSync(process.execPath, [CLI, "ingest", t.file("nope.jsonl"), "--db", t.file("x.db")], { encoding: "utf8" });
    expect(a.status).toBe(1);
    expect(a.stderr).toMatch(/ingest: .*nope\.jsonl: no such file/);
    const b = spawnSync(process.execPath, [CLI, "network", "N-999999", "--db", t.file("p.db")], { encoding: "utf8" });
    expect(b.status).toBe(1);
    expect(b.stderr).toMatch(/no network "N-999999"/);
  });
});

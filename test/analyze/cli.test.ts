/** The analysis faces as a user runs them, on a small synthetic corpus (needs `npm run build`, as `npm test` does). */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";

const CLI = "dist/cli/main.js";
let t: ReturnType<typeof tempDir>;
let top = "";
const run = (...args: string[]) => execFileSync(process.execPath, [CLI, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

beforeAll(() => {
  t = tempDir();
  run("synth", "--ads", "1500", "--seed", "8", "--out", t.file("ads.jsonl"), "--truth", t.file("truth.csv"));
  run("ingest", t.file("ads.jsonl"), "--db", t.file("a.db"));
  run("link", "--db", t.file("a.db"));
});
afterAll(() => t.cleanup());

describe("threadline analysis commands", () => {
  it("analyze stores scores; risk ranks with reasons; export carries network_risk", () => {
    const db = t.file("a.db");
    const analyzed = run("analyze", "--db", db, "--top", "5");
    expect(analyzed).toMatch(/networks scored/);
    expect(analyzed).toMatch(/triage signals, not evidence/);
    expect(analyzed.split("\n").filter((l) => /^\s+\d+\s+N-/.test(l))).toHaveLength(5);
    const json = JSON.parse(run("risk", "--db", db, "--top", "3", "--json")) as { networks: { network_id: string; score: number; contributions: { reason: string }[] }[] };
    top = json.networks[0].network_id;
    expect(json.networks[0].score).toBeGreaterThanOrEqual(json.networks[2].score);
    expect(json.networks[0].contributions[0].reason.length).toBeGreaterThan(0);
    const csv = run("export", "networks", "--purpose", "test of the export", "--db", db).trim().split("\n");
    expect(csv[0]).toBe("ad_id,network_id,network_risk");
    const risks = csv.slice(1).map((l) => Number(l.split(",")[2]));
    expect(risks.every((r) => r >= 0 && r <= 1)).toBe(true);
  });

  it("movement shows a trail and the flows", () => {
    const db = t.file("a.db");
    expect(run("movement", top, "--db", db)).toMatch(new RegExp(`network ${top}: \\d+ ads, \\d+ visits`));
    expect(run("movement", "--db", db)).toMatch(/from\s+to\s+networks/);
  });

  it("hotspots with events and covariates; report writes HTML; eval --risk reports AUC", () => {
    const db = t.file("a.db");
    writeFileSync(t.file("events.csv"), "name,city,start,end\nGrand Prix,Montreal,2024-06-03,2024-06-09\n");
    writeFileSync(t.file("cov.csv"), "region,median_income,unemployment_rate\nON,74000,6.5\nQC,66000,4.9\nBC,80000,5.1\nAB,90000,6.0\n");
    const h = run("hotspots", "--db", db, "--weeks", "8", "--events", t.file("events.csv"), "--covariates", t.file("cov.csv"));
    expect(h).toMatch(/Grand Prix\s+Montr[ée]al, QC\s+risk\s+during/);
    expect(h).toMatch(/too few for a correlation/);
    expect(run("report", "--db", db, "--out", t.file("r.html"))).toMatch(/report:/);
    expect(readFileSync(t.file("r.html"), "utf8")).toContain('id="chart-weekly"');
    expect(run("eval", "--db", db, "--truth", t.file("truth.csv"), "--risk")).toMatch(/leave one cue group out/);
  });
});

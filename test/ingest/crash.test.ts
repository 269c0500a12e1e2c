/** A crash (SIGKILL) or Ctrl-C (SIGINT) in the middle of a file leaves the store consistent. Runs the built CLI. */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildAd, tempDir, writeJsonl } from "../helpers.js";

const CLI = "dist/cli/main.js";
let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.cleanup());

function countAds(db: string): number {
  if (!existsSync(db)) return 0;
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return d.prepare("select count(*) from ads").pluck().get() as number;
  } catch {
    return 0;
  } finally {
    d.close();
  }
}

async function interruptMidway(signal: NodeJS.Signals): Promise<{ db: string; file: string; code: number | null }> {
  const file = writeJsonl(t.file("big.jsonl"), Array.from({ length: 60_000 }, () => buildAd({ body: "x ".repeat(200) })));
  const db = t.file("crash.db");
  const child = spawn(process.execPath, [CLI, "ingest", file, "--db", db, "--batch", "500", "--no-extract"], { stdio: "ignore" });
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  const deadline = Date.now() + 30_000;
  while (countAds(db) < 1000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  child.kill(signal);
  return { db, file, code: await exited };
}

function checkConsistent(db: string): number {
  const d = new Database(db);
  try {
    expect(d.pragma("integrity_check", { simple: true })).toBe("ok");
    const ads = d.prepare("select count(*) from ads").pluck().get() as number;
    // Every ad has its FTS entry and no superseded version: no batch was half-written.
    expect(d.prepare("select count(*) from ad_versions").pluck().get()).toBe(0);
    expect(d.prepare("select count(*) from ads_fts").pluck().get()).toBe(ads);
    // The external-content count above only counts `ads`; this checks the index itself against the content.
    d.prepare("insert into ads_fts(ads_fts, rank) values ('integrity-check', 1)").run();
    expect(ads % 500).toBe(0);
    return ads;
  } finally {
    d.close();
  }
}

describe("interrupted ingest", () => {
  it("SIGKILL mid-file: committed batches stay, nothing half-written, a re-run completes", async () => {
    const { db, file } = await interruptMidway("SIGKILL");
    const n = checkConsistent(db);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(60_000);
    const rerun = spawn(process.execPath, [CLI, "ingest", file, "--db", db, "--no-extract"], { stdio: "ignore" });
    expect(await new Promise((r) => rerun.on("exit", r))).toBe(0);
    expect(countAds(db)).toBe(60_000);
  });

  it("SIGINT stops after the current batch and records the run as interrupted", async () => {
    const { db, code } = await interruptMidway("SIGINT");
    expect(code).toBe(130);
    checkConsistent(db);
    const d = new Database(db, { readonly: true });
    expect(d.prepare("select status from runs order by id desc limit 1").pluck().get()).toBe("interrupted");
    d.close();
  });
});

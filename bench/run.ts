/**
 * `npm run bench [-- 100000 1000000]`: the whole pipeline on synthetic corpora — synth, ingest (with FTS and
 * extraction), link + resolve — each stage in its own process; prints throughput, end-to-end time, peak RSS and
 * the empirical scaling exponent between the smallest and largest size. It starts with extraction alone: one
 * thread (with the time by extractor), worker threads, and worker threads as ingest runs them (parse, validate,
 * hash, extract); `--extract-only` stops there. On the largest size it loads the REST API with 20 clients, served by
 * one process and then by one per core.
 */
import { execFileSync } from "node:child_process";
import { Worker } from "node:worker_threads";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { benchExtract } from "../src/extract/bench.js";
import { compileOnWorkerThreads } from "../src/util/jit.js";
import { PreparePool } from "../src/ingest/pool.js";
import { packRecords } from "../src/ingest/wire.js";
import { generateCorpus } from "../src/synth/index.js";
import type { ApiBenchRow } from "./api.js";
import type { ExtractReply } from "./extract-worker.js";

interface StageResult {
  stage: string;
  n: number;
  seconds: number;
  adsPerSec: number;
  maxRssMB: number;
  [k: string]: unknown;
}

const here = new URL(".", import.meta.url).pathname;
const sizes = process.argv.slice(2).filter((a) => !a.startsWith("--")).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(100_000, 1_000_000);

function stage(...args: string[]): StageResult {
  return stageWith({}, ...args);
}

function stageWith(env: Record<string, string>, ...args: string[]): StageResult {
  // With the V8 flag the `threadline` command runs with (its shebang, src/cli/main.ts).
  const out = execFileSync(process.execPath, ["--max-semi-space-size=64", join(here, "stage.js"), ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env },
  });
  return JSON.parse(out.trim().split("\n").pop() as string) as StageResult;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

function extractionBench(): void {
  const texts: string[] = [];
  // Through JSON, as ingest gets them: a template literal leaves a "cons" string that V8 reads ~12% slower.
  for (const r of generateCorpus({ ads: 20_000, seed: 7 })) texts.push(JSON.parse(JSON.stringify(`${r.ad.title ?? ""}\n${r.ad.body ?? ""}`)) as string);
  const r = benchExtract(texts);
  const total = Object.values(r.perExtractorMs).reduce((a, b) => a + b, 0);
  const per = Object.entries(r.perExtractorMs)
    .sort((a, b) => b[1] - a[1])
    .map(([k, ms]) => `${k} ${ms.toFixed(0)} ms (${Math.round((100 * ms) / total)}%)`)
    .join(", ");
  console.log(`extract (1 thread, 20,000 synthetic ads): ${fmt(r.adsPerSec)} ads/s (${fmt(r.adsPerCpuSec)} per CPU-second); dominant: ${r.dominant}`);
  console.log(`  time by extractor ("text" = normalization, lower case, digit runs, word starts, shared by all): ${per}`);
}

const THREAD_ADS = 40_000;

/** "; N µs CPU per ad (all threads)" since `c0`: with the wall rate, shows how much a busy machine held us back. */
function cpuPerAd(c0: NodeJS.CpuUsage, ads: number): string {
  const c = process.cpuUsage(c0);
  return `; ${((c.user + c.system) / ads).toFixed(0)} µs CPU per ad, all threads`;
}
const BATCH = 2000;

function threadLines(seed = 8): string[] {
  const lines: string[] = [];
  for (const r of generateCorpus({ ads: THREAD_ADS, seed })) lines.push(JSON.stringify(r.ad));
  return lines;
}

/**
 * Extraction alone in worker threads: JSON lines in, each ad's facts back as ingest ships and stores them
 * (`encodeFacts`: the facts' JSON text and indexed keys); no validation, hashing or store items.
 */
async function threadedExtractionBench(lines: string[], more: string[]): Promise<void> {
  const n = availableParallelism();
  compileOnWorkerThreads(n); // as the ingest pool does (src/util/jit.ts)
  const workers = Array.from({ length: n }, () => new Worker(new URL("./extract-worker.js", import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 96 } }));
  const waiting = new Map<number, () => void>();
  for (const w of workers) w.on("message", (m: ExtractReply) => {
      if (m.last) waiting.get(m.seq)?.();
    });
  let seq = 0;
  const run = (from: number, to: number, batch: number, src = lines): Promise<void>[] => {
    const jobs: Promise<void>[] = [];
    for (let i = from; i < to; i += batch) {
      const s = seq++;
      const packed = packRecords(src.slice(i, Math.min(to, i + batch)).map((text, k) => ({ line: i + k + 1, text })));
      if (Array.isArray(packed)) throw new Error("bench: lines did not pack");
      jobs.push(new Promise((res) => waiting.set(s, res)));
      workers[s % n].postMessage({ seq: s, lines: packed }, [packed.meta.buffer as ArrayBuffer]);
    }
    return jobs;
  };
  try {
    // Warm each worker's JIT as benchExtract warms its thread (2,000 ads).
    await Promise.all(run(0, n * 2000, 2000));
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await Promise.all(run(0, lines.length, BATCH));
    const s = (performance.now() - t0) / 1000;
    console.log(`extract (${n} worker threads, extraction only, encoded facts back as ingest ships them, ${fmt(lines.length)} ads): ${fmt(lines.length / s)} ads/s${cpuPerAd(c0, lines.length)}`);
    // The same workers on as many other ads (another seed, so no field-cache hits from the first run): the rate a
    // long ingest settles at once the JIT has seen every path, where the run above still pays for compiling them.
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    await Promise.all(run(0, more.length, BATCH, more));
    const s1 = (performance.now() - t1) / 1000;
    console.log(`  the same workers on ${fmt(more.length)} other ads, after the run above (steady state): ${fmt(more.length / s1)} ads/s${cpuPerAd(c1, more.length)}`);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Extraction as ingest runs it: worker threads doing parse + validate + hash + extract, prepared batches back. */
async function pooledExtractionBench(lines: string[]): Promise<void> {
  const workers = availableParallelism();
  const pool = new PreparePool(workers);
  try {
    // Warm each worker's JIT and data files first, as a long ingest would have.
    await Promise.all(Array.from({ length: workers }, (_, w) => pool.submit(lines.slice(w * 500, w * 500 + 500).map((text, i) => ({ line: i + 1, text })), { file: "warm", extract: true })));
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const jobs: Promise<unknown>[] = [];
    for (let i = 0; i < lines.length; i += BATCH) jobs.push(pool.submit(lines.slice(i, i + BATCH).map((text, k) => ({ line: i + k + 1, text })), { file: "bench", extract: true }));
    await Promise.all(jobs);
    const s = (performance.now() - t0) / 1000;
    console.log(`extract (${workers} worker threads, incl. parse/validate/hash, ${fmt(lines.length)} ads): ${fmt(lines.length / s)} ads/s${cpuPerAd(c0, lines.length)}`);
  } finally {
    await pool.close();
  }
}

async function main(): Promise<void> {
  console.log(`threadline bench — node ${process.version}, ${availableParallelism()} cores`);
  extractionBench();
  const lines = threadLines();
  await threadedExtractionBench(lines, threadLines(9));
  await pooledExtractionBench(lines);
  if (process.argv.includes("--extract-only")) return;
  const rows: { n: number; results: StageResult[]; total: number }[] = [];
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), "threadline-bench-"));
    try {
      const file = join(dir, "ads.jsonl");
      const results: StageResult[] = [];
      results.push(stage("synth", String(n), "1", file, join(dir, "truth.csv")));
      results.push({ ...stage("ingest", file, join(dir, "noextract.db"), "0", "no-extract"), stage: "ingest (no extraction)" });
      results.push({ ...stage("ingest", file, join(dir, "bench.db"), String(availableParallelism()), "extract"), stage: "ingest + extract" });
      results.push(stage("link", join(dir, "bench.db")));
      results.push(stage("analyze", join(dir, "bench.db")));
      // REST API under load (20 clients) on the largest database only: it needs a linked corpus to be meaningful.
      // One server process, then one per core (`serve --workers N`: better-sqlite3 runs queries on the event loop).
      const procs = [...new Set([1, availableParallelism()])];
      const api = n === Math.max(...sizes) ? procs.map((p) => ({ procs: p, r: stageWith({ BENCH_API_WORKERS: String(p) }, "api", join(dir, "bench.db"), "10") })) : [];
      const total = results.filter((r) => r.stage === "ingest + extract" || r.stage === "link").reduce((s, r) => s + r.seconds, 0);
      rows.push({ n, results, total });
      console.log(`\n${fmt(n)} ads`);
      for (const r of results) {
        console.log(`  ${r.stage.padEnd(24)} ${r.seconds.toFixed(1).padStart(7)} s  ${fmt(r.adsPerSec).padStart(9)} ads/s  peak RSS ${fmt(r.maxRssMB).padStart(6)} MB`);
        if (r.timings) console.log(`    ${JSON.stringify(r.timings)}`);
      }
      console.log(`  end to end (ingest + extract + link + resolve): ${total.toFixed(1)} s`);
      for (const { procs: p, r: a } of api) {
        console.log(`  REST API, 20 concurrent clients, ${p} server process${p > 1 ? "es" : ""} (${fmt(a.n)} ads, database ${fmt(Number(a.dbMB))} MB; target p95 ≤ 100 ms):`);
        for (const r of a.api as ApiBenchRow[]) {
          console.log(`    ${r.endpoint.padEnd(10)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  ${fmt(r.reqPerSec).padStart(6)} req/s  (${r.non2xx} non-2xx, ${r.errors} errors)`);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (rows.length >= 2) {
    const a = rows[0];
    const b = rows[rows.length - 1];
    const exp = Math.log(b.total / a.total) / Math.log(b.n / a.n);
    console.log(`\nscaling exponent (end-to-end time vs n, ${fmt(a.n)} → ${fmt(b.n)}): ${exp.toFixed(2)}`);
  }
}

await main();

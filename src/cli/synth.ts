/**
 * `threadline synth`: writes a synthetic corpus (JSON lines) and its ground truth (CSV), streaming with
 * backpressure so memory stays flat whatever `--ads` is.
 *
 * @example
 * threadline synth --ads 100000 --seed 7 --out ads.jsonl.gz --truth truth.csv
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
import { createGzip } from "node:zlib";
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import type { AuthorKind } from "../domain/truth.js";
import { generateCorpus } from "../synth/generate.js";
import { TRUTH_HEADER, formatTruthRow } from "../eval/truth-file.js";

export interface SynthCommandOptions {
  ads: number;
  seed: number;
  /** Path for the ads (JSON lines; `.gz` → gzip); stdout when absent. */
  out?: string;
  /** Path for the truth CSV (`.gz` → gzip); not written when absent. */
  truth?: string;
}

export interface SynthSummary {
  ads: number;
  authorsByKind: Record<AuthorKind, number>;
  seconds: number;
}

function parseCount(v: string): number {
  const n = Number(v.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("must be a non-negative integer");
  return n;
}

function parseSeed(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new InvalidArgumentError("must be an integer");
  return n >>> 0;
}

interface Sink {
  stream: Writable;
  /** Resolves once everything is flushed (and the file closed). */
  close(): Promise<void>;
}

function openSink(path: string | undefined, fallback: Writable | null): Sink | null {
  if (path === undefined) {
    if (fallback === null) return null;
    return { stream: fallback, close: async () => {} };
  }
  const file = createWriteStream(path);
  if (!path.endsWith(".gz")) {
    return {
      stream: file,
      close: async () => {
        file.end();
        await finished(file);
      },
    };
  }
  // level 1: several times faster than the default and these files are scratch data
  const gz = createGzip({ level: 1 });
  gz.pipe(file);
  return {
    stream: gz,
    close: async () => {
      gz.end();
      await finished(file);
    },
  };
}

/** Writes a chunk; when the stream's buffer is full, waits for it to drain (`once` rejects on "error"). */
async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, "drain");
}

/**
 * Generates and writes the corpus. Batches small writes into ~64 KB chunks to keep syscalls and promise
 * overhead off the per-ad path.
 */
export async function runSynth(opts: SynthCommandOptions, stdout: Writable = process.stdout): Promise<SynthSummary> {
  const started = performance.now();
  const ads = openSink(opts.out, stdout);
  const truth = openSink(opts.truth, null);
  if (ads === null) throw new Error("synth: no output");
  if (truth) await write(truth.stream, TRUTH_HEADER + "\n");
  const networks = new Map<string, AuthorKind>();
  let adBuf = "";
  let truthBuf = "";
  let count = 0;
  for (const { ad, truth: row } of generateCorpus({ ads: opts.ads, seed: opts.seed })) {
    adBuf += JSON.stringify(ad) + "\n";
    if (truth) truthBuf += formatTruthRow(row);
    if (!networks.has(row.network_id)) networks.set(row.network_id, row.kind);
    count++;
    if (adBuf.length > 65_536) {
      await write(ads.stream, adBuf);
      adBuf = "";
    }
    if (truth && truthBuf.length > 65_536) {
      await write(truth.stream, truthBuf);
      truthBuf = "";
    }
  }
  if (adBuf) await write(ads.stream, adBuf);
  if (truth && truthBuf) await write(truth.stream, truthBuf);
  await ads.close();
  if (truth) await truth.close();
  const authorsByKind: Record<AuthorKind, number> = { independent: 0, agency: 0, trafficking: 0, scam: 0 };
  for (const k of networks.values()) authorsByKind[k]++;
  return { ads: count, authorsByKind, seconds: (performance.now() - started) / 1000 };
}

/** "100000 ads, authors: 6000 independent, 9 agency, 60 trafficking, 50 scam; 1.9 s (52k ads/s)" */
export function formatSynthSummary(s: SynthSummary): string {
  const k = s.authorsByKind;
  const rate = s.seconds > 0 ? Math.round(s.ads / s.seconds) : 0;
  return (
    `synth: ${s.ads} ads, authors: ${k.independent} independent, ${k.agency} agency, ` +
    `${k.trafficking} trafficking, ${k.scam} scam; ${s.seconds.toFixed(1)} s (${rate} ads/s)`
  );
}

/** Adds the `synth` command to the program. */
export function registerSynth(program: Command): Command {
  return program
    .command("synth")
    .description("write a synthetic corpus of ads with ground truth (see docs/synthetic-corpus.md)")
    .requiredOption("--ads <n>", "number of ads", parseCount)
    .option("--seed <s>", "random seed (same seed, same corpus)", parseSeed, 1)
    .option("--out <file>", "ads as JSON lines (.gz → gzip); default stdout")
    .option("--truth <file>", "ground truth CSV: ad_id,network_id,kind (.gz → gzip)")
    .action(async (opts: SynthCommandOptions) => {
      const summary = await runSynth(opts);
      process.stderr.write(formatSynthSummary(summary) + "\n");
    });
}

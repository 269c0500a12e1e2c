/**
 * Helpers for `threadline eval`: load the truth, score a predicted clustering, render a table or JSON.
 * The command itself (and reading predictions from the store) is wired in main.ts.
 *
 * @example
 * const text = await runEvalMetrics(predictions, { truth: "truth.csv", json: false });
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { EvalReport } from "../eval/metrics.js";
import { evaluateClustering } from "../eval/metrics.js";
import { formatEvalReport } from "../eval/format.js";
import { readTruthFile, splitCsvLine } from "../eval/truth-file.js";

export interface EvalMetricsOptions {
  /** Path of the truth CSV (`ad_id,network_id,kind`, `.gz` allowed). */
  truth: string;
  /** Render JSON instead of a table. */
  json?: boolean;
}

/** The report as pretty JSON or as the text table. */
export function renderEvalReport(report: EvalReport, json = false): string {
  return json ? JSON.stringify(report, null, 2) : formatEvalReport(report);
}

/** Loads the truth file, scores `pred` (ad id → cluster id) and renders the result. */
export async function runEvalMetrics(pred: ReadonlyMap<string, string>, opts: EvalMetricsOptions): Promise<string> {
  const truth = await readTruthFile(opts.truth);
  return renderEvalReport(evaluateClustering(pred, truth), opts.json ?? false);
}

/**
 * Reads predictions from a CSV whose header starts with `ad_id,` and whose second column is the predicted
 * cluster id (e.g. `ad_id,network_id` or `ad_id,cluster`). Useful to score a clustering produced elsewhere.
 */
export async function readPredictionFile(path: string): Promise<Map<string, string>> {
  const raw = createReadStream(path);
  const input = path.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
  const out = new Map<string, string>();
  let lineNo = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    if (lineNo === 1) {
      if (!line.replace(/^\uFEFF/, "").startsWith("ad_id,")) throw new Error(`eval: ${path} line 1: header must start with "ad_id,"`);
      continue;
    }
    if (line.trim() === "") continue;
    const f = splitCsvLine(line);
    if (f.length < 2 || f[0] === "") throw new Error(`eval: ${path} line ${lineNo}: expected ad_id,cluster`);
    out.set(f[0], f[1]);
  }
  return out;
}

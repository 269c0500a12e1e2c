/** `threadline eval --truth truth.csv` — how well the stored networks recover the ground truth. */
import type { Command } from "commander";
import type { Store } from "../store/store.js";
import { riskEvalReport } from "./analyze.js";
import { CliError, dbOption, withStore } from "./common.js";
import { readPredictionFile, runEvalMetrics } from "./eval-metrics.js";
import { networkRows } from "./export.js";

/** The store's clustering keyed by input ad id (what the truth file uses). */
export async function storedClustering(store: Store): Promise<Map<string, string>> {
  const pred = new Map<string, string>();
  for await (const r of networkRows(store)) pred.set(r.ad_id, r.network_id);
  return pred;
}

export function registerEval(program: Command): void {
  dbOption(program.command("eval"))
    .description("pairwise and B-cubed precision/recall/F1 and adjusted Rand index against a truth file, overall and per kind")
    .requiredOption("--truth <file>", "ground truth CSV: ad_id,network_id,kind")
    .option("--pred <file>", "score this ad_id,network_id CSV instead of the database")
    .option("--json", "machine-readable output")
    .option("--risk", "also evaluate the analysis: risk AUC / precision@50 (with each cue group left out), circuit recovery, event detection")
    .option("--events <file>", "with --risk: planted events CSV name,city,start,end (default: the generator's default event)")
    .option("--model <file>", "with --risk: a risk model JSON (e.g. from threadline train)")
    .action(async (o: { db?: string; truth: string; pred?: string; json?: boolean; risk?: boolean; events?: string; model?: string }) => {
      try {
        const pred = o.pred ? await readPredictionFile(o.pred) : await withStore(o.db, storedClustering);
        const clustering = await runEvalMetrics(pred, { truth: o.truth, json: o.json });
        const risk = o.risk ? await withStore(o.db, (s) => riskEvalReport(s, o.truth, { json: o.json, events: o.events, model: o.model })) : null;
        if (o.json && risk !== null) {
          // One JSON document for machines: the clustering report plus the risk report under `risk`.
          process.stdout.write(`${JSON.stringify({ ...(JSON.parse(clustering) as object), risk: JSON.parse(risk) as unknown }, null, 2)}\n`);
        } else {
          process.stdout.write(`${clustering}\n`);
          if (risk !== null) process.stdout.write(`\n${risk}\n`);
        }
      } catch (e) {
        if (e instanceof Error && /^(eval|truth)/i.test(e.message)) throw new CliError(e.message);
        throw e;
      }
    });
}

/** The demo: a synthetic corpus → ingest → extract → link → analyze → evaluation against its own ground truth. */
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { evaluateClustering, type EvalReport } from "../eval/index.js";
import type { TruthRow } from "../domain/truth.js";
import { ingestFiles, type IngestSummary } from "../ingest/ingest.js";
import { openStore } from "../store/open.js";
import { generateCorpus } from "../synth/index.js";
import { setupDemoHub } from "../hub/demo.js";
import { analyzeStore, type AnalyzeSummary } from "./analyze.js";
import { linkStore, type LinkSummary } from "./link.js";

export interface DemoResult {
  db: string;
  corpus: string;
  truthFile: string;
  synthSeconds: number;
  ingest: IngestSummary;
  link: LinkSummary;
  analyze: AnalyzeSummary;
  eval: EvalReport;
}

export async function runDemo(o: { db: string; dir: string; ads: number; seed: number }): Promise<DemoResult> {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(o.db + suffix, { force: true });
  mkdirSync(o.dir, { recursive: true });
  const corpus = join(o.dir, "ads.jsonl");
  const truthFile = join(o.dir, "truth.csv");
  const t0 = performance.now();
  const out = createWriteStream(corpus);
  const truth: TruthRow[] = [];
  let buf = "";
  for (const r of generateCorpus({ ads: o.ads, seed: o.seed })) {
    buf += `${JSON.stringify(r.ad)}\n`;
    truth.push(r.truth);
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((res) => out.once("drain", () => res()));
      buf = "";
    }
  }
  out.end(buf);
  await new Promise<void>((res) => out.once("finish", () => res()));
  writeFileSync(truthFile, `ad_id,network_id,kind\n${truth.map((t) => `${t.ad_id},${t.network_id},${t.kind}`).join("\n")}\n`);
  const synthSeconds = (performance.now() - t0) / 1000;
  const store = await openStore(o.db);
  try {
    const ingest = await ingestFiles(store, [corpus], { workers: availableParallelism() });
    const link = await linkStore(store, { full: true });
    const { summary: analyze } = await analyzeStore(store);
    // The API reports `synthetic: true` for this database, so the web app shows its banner.
    await store.putArtifact("demo", link.runId, { synthetic: true, ads: o.ads, seed: o.seed });
    await setupDemoHub(store, "demo");
    const pred = new Map<string, string>();
    for await (const r of store.exportAssignments()) pred.set(r.sourceAdId, r.networkId ?? `S-${r.adId}`);
    return { db: o.db, corpus, truthFile, synthSeconds, ingest, link, analyze, eval: evaluateClustering(pred, truth) };
  } finally {
    await store.close();
  }
}

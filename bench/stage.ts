/**
 * One benchmark stage in its own process, so its peak RSS is its own: prints one JSON line
 * `{stage, n, seconds, maxRssMB, ...counts}`. Run by bench/run.ts.
 */
import { writeFileSync, createWriteStream } from "node:fs";
import { generateCorpus } from "../src/synth/index.js";
import { ingestFiles } from "../src/ingest/ingest.js";
import { openStore } from "../src/store/open.js";
import { linkStore } from "../src/pipeline/link.js";
import { analyzeStore } from "../src/pipeline/analyze.js";
import { benchApi } from "./api.js";

const [stage, ...args] = process.argv.slice(2);

function report(extra: Record<string, unknown>): void {
  const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ stage, ...extra, maxRssMB })}\n`);
}

async function main(): Promise<void> {
  if (stage === "synth") {
    const [n, seed, out, truth] = args;
    const t0 = performance.now();
    const ads = createWriteStream(out);
    let tbuf = "ad_id,network_id,kind\n";
    let buf = "";
    for (const r of generateCorpus({ ads: Number(n), seed: Number(seed) })) {
      buf += `${JSON.stringify(r.ad)}\n`;
      tbuf += `${r.truth.ad_id},${r.truth.network_id},${r.truth.kind}\n`;
      if (buf.length > 1 << 20) {
        if (!ads.write(buf)) await new Promise<void>((res) => ads.once("drain", () => res()));
        buf = "";
      }
    }
    ads.end(buf);
    await new Promise<void>((res) => ads.once("finish", () => res()));
    writeFileSync(truth, tbuf);
    const seconds = (performance.now() - t0) / 1000;
    return report({ n: Number(n), seconds, adsPerSec: Number(n) / seconds });
  }
  if (stage === "ingest") {
    const [file, db, workers, extract] = args;
    const store = await openStore(db);
    const s = await ingestFiles(store, [file], { workers: Number(workers), extract: extract !== "no-extract" });
    await store.close();
    return report({ n: s.read, seconds: s.seconds, adsPerSec: s.adsPerSec, facts: s.facts, rejected: s.rejected });
  }
  if (stage === "analyze") {
    const [db] = args;
    const store = await openStore(db);
    const t0 = performance.now();
    const { summary } = await analyzeStore(store);
    await store.close();
    const seconds = (performance.now() - t0) / 1000;
    return report({ n: summary.ads, seconds, adsPerSec: summary.ads / seconds, networks: summary.networks, timings: summary.timings });
  }
  if (stage === "link") {
    const [db] = args;
    const store = await openStore(db);
    const t0 = performance.now();
    const s = await linkStore(store, { full: true });
    await store.close();
    const seconds = (performance.now() - t0) / 1000;
    return report({ n: s.ads, seconds, adsPerSec: s.ads / seconds, links: s.links, networks: s.networks, timings: s.timings });
  }
  if (stage === "api") {
    const [db, seconds] = args;
    const t0 = performance.now();
    const r = await benchApi(db, Number(seconds ?? 10));
    return report({ n: r.ads, seconds: (performance.now() - t0) / 1000, adsPerSec: 0, dbMB: r.dbMB, api: r.rows });
  }
  throw new Error(`bench: unknown stage ${stage}`);
}

await main();

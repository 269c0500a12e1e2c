/**
 * Link + resolve throughput on the synthetic corpus.
 * Records are streamed in batches (as ingest does); only addBatch and resolve are timed.
 * Usage: node link-speed.js [ads=100000] [batch=100000]
 */
import { LinkIndex } from "../src/link/link-index.js";
import type { AdInput } from "../src/domain/ad.js";
import type { LinkRecord } from "../src/link/types.js";
import { generateCorpus } from "../src/synth/index.js";


/**
 * Records from the synthetic generator with cheap identifiers (the phone/email fields and image hashes), so that
 * the measurement isolates link + resolve from fact extraction.
 */
function toRecord(id: number, ad: AdInput): LinkRecord {
  const ids: LinkRecord["identifiers"] = [];
  const digits = (ad.phone ?? "").replace(/\D/g, "");
  if (digits.length >= 10) ids.push({ kind: "phone", value: "+1" + digits.slice(-10) });
  if (ad.email) ids.push({ kind: "email", value: ad.email.toLowerCase() });
  for (const img of ad.images ?? []) if (img.sha256) ids.push({ kind: "image", value: img.sha256 });
  return {
    id,
    adId: ad.id,
    source: ad.source,
    postedAt: ad.posted_at ? Date.parse(ad.posted_at) : NaN,
    city: ad.city ?? null,
    title: ad.title ?? "",
    body: ad.body ?? "",
    identifiers: ids,
  };
}

/** Streams the corpus in batches of `batch` records (only one batch is alive at a time, as in ingest). */
export function* corpusBatches(n: number, batch: number, seed = 1): Generator<LinkRecord[]> {
  let buf: LinkRecord[] = [];
  let id = 0;
  for (const { ad } of generateCorpus({ ads: n, seed })) {
    buf.push(toRecord(++id, ad));
    if (buf.length === batch) {
      yield buf;
      buf = [];
    }
  }
  if (buf.length > 0) yield buf;
}

function main(): void {
  const n = Number(process.argv[2] ?? 100_000);
  const batch = Number(process.argv[3] ?? 100_000);
  const index = new LinkIndex();
  const timings: Record<string, number> = {};
  let linkMs = 0;
  let genMs = 0;
  let tg = performance.now();
  const perBatch: number[] = [];
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let linkCpu = 0;
  for (const records of corpusBatches(n, batch)) {
    const t = performance.now();
    genMs += t - tg;
    const c = cpu();
    const res = index.addBatch(records);
    linkCpu += cpu() - c;
    const dt = performance.now() - t;
    linkMs += dt;
    perBatch.push(Math.round(dt));
    for (const [k, v] of Object.entries(res.timings)) timings[k] = (timings[k] ?? 0) + v;
    tg = performance.now();
  }
  const t1 = performance.now();
  const c1 = cpu();
  const res = index.resolve();
  const t2 = performance.now();
  const resolveCpu = cpu() - c1;
  const mem = process.memoryUsage();
  console.log(
    JSON.stringify({
      ads: n,
      batch,
      genMs: Math.round(genMs),
      linkCpuMs: Math.round(linkCpu),
      resolveCpuMs: Math.round(resolveCpu),
      linkMs: Math.round(linkMs),
      resolveMs: Math.round(t2 - t1),
      linkAdsPerS: Math.round((n / linkMs) * 1000),
      perBatchMs: perBatch,
      resolveAdsPerS: Math.round((n / (t2 - t1)) * 1000),
      stages: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])),
      resolveStages: Object.fromEntries(Object.entries(res.stats.ms).map(([k, v]) => [k, Math.round(v)])),
      textLinks: index.textA.length,
      networks: res.stats.networks,
      largest: res.stats.largestNetwork,
      lsh: index.lsh.stats(),
      rssMB: Math.round(mem.rss / 1e6),
      heapMB: Math.round(mem.heapUsed / 1e6),
    }),
  );
}

main();

/**
 * The e2e database: a small synthetic corpus (≤ 3k ads) plus three hand-made groups of synthetic ads —
 * a hostile ad (HTML/JS in its text), a 500-ad network (phones chained so no number is a hub), and nothing else.
 * Every phone here is a 555-01xx fictional number or comes from the generator.
 */
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import type { AdInput } from "../../src/domain/ad.js";
import { ingestFiles } from "../../src/ingest/ingest.js";
import { linkStore } from "../../src/pipeline/link.js";
import { openStore } from "../../src/store/open.js";
import { generateCorpus } from "../../src/synth/index.js";

export const HOSTILE_MARKER = "zebrafinch";
export const HOSTILE_BODY = `Sweet ${HOSTILE_MARKER} here <img src=x onerror=window.__pwned=1><script>window.__pwned=1</script> <b>bold</b> call 647 555 0100`;
export const BIG_NETWORK_ADS = 500;

const CITIES: [string, string][] = [
  ["Toronto", "ON"],
  ["Ottawa", "ON"],
  ["Montreal", "QC"],
  ["Winnipeg", "MB"],
  ["Calgary", "AB"],
  ["Vancouver", "BC"],
];
const WORDS = ["sweet", "friendly", "classy", "new", "relaxing", "discreet", "upscale", "fun", "petite", "curvy", "elegant", "warm"];

/** 500 ads; ad i carries phones c(i) and c(i)+1 with c(i) = floor(i / 20), so each number is in ≤ 40 ads. */
function bigNetwork(): AdInput[] {
  const out: AdInput[] = [];
  const phone = (k: number) => `+1416555${String(1000 + k).slice(-4)}`;
  const t0 = Date.parse("2024-09-02T12:00:00Z");
  for (let i = 0; i < BIG_NETWORK_ADS; i++) {
    const c = Math.floor(i / 20);
    const [city, region] = CITIES[Math.floor(i / 84) % CITIES.length];
    const w = (j: number) => WORDS[(i * 7 + j * 5) % WORDS.length];
    out.push({
      id: `bignet-${i}`,
      source: "e2e-site",
      url: `https://e2e.example/ads/${i}`,
      posted_at: new Date(t0 + i * 3.1 * 3600_000).toISOString(),
      title: `${w(0)} ${w(1)} girl ${i}`,
      body: `Hi gentlemen, ${w(2)} and ${w(3)} lady visiting ${city}. Text ${phone(c)} or ${phone(c + 1)}. ${w(4)} ${w(5)} ${w(6)} vibes, ref ${i * 31}.`,
      city,
      region,
      phone: phone(c),
    });
  }
  return out;
}

function hostile(): AdInput {
  return {
    id: "hostile-1",
    source: "e2e-site",
    url: "https://e2e.example/ads/hostile-1",
    posted_at: "2024-10-01T10:00:00Z",
    title: `<script>window.__pwned=1</script> ${HOSTILE_MARKER} title`,
    body: HOSTILE_BODY,
    city: "Toronto",
    region: "ON",
  };
}

/** Writes the corpus, ingests it with extraction, links it, and marks the store as synthetic demo data. */
export async function buildE2eDb(dir: string, opts: { ads: number; seed: number }): Promise<string> {
  const file = join(dir, "ads.jsonl");
  const out = createWriteStream(file);
  for (const r of generateCorpus({ ads: opts.ads, seed: opts.seed })) out.write(`${JSON.stringify(r.ad)}\n`);
  for (const ad of [...bigNetwork(), hostile()]) out.write(`${JSON.stringify(ad)}\n`);
  out.end();
  await new Promise<void>((res, rej) => out.once("finish", () => res()).once("error", rej));
  const db = join(dir, "e2e.db");
  const store = await openStore(db);
  try {
    await ingestFiles(store, [file], { workers: 0 });
    await linkStore(store, { full: true });
    await store.putArtifact("demo", null, { synthetic: true });
  } finally {
    await store.close();
  }
  return db;
}

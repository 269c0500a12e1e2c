/** Re-run extraction over stored ads (after an extractor upgrade), replacing their facts page by page. */
import { EXTRACTOR_VERSION, extractAd } from "../extract/index.js";
import type { Store } from "../store/store.js";

export async function reextractStore(store: Store, onProgress?: (n: number) => void): Promise<{ ads: number; facts: number; seconds: number }> {
  const t0 = performance.now();
  const runId = await store.startRun("extract", { extractorVersion: EXTRACTOR_VERSION });
  let after = 0;
  let ads = 0;
  let facts = 0;
  for (;;) {
    const page = await store.adsForLinking(after, 5000);
    if (page.length === 0) break;
    const full = await store.getAds(page.map((a) => a.id));
    const rows = full.map((a) => ({ adId: a.id, facts: extractAd(a) }));
    for (const r of rows) facts += r.facts.length;
    await store.replaceFacts(rows, EXTRACTOR_VERSION);
    ads += page.length;
    after = page[page.length - 1].id;
    onProgress?.(ads);
  }
  const seconds = (performance.now() - t0) / 1000;
  await store.finishRun(runId, "ok", { ads, facts }, { seconds });
  return { ads, facts, seconds };
}

/**
 * The link stage against the store: read ads and identifier facts in pages → LinkIndex → links and networks
 * written back, with the run's counts and timings recorded.
 */
import type { Link } from "../domain/link.js";
import { LinkIndex } from "../link/link-index.js";
import type { LinkConfigInput } from "../link/config.js";
import type { NetworkWrite, Store } from "../store/store.js";
import { IDENTIFIER_FACT_KINDS, toLinkRecord, type Identifier } from "./link-records.js";

export interface LinkOptions {
  full?: boolean;
  config?: LinkConfigInput;
  pageSize?: number;
  onProgress?: (done: number) => void;
}

export interface LinkSummary {
  ads: number;
  links: number;
  linksByKind: Record<string, number>;
  networks: number;
  adsInNetworks: number;
  largestNetwork: number;
  timings: Record<string, number>;
  runId: number;
}

export async function linkStore(store: Store, opts: LinkOptions = {}): Promise<LinkSummary> {
  const runId = await store.startRun("link", { full: opts.full ?? true, config: opts.config ?? {} });
  const timings: Record<string, number> = {};
  const tick = (name: string, t0: number) => (timings[name] = (timings[name] ?? 0) + (performance.now() - t0) / 1000);
  const index = new LinkIndex(opts.config ?? {});
  const pageSize = opts.pageSize ?? 20_000;
  let after = 0;
  let ads = 0;
  for (;;) {
    let t = performance.now();
    const page = await store.adsForLinking(after, pageSize);
    if (page.length === 0) break;
    const ids = new Map<number, Identifier[]>();
    for (const f of await store.factValues(page[0].id, page[page.length - 1].id, IDENTIFIER_FACT_KINDS)) {
      let list = ids.get(f.adId);
      if (!list) ids.set(f.adId, (list = []));
      list.push({ kind: f.kind as Identifier["kind"], value: f.value });
    }
    const records = page.map((a) => toLinkRecord(a, ids.get(a.id) ?? []));
    tick("read", t);
    t = performance.now();
    index.addBatch(records);
    tick("link", t);
    ads += page.length;
    after = page[page.length - 1].id;
    opts.onProgress?.(ads);
  }
  let t = performance.now();
  const previous = await store.networkAssignments();
  const res = index.resolve(previous);
  tick("resolve", t);
  t = performance.now();
  const links: Link[] = index.links();
  const linksByKind: Record<string, number> = {};
  for (const l of links) linksByKind[l.kind] = (linksByKind[l.kind] ?? 0) + 1;
  await store.clearLinks();
  await store.insertLinks(runId, links);
  const posted = new Map<number, number>();
  for (let d = 0; d < index.n; d++) posted.set(index.storeIds[d], index.postedAt[d]);
  const nets: NetworkWrite[] = res.networks.map((n) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const m of n.members) {
      const p = posted.get(m.adId) ?? Number.NaN;
      if (p < lo) lo = p;
      if (p > hi) hi = p;
    }
    return {
      id: n.id,
      members: n.members,
      summary: { size: n.members.length },
      firstPosted: Number.isFinite(lo) ? new Date(lo).toISOString() : null,
      lastPosted: Number.isFinite(hi) ? new Date(hi).toISOString() : null,
    };
  });
  await store.replaceNetworks(runId, nets);
  await store.putArtifact("link.boilerplate", runId, index.learnedBoilerplate());
  tick("write", t);
  const summary: LinkSummary = {
    ads,
    links: links.length,
    linksByKind,
    networks: res.stats.networks,
    adsInNetworks: res.stats.adsInNetworks,
    largestNetwork: res.stats.largestNetwork,
    timings,
    runId,
  };
  await store.finishRun(runId, "ok", { ads, links: links.length, networks: summary.networks, adsInNetworks: summary.adsInNetworks }, timings);
  return summary;
}

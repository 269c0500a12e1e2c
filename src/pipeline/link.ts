/**
 * The link stage against the store: read new ads and their identifier facts in pages → LinkIndex → links and
 * networks written back, with the run's counts and timings recorded.
 *
 * Incremental by default: the index is restored from the last run's snapshot and only ads above its watermark
 * are linked; resolution (linear, seconds at 1M) always covers the whole graph so ids stay stable. A full
 * rebuild happens with `full`, when there is no snapshot, or when an already-linked ad got a new version; text
 * links are recomputed for every ad when the batch changed the learned boilerplate.
 */
import type { Link } from "../domain/link.js";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { LinkIndex, SNAPSHOT_VERSION, type LinkConfigInput } from "../link/index.js";
import { ShinglePool } from "../link/shingle-pool.js";
import { TextPool } from "../link/text-pool.js";
import type { LinkRecord } from "../link/types.js";
import type { NetworkWrite, Store } from "../store/store.js";
import { IDENTIFIER_FACT_KINDS, toLinkRecord, type Identifier } from "./link-records.js";
import { decodeLinkState, encodeLinkState } from "./link-state.js";
import { pruneTextLinks } from "./prune-links.js";

const STAGE = "link";
/** Strongest text/template links stored per ad (see prune-links.ts). */
const TEXT_LINKS_PER_AD = 3;

export interface LinkOptions {
  full?: boolean;
  config?: LinkConfigInput;
  pageSize?: number;
  onProgress?: (done: number) => void;
  /**
   * Worker threads that shingle the next page while this thread links the current one, and that sign and verify
   * a full build's text. Default: one per core when the first page is full (a large run); 0 keeps everything on
   * this thread.
   */
  shingleWorkers?: number;
}

export interface LinkSummary {
  mode: "full" | "incremental";
  /** Why a full rebuild happened, when it did. */
  reason: string | null;
  ads: number;
  newAds: number;
  links: number;
  linksByKind: Record<string, number>;
  networks: number;
  adsInNetworks: number;
  largestNetwork: number;
  timings: Record<string, number>;
  runId: number;
}

export async function linkStore(store: Store, opts: LinkOptions = {}): Promise<LinkSummary> {
  const timings: Record<string, number> = {};
  const tick = (name: string, t0: number) => (timings[name] = (timings[name] ?? 0) + (performance.now() - t0) / 1000);
  let t = performance.now();
  const lastIngest = (await store.listRuns(50)).find((r) => r.kind === "ingest")?.id ?? 0;
  let index: LinkIndex | null = null;
  let after = 0;
  let reason: string | null = opts.full ? "--full" : null;
  if (!opts.full) {
    const saved = await store.getStageState(STAGE);
    const state = saved ? decodeLinkState(saved) : null;
    if (!state) reason = "no saved index";
    else if (state.snapshot.meta.version !== SNAPSHOT_VERSION) reason = `saved index has format ${state.snapshot.meta.version}, not ${SNAPSHOT_VERSION}`;
    else if (await store.adsChangedSince(state.lastIngestRun, state.lastAdId)) reason = "ads already linked have new versions";
    else {
      index = LinkIndex.deserialize(state.snapshot, opts.config ?? {});
      after = state.lastAdId;
    }
  }
  const full = index === null;
  index ??= new LinkIndex(opts.config ?? {});
  tick("restore", t);
  const runId = await store.startRun("link", { mode: full ? "full" : "incremental", reason, config: opts.config ?? {} });

  const pageSize = opts.pageSize ?? 20_000;
  let newAds = 0;
  let rebuilt = false;
  const fresh: Link[] = [];
  // Set once the first page shows a large run: the shingle workers then read the text from the file themselves.
  let workersReadText = false;
  const readPage = async (from: number): Promise<LinkRecord[]> => {
    const page = await store.adsForLinking(from, pageSize, { text: !workersReadText });
    if (page.length === 0) return [];
    const ids = new Map<number, Identifier[]>();
    for (const f of await store.factValues(page[0].id, page[page.length - 1].id, IDENTIFIER_FACT_KINDS)) {
      let list = ids.get(f.adId);
      if (!list) ids.set(f.adId, (list = []));
      list.push({ kind: f.kind as Identifier["kind"], value: f.value });
    }
    return page.map((a) => toLinkRecord(a, ids.get(a.id) ?? []));
  };
  t = performance.now();
  let records = await readPage(after);
  tick("read", t);
  const workers = opts.shingleWorkers ?? (records.length === pageSize ? availableParallelism() : 0);
  const shingleConfig = { shingleSize: index.config.shingleSize, contactSlots: index.config.contactSlots };
  const file = existsSync(store.path) ? store.path : undefined;
  const pool = workers > 0 && ShinglePool.available() ? new ShinglePool(workers, shingleConfig, file) : null;
  workersReadText = pool !== null && file !== undefined;
  try {
    let shingled = pool && records.length ? pool.shingle(records) : null;
    while (records.length > 0) {
      // Read the next page while the workers shingle this one, then hand them the next before linking this one.
      t = performance.now();
      const next = await readPage(records[records.length - 1]!.id);
      tick("read", t);
      t = performance.now();
      await shingled;
      shingled = pool && next.length ? pool.shingle(next) : null;
      // A full build links text once, after every ad is counted (see LinkIndex.addBatch).
      const res = index.addBatch(records, { deferText: full, textLater: workersReadText });
      const wanted = index.pendingPhraseAds();
      if (wanted.length > 0) index.capturePending(new Map((await store.getAds(wanted)).map((a) => [a.id, a])));
      if (res.rebuilt) rebuilt = true;
      else if (!full) fresh.push(...res.links);
      tick("link", t);
      newAds += records.length;
      after = records[records.length - 1]!.id;
      opts.onProgress?.(newAds);
      records = next;
    }
  } finally {
    await pool?.close();
  }

  t = performance.now();
  if (workers > 0 && TextPool.available()) {
    const texts = new TextPool(workers);
    try {
      await index.finishDeferredWith(texts);
    } finally {
      await texts.close();
    }
  } else index.finishDeferred();
  tick("text", t);
  t = performance.now();
  // The learned boilerplate ends every run as a function of all ads seen, not of where refreshes fell: a full and
  // an incremental run then agree, and small early samples (where one prolific poster's text can pass the
  // "shared by many" bar) do not decide it. Re-signs every ad only when the learned set changed.
  if (index.refreshBoilerplate()) rebuilt = true;
  tick("refresh", t);
  t = performance.now();
  // A full run or a boilerplate refresh (which re-computes every text link) replaces the stored links.
  const replace = full || rebuilt;
  const links = replace ? index.storedLinks(TEXT_LINKS_PER_AD) : pruneTextLinks(fresh, TEXT_LINKS_PER_AD);
  const linksByKind: Record<string, number> = {};
  for (const l of links) linksByKind[l.kind] = (linksByKind[l.kind] ?? 0) + 1;
  // A large replacement is written by a worker thread while this one resolves (see SqliteStore.insertLinks);
  // nothing else is written before it is done. The no-op catch only keeps a failure from counting as unhandled
  // before it is awaited below.
  const linksWritten = store.insertLinks(runId, links, replace);
  linksWritten.catch(() => undefined);
  tick("write", t);
  t = performance.now();
  const previous = await store.networkAssignments();
  const res = index.resolve(previous);
  tick("resolve", t);

  t = performance.now();
  await linksWritten;
  await store.replaceNetworks(runId, networkWrites(index, res.networks));
  await store.putArtifact("link.boilerplate", runId, index.learnedBoilerplate());
  tick("write", t);

  t = performance.now();
  await store.putStageState(STAGE, encodeLinkState({ snapshot: index.serialize(), lastAdId: after, lastIngestRun: lastIngest }));
  tick("save", t);

  const summary: LinkSummary = {
    mode: full ? "full" : "incremental",
    reason: rebuilt && !full ? "learned boilerplate changed: text links recomputed" : reason,
    ads: index.n,
    newAds,
    links: links.length,
    linksByKind,
    networks: res.stats.networks,
    adsInNetworks: res.stats.adsInNetworks,
    largestNetwork: res.stats.largestNetwork,
    timings,
    runId,
  };
  await store.finishRun(runId, "ok", { ads: index.n, newAds, linksStored: links.length, networks: summary.networks, adsInNetworks: summary.adsInNetworks }, timings);
  return summary;
}

function networkWrites(index: LinkIndex, networks: { id: string; members: { adId: number; reason: Record<string, unknown> }[] }[]): NetworkWrite[] {
  const posted = new Map<number, number>();
  for (let d = 0; d < index.n; d++) posted.set(index.storeIds[d], index.postedAt[d]);
  return networks.map((n) => {
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
}

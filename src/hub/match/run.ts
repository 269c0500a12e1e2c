/**
 * Hub side of a match: check the upload and its key, HMAC the hub's own visible identifiers with the same field
 * keys, and answer each uploaded record with the networks (and ad counts, risk) whose ads carry it. Names: the CLK
 * of each distinct hub name against every uploaded name filter, Dice ≥ threshold.
 *
 * Privacy: the result holds only the member's own refs, network ids, counts, risk and Dice scores — never a hub
 * value, never a digest of one — and nothing here writes the upload or the hub's digests anywhere. The hub's
 * values are hashed in memory, one batch at a time, and compared with the uploaded digests; only the uploaded
 * side is held in a map, so memory grows with the upload, not with the hub.
 *
 * @example
 * const result = await runMatch(JSON.parse(text), await store.hub.listMatchKeys(), source);
 */
import type { MatchKeyRecord } from "../../store/hub.js";
import { DEFAULT_NAME_THRESHOLD, clkEncode, clkFromBase64 } from "./clk.js";
import { ClkIndex } from "./clk-index.js";
import { MatchError } from "./errors.js";
import { fieldKeys, hmacHex, keyForUpload } from "./keys.js";
import type { MatchAnswer, MatchedNetwork, MatchResult } from "./result.js";
import { RESULT_FORMAT } from "./result.js";
import type { MatchSource } from "./source.js";
import { singletonNetworkId } from "./source.js";
import { type MatchKind, checkUpload } from "./upload.js";

export interface RunOptions {
  /** Dice threshold for names, in (0, 1]; default 0.85. */
  threshold?: number;
  /** Rows per read from the source. */
  batch?: number;
}

/** networkId → ads carrying the identifier there, and (names) the best score. */
type Hits = Map<string, { ads: Set<number>; score: number }>;

function addHit(hits: Hits, networkId: string, adId: number, score: number): void {
  let h = hits.get(networkId);
  if (!h) hits.set(networkId, (h = { ads: new Set(), score }));
  h.ads.add(adId);
  if (score > h.score) h.score = score;
}

/**
 * Matches an upload (its parsed JSON) against the hub. Throws `MatchError` for a bad envelope or an unknown or
 * retired key; bad records are reported in `problems` and the others still matched.
 */
export async function runMatch(upload: unknown, keys: readonly MatchKeyRecord[], source: MatchSource, opts: RunOptions = {}): Promise<MatchResult> {
  const threshold = opts.threshold ?? DEFAULT_NAME_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) throw new MatchError("bad-input", `threshold must be in (0, 1], got ${threshold}`);
  const checked = checkUpload(upload);
  const key = keyForUpload(keys, checked.keyId);
  const fk = fieldKeys(key.secret);

  // Uploaded side: digest → record slots; distinct name filters → record slots.
  const wanted = { phone: new Map<string, number[]>(), email: new Map<string, number[]>() };
  const clkIds = new Map<string, number>();
  const clks: Uint32Array[] = [];
  const slotKey: (string | number)[] = [];
  checked.records.forEach(({ record: r }, slot) => {
    if (r.kind === "name") {
      let id = clkIds.get(r.clk);
      if (id === undefined) {
        id = clks.length;
        clkIds.set(r.clk, id);
        clks.push(clkFromBase64(r.clk) as Uint32Array);
      }
      slotKey.push(id);
    } else {
      const m = wanted[r.kind];
      const slots = m.get(r.hmac);
      if (slots) slots.push(slot);
      else m.set(r.hmac, [slot]);
      slotKey.push(r.hmac);
    }
  });

  const kinds: MatchKind[] = [];
  if (wanted.phone.size) kinds.push("phone");
  if (wanted.email.size) kinds.push("email");
  if (clks.length) kinds.push("name");

  const byDigest = new Map<string, Hits>();
  const byClk = new Map<number, Hits>();
  if (kinds.length) {
    const index = new ClkIndex(clks, threshold);
    // A hub name → the uploaded filters it matches (computed once per distinct name; usually none).
    const nameHits = new Map<string, { id: number; score: number }[]>();
    for await (const rows of source.identifierRows(kinds, opts.batch ?? 10_000)) {
      for (const row of rows) {
        const networkId = row.networkId ?? singletonNetworkId(row.adId);
        if (row.kind === "phone" || row.kind === "email") {
          const digest = hmacHex(fk[row.kind], row.value);
          if (!wanted[row.kind].has(digest)) continue;
          let hits = byDigest.get(digest);
          if (!hits) byDigest.set(digest, (hits = new Map()));
          addHit(hits, networkId, row.adId, 0);
        } else if (row.kind === "name" && index.size) {
          let found = nameHits.get(row.value);
          if (!found) nameHits.set(row.value, (found = index.search(clkEncode(fk.nameClk, row.value))));
          for (const { id, score } of found) {
            let hits = byClk.get(id);
            if (!hits) byClk.set(id, (hits = new Map()));
            addHit(hits, networkId, row.adId, score);
          }
        }
      }
    }
  }

  const answers: { slot: number; hits: Hits }[] = [];
  const networkIds = new Set<string>();
  slotKey.forEach((k, slot) => {
    const hits = typeof k === "number" ? byClk.get(k) : byDigest.get(k);
    if (!hits) return;
    answers.push({ slot, hits });
    for (const id of hits.keys()) networkIds.add(id);
  });
  const risk = networkIds.size ? await source.networkRisk([...networkIds]) : new Map<string, number>();

  const matches: MatchAnswer[] = answers.map(({ slot, hits }) => {
    const { index, record } = checked.records[slot];
    const isName = record.kind === "name";
    const networks: MatchedNetwork[] = [...hits].map(([networkId, h]) => {
      const n: MatchedNetwork = { networkId, ads: h.ads.size, risk: risk.get(networkId) ?? null };
      if (isName) n.score = round(h.score);
      return n;
    });
    networks.sort((a, b) => (b.risk ?? -1) - (a.risk ?? -1) || b.ads - a.ads || (a.networkId < b.networkId ? -1 : 1));
    const a: MatchAnswer = { index, ref: record.ref, kind: record.kind, ads: networks.reduce((s, n) => s + n.ads, 0), networks };
    if (isName) a.score = Math.max(...networks.map((n) => n.score ?? 0));
    return a;
  });
  return { format: RESULT_FORMAT, keyId: key.id, threshold, records: checked.total, matched: matches.length, matches, problems: checked.problems };
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/**
 * Writing links: as columns (typed arrays plus each distinct evidence JSON once), so a large replacement can be
 * handed to a worker thread with its own connection (`links-worker.ts`) while the linker resolves networks.
 */
import type Database from "better-sqlite3";
import type { Link } from "../../domain/link.js";
import { LINKS_A_COLUMNS } from "../migrations/009-links-covering.js";

export interface LinkColumns {
  a: Float64Array;
  b: Float64Array;
  weight: Float64Array;
  /** Index into `kinds`. */
  kind: Uint8Array;
  /** Index into `evidence`. */
  evidenceOf: Int32Array;
  kinds: string[];
  evidence: string[];
}

export function toLinkColumns(links: readonly Link[]): LinkColumns {
  const n = links.length;
  const cols: LinkColumns = {
    a: new Float64Array(n),
    b: new Float64Array(n),
    weight: new Float64Array(n),
    kind: new Uint8Array(n),
    evidenceOf: new Int32Array(n),
    kinds: [],
    evidence: [],
  };
  const kindIndex = new Map<string, number>();
  // Evidence objects are often shared (one per identifier value, one per similarity): encode each once.
  const encoded = new Map<object, number>();
  for (let i = 0; i < n; i++) {
    const l = links[i];
    cols.a[i] = l.a;
    cols.b[i] = l.b;
    cols.weight[i] = l.weight;
    let k = kindIndex.get(l.kind);
    if (k === undefined) kindIndex.set(l.kind, (k = cols.kinds.push(l.kind) - 1));
    cols.kind[i] = k;
    let e = encoded.get(l.evidence);
    if (e === undefined) encoded.set(l.evidence, (e = cols.evidence.push(JSON.stringify(l.evidence)) - 1));
    cols.evidenceOf[i] = e;
  }
  return cols;
}

/**
 * Adds the links (`replace`: in place of every stored link) in one transaction. A large replacement drops the two
 * indexes and builds them after the rows, sorted: much cheaper than keeping them up to date row by row, and
 * cheaper still when the rows come ordered by (a, b) as `LinkIndex.storedLinks` gives them (3M links: 7.3 → 1.9 s
 * for both indexes).
 */
export function writeLinks(raw: Database.Database, runId: number, cols: LinkColumns, replace: boolean): void {
  const ins = raw.prepare("insert into links (ad_a, ad_b, kind, weight, evidence, run_id) values (?, ?, ?, ?, ?, ?)");
  const n = cols.a.length;
  const bulk = replace && n > BULK_LINKS;
  raw.transaction(() => {
    if (replace) raw.exec("delete from links");
    if (bulk) raw.exec("drop index links_a; drop index links_b;");
    for (let i = 0; i < n; i++) ins.run(cols.a[i], cols.b[i], cols.kinds[cols.kind[i]], cols.weight[i], cols.evidence[cols.evidenceOf[i]], runId);
    if (bulk) raw.exec(`create index links_a on links (${LINKS_A_COLUMNS.join(", ")}); create index links_b on links (ad_b);`);
  })();
}

/** From this many links a replacement rebuilds the indexes after the rows. */
export const BULK_LINKS = 10_000;

/**
 * The bm25 expression for ranking searches. FTS5's `bm25()` counts the documents holding each term on every query
 * (a scan of the term's whole doclist: 3–12 ms for a common word in a million ads, most of a search's time), so
 * where the native extension (`native/tl_fts.c`, built by `npm run build`) loads, searches rank with its
 * `tl_bm25()` — the same formula, weights and IDF — given those counts from a per-process cache keyed on the
 * content version. Without the extension, or while a run is writing (its committed batches are not in the content
 * version yet), `bm25()` counts them itself. The ranks are identical either way (tested).
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type Database from "better-sqlite3";

type Handle = Database.Database;

/** Title matches weigh twice body matches. */
const WEIGHTS = "2.0, 1.0";
const BUILTIN = `bm25(ads_fts, ${WEIGHTS})`;
const NATIVE = `tl_bm25(ads_fts, ?, ${WEIGHTS})`;

/** A rank expression for `select … from ads_fts` and the arguments it binds (before the query's own). */
export interface RankSql {
  expr: string;
  args: unknown[];
}

const EXT = process.platform === "darwin" ? "dylib" : process.platform === "win32" ? "dll" : "so";

/** `native/build/tl_fts.<ext>` above this module (src/… in tests, dist/… when built, dist-bench/src/… in benches). */
export function nativeRankPath(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const p = join(dir, "native", "build", `tl_fts.${EXT}`);
    if (existsSync(p)) return p;
    dir = dirname(dir);
  }
  return null;
}

const loaded = new WeakMap<Handle, boolean>();

/** Loads the extension into `db` once; false when it is not built or does not load (then `bm25()` ranks). */
export function hasNativeRank(db: Handle): boolean {
  let ok = loaded.get(db);
  if (ok === undefined) {
    const path = process.env.THREADLINE_NATIVE_RANK === "0" ? null : nativeRankPath();
    ok = false;
    if (path) {
      try {
        db.loadExtension(path); // entry point from the file name: sqlite3_tlfts_init
        ok = true;
      } catch {
        ok = false;
      }
    }
    loaded.set(db, ok);
  }
  return ok;
}

/** An FTS5 query from plain terms: every term a quoted string literal, implicitly ANDed. Terms carry no quotes. */
export function ftsQuery(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(" ");
}

interface Counts {
  version: string;
  byTerm: Map<string, number>;
}

const counts = new WeakMap<Handle, Counts>();
/** Terms kept per process: a count is a few bytes, recounting a common word ~10 ms. */
const TERMS_KEPT = 20_000;

/**
 * How to rank a search for `terms` (one FTS5 phrase each, in order, as `ftsQuery` writes them). `version` is the
 * content version; null while a run is writing, when only `bm25()` is exact. `hidden`, for a viewer some ads are
 * hidden from, counts a phrase's documents among them: they are taken out of the counts, so a private ad's words
 * do not move the relevance another organization sees (bm25 over every document would tell, to a careful reader of
 * relevance values, whether hidden ads use a word such as a phone number).
 */
export function rankSql(db: Handle, terms: readonly string[], version: string | null, hidden: HiddenDocs | null = null): RankSql {
  if (version === null || !hasNativeRank(db)) return { expr: BUILTIN, args: [] };
  let c = counts.get(db);
  if (!c || c.version !== version) counts.set(db, (c = { version, byTerm: new Map() }));
  const per: number[] = [];
  for (const t of terms) {
    const all = remember(c.byTerm, t, () => phraseDocs(db, t));
    per.push(hidden === null || all === 0 ? all : all - remember(hiddenCounts(hidden).byTerm, t, () => hidden.count(ftsQuery([t]))));
  }
  // A term that makes no phrase (no token in it) leaves the phrase count short: tl_bm25 then counts them all itself.
  if (hidden === null) return { expr: NATIVE, args: [per.join(",")] };
  const h = hiddenCounts(hidden);
  h.tokens ??= hiddenTokens(db, hidden.ids());
  const tokens = h.tokens;
  return { expr: NATIVE, args: [`${per.join(",")}|${hidden.ids().length},${tokens}`] };
}

/**
 * The documents hidden from one viewer: `key` stands for this set (a new key, fresh counts: the set changes when
 * sharing does, with or without a run), their ids, and how many of them match a phrase.
 */
export interface HiddenDocs {
  key: object;
  ids(): readonly number[];
  count(phrase: string): number;
}

/** Per hidden set: how many of its documents hold each term, and its tokens in all. */
const hiddenSets = new WeakMap<object, { byTerm: Map<string, number>; tokens?: number }>();

function hiddenCounts(h: HiddenDocs): { byTerm: Map<string, number>; tokens?: number } {
  let c = hiddenSets.get(h.key);
  if (!c) hiddenSets.set(h.key, (c = { byTerm: new Map() }));
  return c;
}

/** Tokens in all columns of the given documents, from FTS5's `docsize` table (one varint per column). */
function hiddenTokens(db: Handle, ids: readonly number[]): number {
  const st = db.prepare("select sz from ads_fts_docsize where id = ?").pluck();
  let total = 0;
  for (const id of ids) {
    const sz = st.get(id) as Uint8Array | undefined;
    if (!sz) continue;
    let i = 0;
    while (i < sz.length) {
      // SQLite's varint: 7 bits a byte, high bit set on all but the last; a ninth byte carries 8.
      let v = 0;
      for (let k = 0; i < sz.length; k++) {
        const byte = sz[i++];
        if (k === 8) {
          v = v * 256 + byte;
          break;
        }
        v = v * 128 + (byte & 0x7f);
        if ((byte & 0x80) === 0) break;
      }
      total += v;
    }
  }
  return total;
}

/** `m`'s count for `key`, made once (the oldest of `TERMS_KEPT` dropped to make room). */
function remember(m: Map<string, number>, key: string, make: () => number): number {
  let n = m.get(key);
  if (n === undefined) {
    n = make();
    if (m.size >= TERMS_KEPT) m.delete(m.keys().next().value as string);
    m.set(key, n);
  }
  return n;
}

const countSql = "select tl_phrase_docs(ads_fts) from ads_fts where ads_fts match ? limit 1";

/** Documents holding `term` (the count `bm25()` makes for its IDF); 0 when none does. */
function phraseDocs(db: Handle, term: string): number {
  const r = db.prepare(countSql).pluck().get(ftsQuery([term])) as string | undefined;
  return r === undefined ? 0 : Number(r);
}

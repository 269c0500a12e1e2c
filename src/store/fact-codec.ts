/**
 * How an ad's facts are stored: one JSON text per ad (a row in `ad_facts`) instead of one row per fact, plus a
 * narrow `fact_index` row per distinct identifier (kind, value) so identifiers stay searchable. A dozen rows and
 * two index entries per ad made the fact insert the single writer's largest cost at ingest (8 of 19 s per 100k
 * ads); one row per ad, encoded by the worker that extracted it, leaves the writer a copy.
 *
 * Each fact is a tuple `[kind, value, field, start, end, confidence, obfuscated (0|1), data?]` — no key names
 * repeated a dozen times per ad — and `data` holds only what cannot be derived from the kind, the value and the
 * reference data (`packData`, `src/extract/stored-data.ts`): often `{}`. Pure functions; the encoded text is what
 * `ad_facts.facts` holds.
 */
import type { Fact, FactKind, TextField } from "../domain/fact.js";
import { packData, unpackData } from "../extract/stored-data.js";

/** Kinds looked up by value (search filters, identifier pages, linking, matching): these get `fact_index` rows. */
export const INDEXED_FACT_KINDS: readonly FactKind[] = ["phone", "email", "handle", "url", "name"];
const INDEXED = new Set<string>(INDEXED_FACT_KINDS);

export function isIndexedKind(kind: string): boolean {
  return INDEXED.has(kind);
}

type FactTuple = [FactKind, string, TextField, number, number, number, 0 | 1, (Record<string, unknown> | null)?];

/** An ad's facts ready to store: the encoded text, how many, and its distinct indexed (kind, value) pairs. */
export interface EncodedFacts {
  json: string;
  count: number;
  /** Flat [kind0, value0, kind1, value1, …], each pair once. */
  keys: string[];
}

export function encodeFacts(facts: readonly Fact[]): EncodedFacts {
  const tuples: FactTuple[] = new Array<FactTuple>(facts.length);
  const keys: string[] = [];
  let seen: Set<string> | null = null;
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i]!;
    const t: FactTuple = [f.kind, f.value, f.field, f.span[0], f.span[1], f.confidence, f.obfuscated ? 1 : 0];
    if (f.data) t.push(packData(f.kind, f.value, f.data));
    tuples[i] = t;
    if (INDEXED.has(f.kind)) {
      // An ad has a handful of indexed facts: scanning the pairs so far beats a Set of joined keys until many.
      if (keys.length < 64) {
        if (!hasPair(keys, f.kind, f.value)) keys.push(f.kind, f.value);
        continue;
      }
      seen ??= pairSet(keys);
      const k = `${f.kind}\u0000${f.value}`;
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(f.kind, f.value);
      }
    }
  }
  return { json: JSON.stringify(tuples), count: facts.length, keys };
}

/**
 * `encodeFacts` over an ad's facts given in parts, some already encoded: each part's tuples are JSON (one
 * JSON.stringify per part, or a fragment encoded before) and the whole is what `encodeFacts` gives for the facts of
 * all parts in order. JSON.stringify of an array is its elements' JSON joined by ",", so fragments concatenate.
 */
export class FactEncoder {
  private readonly parts: string[] = [];
  private readonly keys: string[] = [];
  private seen: Set<string> | null = null;
  private count = 0;

  /** Encode `facts` (the next facts in order). */
  add(facts: readonly Fact[]): void {
    if (facts.length === 0) return;
    this.addEncoded(tuplesJson(facts), facts.length, indexedPairs(facts));
  }

  /** Add `count` facts encoded before as `tuplesJson` gave them, with their `indexedPairs`. */
  addEncoded(fragment: string, count: number, pairs: readonly string[]): void {
    if (count === 0) return;
    this.parts.push(fragment);
    this.count += count;
    for (let k = 0; k < pairs.length; k += 2) this.addKey(pairs[k], pairs[k + 1]);
  }

  private addKey(kind: string, value: string): void {
    // As `encodeFacts`: scan the pairs while few, a Set of joined pairs past 32.
    if (this.keys.length < 64) {
      if (!hasPair(this.keys, kind, value)) this.keys.push(kind, value);
      return;
    }
    this.seen ??= pairSet(this.keys);
    const k = `${kind}\u0000${value}`;
    if (!this.seen.has(k)) {
      this.seen.add(k);
      this.keys.push(kind, value);
    }
  }

  finish(): EncodedFacts {
    return { json: `[${this.parts.join(",")}]`, count: this.count, keys: this.keys };
  }
}

/** The tuples of `facts` as JSON without the enclosing brackets ("" for none): `encodeFacts(facts).json` inside. */
export function tuplesJson(facts: readonly Fact[]): string {
  if (facts.length === 0) return "";
  const tuples: FactTuple[] = new Array<FactTuple>(facts.length);
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i]!;
    const t: FactTuple = [f.kind, f.value, f.field, f.span[0], f.span[1], f.confidence, f.obfuscated ? 1 : 0];
    if (f.data) t.push(packData(f.kind, f.value, f.data));
    tuples[i] = t;
  }
  const json = JSON.stringify(tuples);
  return json.slice(1, json.length - 1);
}

/** The (kind, value) of each fact of an indexed kind, in order and repeats included: flat [kind0, value0, …]. */
export function indexedPairs(facts: readonly Fact[]): string[] {
  const pairs: string[] = [];
  for (const f of facts) if (INDEXED.has(f.kind)) pairs.push(f.kind, f.value);
  return pairs;
}

function hasPair(keys: readonly string[], kind: string, value: string): boolean {
  for (let k = 0; k < keys.length; k += 2) if (keys[k + 1] === value && keys[k] === kind) return true;
  return false;
}

function pairSet(keys: readonly string[]): Set<string> {
  const seen = new Set<string>();
  for (let k = 0; k < keys.length; k += 2) seen.add(`${keys[k]}\u0000${keys[k + 1]}`);
  return seen;
}

/**
 * The (kind, value) of each fact of the given kinds, as flat [kind0, value0, …], repeats included: what counting
 * identifiers needs, without building facts or their data.
 */
export function decodeFactKeys(json: string, kinds: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const t of JSON.parse(json) as FactTuple[]) if (kinds.has(t[0])) out.push(t[0], t[1]);
  return out;
}

export function decodeFacts(json: string, kinds?: ReadonlySet<string>): Fact[] {
  const out: Fact[] = [];
  for (const t of JSON.parse(json) as FactTuple[]) {
    if (kinds && !kinds.has(t[0])) continue;
    const f: Fact = { kind: t[0], value: t[1], field: t[2], span: [t[3], t[4]], confidence: t[5] };
    if (t[6] === 1) f.obfuscated = true;
    if (t[7] != null) f.data = unpackData(t[0], t[1], t[7]); // null: migrated from a fact row without data
    out.push(f);
  }
  return out;
}

/**
 * How an ad's facts are stored: one JSON text per ad (a row in `ad_facts`) instead of one row per fact, plus a
 * narrow `fact_index` row per distinct identifier (kind, value) so identifiers stay searchable. A dozen rows and
 * two index entries per ad made the fact insert the single writer's largest cost at ingest (8 of 19 s per 100k
 * ads); one row per ad, encoded by the worker that extracted it, leaves the writer a copy.
 *
 * Each fact is a tuple `[kind, value, field, start, end, confidence, obfuscated (0|1), data?]` — no key names
 * repeated a dozen times per ad. Pure functions; the encoded text is what `ad_facts.facts` holds.
 */
import type { Fact, FactKind, TextField } from "../domain/fact.js";

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
    if (f.data) t.push(f.data);
    tuples[i] = t;
    if (INDEXED.has(f.kind)) {
      const k = `${f.kind}\u0000${f.value}`;
      seen ??= new Set();
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(f.kind, f.value);
      }
    }
  }
  return { json: JSON.stringify(tuples), count: facts.length, keys };
}

export function decodeFacts(json: string, kinds?: ReadonlySet<string>): Fact[] {
  const out: Fact[] = [];
  for (const t of JSON.parse(json) as FactTuple[]) {
    if (kinds && !kinds.has(t[0])) continue;
    const f: Fact = { kind: t[0], value: t[1], field: t[2], span: [t[3], t[4]], confidence: t[5] };
    if (t[6] === 1) f.obfuscated = true;
    if (t[7] != null) f.data = t[7]; // null: migrated from a fact row without data
    out.push(f);
  }
  return out;
}

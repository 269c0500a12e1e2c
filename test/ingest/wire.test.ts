/** What crosses the worker boundary comes back as it went: packed lines, prepared batches, and the pool as a whole. */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { PreparePool as Pool } from "../../src/ingest/pool.js";
import { prepareBatch, type PreparedBatch, type PrepareOptions, type WireRecord } from "../../src/ingest/prepare.js";
import { BatchEncoder, decodeBatch, packRecords, REPLY_ITEMS, unpackRecords } from "../../src/ingest/wire.js";
import { generateCorpus } from "../../src/synth/index.js";

function lines(n: number): WireRecord[] {
  const out: WireRecord[] = [];
  for (const r of generateCorpus({ ads: n, seed: 5 })) out.push({ line: out.length + 1, text: JSON.stringify(r.ad) });
  return out;
}

const ODD: WireRecord[] = [
  { line: 1, text: "" },
  { line: 2, text: "not json" },
  { line: 7, text: '{"id":"a","source":"s","body":"call 4165550123 \\ud800 lone surrogate, 😍 ④ \\u2028"}' },
  { line: 9, text: "" },
  { line: 10, text: '{"id":1,"source":"s","title":"t","extra":{"n":-0,"big":1e308,"deep":[{"a":null}]}}' },
  { line: 11, text: '{"source":"s","body":"no id"}' },
];

function encoded(records: WireRecord[], o: PrepareOptions, partChars?: number): PreparedBatch {
  const b = prepareBatch(records, o);
  const enc = new BatchEncoder(partChars);
  for (const item of b.items) enc.add(item);
  for (const r of b.rejects) enc.reject(r);
  // Through structured clone, as postMessage sends it.
  return decodeBatch(structuredClone(enc.finish()));
}

describe("worker wire format", () => {
  it("packs JSON lines into parts and unpacks them unchanged", () => {
    const recs = [...ODD, ...lines(300)];
    for (const partChars of [1, 100, 5000, 1 << 24]) {
      const packed = packRecords(recs, partChars);
      expect(Array.isArray(packed)).toBe(false);
      expect(unpackRecords(structuredClone(packed))).toEqual(recs);
    }
  });

  it("leaves records that are not JSON lines as they are", () => {
    const recs: WireRecord[] = [{ line: 1, value: { id: "x" }, raw: "x" }, { line: 2, error: "bad", raw: null }];
    expect(packRecords(recs)).toBe(recs);
    expect(unpackRecords(recs)).toBe(recs);
  });

  it("returns prepared batches unchanged, in parts of any size", () => {
    const recs = [...ODD, ...lines(400)];
    for (const extract of [true, false]) {
      const o = { file: "f.jsonl", source: "s", extract };
      const want = prepareBatch(recs, o);
      expect(want.rejects.length).toBeGreaterThan(0);
      for (const partChars of [1, 3000, 1 << 24]) expect(encoded(recs, o, partChars)).toEqual(JSON.parse(JSON.stringify(want)));
    }
  });
});

// The pool starts workers from the built files (`npm test` builds first).
const built = new URL("../../dist/ingest/pool.js", import.meta.url);
describe.runIf(existsSync(built))("prepare pool", () => {
  it("prepares the same batches as the main thread, in submission order", async () => {
    const { PreparePool } = (await import(built.href)) as { PreparePool: typeof Pool };
    const recs = [...ODD, ...lines(3000)];
    const o = { file: "f.jsonl", extract: true };
    const pool = new PreparePool(2);
    try {
      const jobs: Promise<PreparedBatch>[] = [];
      for (let i = 0; i < recs.length; i += 250) jobs.push(pool.submit(recs.slice(i, i + 250), o));
      const got = await Promise.all(jobs);
      for (let k = 0; k < got.length; k++) {
        expect(got[k]).toEqual(JSON.parse(JSON.stringify(prepareBatch(recs.slice(k * 250, k * 250 + 250), o))));
      }
    } finally {
      await pool.close();
    }
  });

  it("joins a job's results sent back in slices (batches around and far above the slice size)", async () => {
    const { PreparePool } = (await import(built.href)) as { PreparePool: typeof Pool };
    const recs = [...lines(700), ...ODD, ...lines(2400)];
    const pool = new PreparePool(2);
    try {
      for (const extract of [true, false]) {
        const o = { file: "f.jsonl", extract };
        let at = 0;
        const cuts: [number, number][] = [];
        for (const size of [1, REPLY_ITEMS - 1, REPLY_ITEMS, REPLY_ITEMS + 1, 1000, recs.length]) {
          cuts.push([at % recs.length, Math.min(recs.length, (at % recs.length) + size)]);
          at += size;
        }
        const got = await Promise.all(cuts.map(([a, b]) => pool.submit(recs.slice(a, b), o)));
        cuts.forEach(([a, b], k) => expect(got[k], `records ${a}–${b}`).toEqual(JSON.parse(JSON.stringify(prepareBatch(recs.slice(a, b), o)))));
        expect(got.some((g) => g.rejects.length > 0)).toBe(true);
      }
    } finally {
      await pool.close();
    }
  });
});

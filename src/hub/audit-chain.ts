/**
 * The audit log's hash chain: each entry's hash covers its own fields and the previous entry's hash, so editing,
 * deleting or reordering any entry breaks every hash after it. Pure functions; the store appends, `audit verify`
 * walks the chain.
 */
import { createHash } from "node:crypto";
import type { AuditEntry } from "../store/hub.js";

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every level: one byte string per value, whatever the key order it was built in. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(",")}}`;
}

export function auditHash(prevHash: string, e: Omit<AuditEntry, "hash" | "prevHash">): string {
  const body = canonicalJson([e.seq, e.at, e.actor, e.org, e.action, e.target, e.detail]);
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}

export interface ChainReport {
  ok: boolean;
  entries: number;
  /** Hash of the last entry (record it elsewhere to detect truncation of the tail). */
  head: string;
  /** First broken entry and why. */
  broken: { seq: number; reason: string } | null;
}

/** Walks the entries in order and checks every link and hash. */
export async function verifyChain(entries: AsyncIterable<AuditEntry> | Iterable<AuditEntry>): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let n = 0;
  for await (const e of entries) {
    n++;
    if (e.seq <= lastSeq) return { ok: false, entries: n, head: prev, broken: { seq: e.seq, reason: `sequence goes back from ${lastSeq} to ${e.seq}` } };
    if (e.seq !== lastSeq + 1) return { ok: false, entries: n, head: prev, broken: { seq: e.seq, reason: `entries ${lastSeq + 1}–${e.seq - 1} are missing` } };
    if (e.prevHash !== prev) return { ok: false, entries: n, head: prev, broken: { seq: e.seq, reason: "previous-hash link does not match the entry before it" } };
    const want = auditHash(prev, e);
    if (want !== e.hash) return { ok: false, entries: n, head: prev, broken: { seq: e.seq, reason: "entry content does not match its hash (edited)" } };
    prev = e.hash;
    lastSeq = e.seq;
  }
  return { ok: true, entries: n, head: prev, broken: null };
}

/** The audit log over better-sqlite3: appends chained to the last entry inside one IMMEDIATE transaction. */
import type Database from "better-sqlite3";
import { auditHash, GENESIS_HASH } from "../../hub/audit-chain.js";
import type { AuditEntry, AuditStore } from "../hub.js";

type Handle = Database.Database;
type Row = { seq: number; at: string; actor: string; org_id: string | null; action: string; target: string | null; detail: string; prev_hash: string; hash: string };

const toEntry = (r: Row): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  org: r.org_id,
  action: r.action,
  target: r.target,
  detail: JSON.parse(r.detail) as Record<string, unknown>,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export function sqliteAudit(db: Handle): AuditStore {
  const last = db.prepare<[], { seq: number; hash: string }>("select seq, hash from audit_log order by seq desc limit 1");
  const ins = db.prepare("insert into audit_log (seq, at, actor, org_id, action, target, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  // IMMEDIATE takes the write lock before reading the tail, so two processes (server and CLI) cannot both chain
  // onto the same entry.
  const append = db.transaction((e: Omit<AuditEntry, "seq" | "prevHash" | "hash">): AuditEntry => {
    const tail = last.get();
    const seq = (tail?.seq ?? 0) + 1;
    const prevHash = tail?.hash ?? GENESIS_HASH;
    const entry = { ...e, seq };
    const hash = auditHash(prevHash, entry);
    ins.run(seq, e.at, e.actor, e.org, e.action, e.target, JSON.stringify(e.detail), prevHash, hash);
    return { ...entry, prevHash, hash };
  });
  return {
    async append(e) {
      return append.immediate({ ...e, at: new Date().toISOString() });
    },
    async list(f, afterSeq, limit) {
      const where = ["seq > ?"];
      const args: unknown[] = [afterSeq];
      const conds: [string, string | undefined][] = [
        ["actor = ?", f.actor],
        ["org_id = ?", f.org],
        ["action = ?", f.action],
        ["at >= ?", f.since],
      ];
      for (const [cond, v] of conds) {
        if (v === undefined) continue;
        where.push(cond);
        args.push(v);
      }
      return db
        .prepare<unknown[], Row>(`select * from audit_log where ${where.join(" and ")} order by seq limit ?`)
        .all(...args, limit)
        .map(toEntry);
    },
    async *all() {
      let after = 0;
      const page = db.prepare<[number], Row>("select * from audit_log where seq > ? order by seq limit 5000");
      for (;;) {
        const rows = page.all(after);
        if (rows.length === 0) return;
        for (const r of rows) yield toEntry(r);
        after = rows[rows.length - 1]!.seq;
      }
    },
  };
}

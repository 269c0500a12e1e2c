/** Cases: an analyst's saved ads and networks with notes. Plain SQL over the better-sqlite3 handle. */
import type Database from "better-sqlite3";
import type { CaseItemRecord, CaseNoteRecord, CaseRecord } from "../read-model.js";

type Handle = Database.Database;

const CASE_COLS = `c.id, c.title, c.description, c.created_at, c.updated_at,
  (select count(*) from case_items i where i.case_id = c.id) as item_count,
  (select count(*) from case_notes n where n.case_id = c.id) as note_count`;
type CaseRaw = { id: number; title: string; description: string; created_at: string; updated_at: string; item_count: number; note_count: number };

const toCase = (r: CaseRaw): CaseRecord => ({
  id: r.id,
  title: r.title,
  description: r.description,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  itemCount: r.item_count,
  noteCount: r.note_count,
});

/** A case belongs to the organization that opened it; only its members see it (`org` null: the operator). */
export function createCase(db: Handle, org: string, createdBy: string | null, title: string, description: string): CaseRecord {
  const now = new Date().toISOString();
  const id = Number(
    db.prepare("insert into cases (title, description, created_at, updated_at, org_id, created_by) values (?, ?, ?, ?, ?, ?)").run(title, description, now, now, org, createdBy).lastInsertRowid,
  );
  return getCase(db, org, id) as CaseRecord;
}

export function getCase(db: Handle, org: string | null, id: number): CaseRecord | null {
  const r = db.prepare<[number, string | null, string | null], CaseRaw>(`select ${CASE_COLS} from cases c where c.id = ? and (? is null or c.org_id = ?)`).get(id, org, org);
  return r ? toCase(r) : null;
}

/** Newest first, after the case id `after`. */
export function listCases(db: Handle, org: string | null, after: number | null, limit: number): CaseRecord[] {
  return db
    .prepare<[number, string | null, string | null, number], CaseRaw>(`select ${CASE_COLS} from cases c where c.id < ? and (? is null or c.org_id = ?) order by c.id desc limit ?`)
    .all(after ?? Number.MAX_SAFE_INTEGER, org, org, limit)
    .map(toCase);
}

export function caseItems(db: Handle, caseId: number): CaseItemRecord[] {
  return db
    .prepare<[number], { id: number; kind: "ad" | "network"; ref: string; added_at: string }>("select id, kind, ref, added_at from case_items where case_id = ? order by id")
    .all(caseId)
    .map((r) => ({ id: r.id, kind: r.kind, ref: r.ref, addedAt: r.added_at }));
}

export function caseNotes(db: Handle, caseId: number): CaseNoteRecord[] {
  return db
    .prepare<[number], { id: number; text: string; created_at: string }>("select id, text, created_at from case_notes where case_id = ? order by id")
    .all(caseId)
    .map((r) => ({ id: r.id, text: r.text, createdAt: r.created_at }));
}

/** Adds an item; returns null when the case already holds it. */
export function addCaseItem(db: Handle, caseId: number, kind: "ad" | "network", ref: string): CaseItemRecord | null {
  const now = new Date().toISOString();
  return db.transaction(() => {
    const r = db.prepare("insert or ignore into case_items (case_id, kind, ref, added_at) values (?, ?, ?, ?)").run(caseId, kind, ref, now);
    if (r.changes === 0) return null;
    db.prepare("update cases set updated_at = ? where id = ?").run(now, caseId);
    return { id: Number(r.lastInsertRowid), kind, ref, addedAt: now };
  })();
}

/** Removes an item of the case; false when there was none. */
export function deleteCaseItem(db: Handle, caseId: number, itemId: number): boolean {
  return db.transaction(() => {
    const r = db.prepare("delete from case_items where case_id = ? and id = ?").run(caseId, itemId);
    if (r.changes > 0) db.prepare("update cases set updated_at = ? where id = ?").run(new Date().toISOString(), caseId);
    return r.changes > 0;
  })();
}

export function addCaseNote(db: Handle, caseId: number, text: string): CaseNoteRecord {
  const now = new Date().toISOString();
  return db.transaction(() => {
    const r = db.prepare("insert into case_notes (case_id, text, created_at) values (?, ?, ?)").run(caseId, text, now);
    db.prepare("update cases set updated_at = ? where id = ?").run(now, caseId);
    return { id: Number(r.lastInsertRowid), text, createdAt: now };
  })();
}

/**
 * Cursor pagination: the cursor is the base64url JSON of the last row's sort key, opaque to clients. Keyset
 * paging never skips or repeats rows when pages are walked in order, and costs the same on page 1 and page 1,000.
 */
import { z } from "zod";
import { invalid } from "./problem.js";

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

/** `cursor` and `limit` query fields, shared by every list route. */
export const pageQuery = {
  cursor: z.string().max(512).optional().describe("Opaque cursor from the previous page's `nextCursor`."),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT).describe(`Page size, 1–${MAX_LIMIT}.`),
};

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/** Decodes and validates a cursor against the route's sort-key schema; a bad cursor is a 400 on `query.cursor`. */
export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | null {
  if (cursor === undefined || cursor === "") return null;
  let raw: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error("not base64url");
    raw = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid("query.cursor", "not a cursor returned by this API");
  }
  const r = schema.safeParse(raw);
  if (!r.success) throw invalid("query.cursor", "not a cursor returned by this API");
  return r.data;
}

/** `{items, nextCursor}` from `limit + 1` fetched rows: the extra row only says whether there is a next page. */
export function pageOf<R, T>(rows: R[], limit: number, key: (r: R) => unknown, map: (r: R) => T): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { items: page.map(map), nextCursor: more ? encodeCursor(key(page[page.length - 1])) : null };
}

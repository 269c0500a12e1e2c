/** Validation of one input record (zod). Unknown fields are kept verbatim in `extra`. */
import { z } from "zod";
import type { AdInput } from "../domain/ad.js";

/** Longest title or body we accept; real ads are a few KiB, so anything larger is a scraping accident. */
export const MAX_TEXT = 100_000;

const isoDate = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: "is not an ISO 8601 date",
  });

const text = (name: string) =>
  z.string().max(MAX_TEXT, { message: `${name} is longer than ${MAX_TEXT} characters` });

const optionalString = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .optional()
  .nullable();

const image = z
  .object({
    sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, { message: "sha256 must be 64 hex digits" }).optional(),
    phash: z.string().min(1).max(64).optional(),
    url: z.string().max(4096).optional(),
  })
  .strict();

const KNOWN = ["id", "source", "url", "posted_at", "title", "body", "city", "region", "phone", "email", "images", "extra"] as const;

export const adRecord = z
  .object({
    id: z.union([z.string().trim().min(1, { message: "id is empty" }).max(512), z.number().int().nonnegative()]).transform(String),
    source: z.string().trim().min(1).max(200).optional(),
    url: z.string().max(4096).optional().nullable(),
    posted_at: isoDate.optional().nullable(),
    title: text("title").optional().nullable(),
    body: text("body").optional().nullable(),
    city: optionalString,
    region: optionalString,
    phone: optionalString,
    email: optionalString,
    images: z.array(image).max(200).optional().nullable(),
    extra: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();

export type ValidationResult = { ok: true; ad: AdInput } | { ok: false; reason: string; recordId: string | null };

function describe(err: z.ZodError): string {
  return err.issues
    .map((i) => {
      const path = i.path.join(".");
      if (i.code === "invalid_union") return `${path}: has the wrong type`;
      return path ? `${path}: ${i.message}` : i.message;
    })
    .join("; ");
}

/** Validates a parsed record; `defaultSource` applies when the record has none (`--source`). */
export function validateRecord(value: unknown, defaultSource: string | undefined): ValidationResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, reason: "record is not a JSON object", recordId: null };
  }
  const obj = value as Record<string, unknown>;
  if (obj.id === undefined || obj.id === null) return { ok: false, reason: "id is required", recordId: null };
  const rawId = typeof obj.id === "string" || typeof obj.id === "number" ? String(obj.id) : null;
  if (rawId === null) return { ok: false, reason: "id must be a string or a whole number", recordId: null };
  const parsed = adRecord.safeParse(value);
  if (!parsed.success) return { ok: false, reason: describe(parsed.error), recordId: rawId };
  const r = parsed.data;
  const source = r.source ?? defaultSource;
  if (!source) return { ok: false, reason: "source is required (in the record or with --source)", recordId: r.id };
  const title = r.title ?? undefined;
  const body = r.body ?? undefined;
  if (!title?.trim() && !body?.trim()) return { ok: false, reason: "title or body is required", recordId: r.id };
  const extra: Record<string, unknown> = { ...(r.extra ?? {}) };
  for (const [k, v] of Object.entries(obj)) if (!(KNOWN as readonly string[]).includes(k)) extra[k] = v;
  const ad: AdInput = { id: r.id, source };
  if (r.url) ad.url = r.url;
  if (r.posted_at) ad.posted_at = new Date(r.posted_at).toISOString();
  if (title) ad.title = title;
  if (body) ad.body = body;
  if (r.city) ad.city = r.city;
  if (r.region) ad.region = r.region;
  if (r.phone) ad.phone = r.phone;
  if (r.email) ad.email = r.email;
  if (r.images && r.images.length) ad.images = r.images;
  if (Object.keys(extra).length) ad.extra = extra;
  return { ok: true, ad };
}

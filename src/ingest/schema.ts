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

type ParsedRecord = z.infer<typeof adRecord>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const HEX64 = /^[0-9a-fA-F]{64}$/;

function isNullish(v: unknown): v is null | undefined {
  return v === undefined || v === null;
}

/** `optionalString` for a value it accepts, else `false`. */
function plainString(v: unknown): string | null | undefined | false {
  if (isNullish(v)) return v;
  return typeof v === "string" || typeof v === "number" ? String(v).trim() : false;
}

/**
 * What `adRecord.parse(obj)` gives, for the common record that passes every check, without zod (a third of
 * ingest's per-ad cost outside extraction); null for anything else, which zod then parses and explains. Every
 * field keeps zod's semantics (trimmed or not, limits, key order of images); `test/ingest/schema.test.ts` holds both
 * to the same answers on valid and broken records.
 */
export function plainRecord(obj: Record<string, unknown>): ParsedRecord | null {
  const { id, source, url, posted_at: postedAt, title, body, images, extra } = obj;
  let rid: string;
  if (typeof id === "string") {
    rid = id.trim();
    if (rid.length === 0 || rid.length > 512) return null;
  } else return null; // numeric ids go the zod way
  let src: string | undefined;
  if (source !== undefined) {
    if (typeof source !== "string") return null;
    src = source.trim();
    if (src.length === 0 || src.length > 200) return null;
  }
  if (!isNullish(url) && (typeof url !== "string" || url.length > 4096)) return null;
  let posted: string | null | undefined = postedAt as null | undefined;
  if (!isNullish(postedAt)) {
    if (typeof postedAt !== "string") return null;
    posted = postedAt.trim();
    if (!ISO_DATE.test(posted) || Number.isNaN(Date.parse(posted))) return null;
  }
  if (!isNullish(title) && (typeof title !== "string" || title.length > MAX_TEXT)) return null;
  if (!isNullish(body) && (typeof body !== "string" || body.length > MAX_TEXT)) return null;
  const city = plainString(obj.city);
  const region = plainString(obj.region);
  const phone = plainString(obj.phone);
  const email = plainString(obj.email);
  if (city === false || region === false || phone === false || email === false) return null;
  if (extra !== undefined) return null; // zod copies a record's keys its own way ("__proto__")
  let imgs: ParsedRecord["images"] = images as null | undefined;
  if (!isNullish(images)) {
    if (!Array.isArray(images) || images.length > 200) return null;
    imgs = [];
    for (const im of images as unknown[]) {
      if (typeof im !== "object" || im === null || Array.isArray(im)) return null;
      const o = im as Record<string, unknown>;
      const out: { sha256?: string; phash?: string; url?: string } = {};
      let keys = 0;
      // In the schema's order, as zod writes them.
      if ("sha256" in o) {
        if (typeof o.sha256 !== "string" || !HEX64.test(o.sha256)) return null;
        out.sha256 = o.sha256;
        keys++;
      }
      if ("phash" in o) {
        if (typeof o.phash !== "string" || o.phash.length === 0 || o.phash.length > 64) return null;
        out.phash = o.phash;
        keys++;
      }
      if ("url" in o) {
        if (typeof o.url !== "string" || o.url.length > 4096) return null;
        out.url = o.url;
        keys++;
      }
      if (Object.keys(o).length !== keys) return null; // strict: an unknown key is an error zod explains
      imgs.push(out);
    }
  }
  const r: ParsedRecord = { id: rid };
  // zod's output has a key for each known field present in the input, even null; none for absent ones.
  if (source !== undefined) r.source = src;
  if (url !== undefined) r.url = url as string | null;
  if (postedAt !== undefined) r.posted_at = posted;
  if (title !== undefined) r.title = title as string | null;
  if (body !== undefined) r.body = body as string | null;
  if (obj.city !== undefined) r.city = city;
  if (obj.region !== undefined) r.region = region;
  if (obj.phone !== undefined) r.phone = phone;
  if (obj.email !== undefined) r.email = email;
  if (images !== undefined) r.images = imgs;
  return r;
}

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
  let r = plainRecord(obj);
  if (r === null) {
    const parsed = adRecord.safeParse(value);
    if (!parsed.success) return { ok: false, reason: describe(parsed.error), recordId: rawId };
    r = parsed.data;
  }
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

/**
 * The upload file a member sends: `{format, keyId, createdAt, records: [{ref, kind, hmac | clk}]}`. `ref` is the
 * member's own opaque row reference (a row number or an id it chooses — never the value); `hmac` is the hex
 * HMAC-SHA256 of a normalized phone or email, `clk` the base64 Bloom filter of a name. Nothing else is sent.
 *
 * The envelope must be well formed (else the whole upload is refused); each record is checked on its own, so a bad
 * record is reported by index and the rest are still matched.
 */
import { z } from "zod";
import { CLK_BYTES, clkFromBase64 } from "./clk.js";
import { MatchError } from "./errors.js";

export const UPLOAD_FORMAT = "threadline-match/1";
export const MATCH_KINDS = ["phone", "email", "name"] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];
/** Records per upload; a larger list is split into several uploads. */
export const MAX_UPLOAD_RECORDS = 1_000_000;

export type UploadRecord = { ref: string; kind: "phone" | "email"; hmac: string } | { ref: string; kind: "name"; clk: string };

export interface MatchUpload {
  format: typeof UPLOAD_FORMAT;
  keyId: string;
  createdAt: string;
  records: UploadRecord[];
}

/** A record the hub could not use: its index in `records`, its ref when readable, and what is wrong. */
export interface RecordProblem {
  index: number;
  ref: string | null;
  problem: string;
}

/** The envelope; records are checked one by one (`RecordSchema`). */
export const UploadEnvelopeSchema = z.object({
  format: z.literal(UPLOAD_FORMAT),
  keyId: z.string().min(1).max(64),
  createdAt: z.iso.datetime(),
  records: z.array(z.unknown()).max(MAX_UPLOAD_RECORDS),
});

const Ref = z.string().min(1).max(128);
const Hmac = z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lower-case hex characters (HMAC-SHA256)");
const Clk = z.string().refine((s) => clkFromBase64(s) !== null, `must be base64 of exactly ${CLK_BYTES} bytes (a 1024-bit filter)`);

export const RecordSchema = z.discriminatedUnion("kind", [
  z.strictObject({ ref: Ref, kind: z.literal("phone"), hmac: Hmac }),
  z.strictObject({ ref: Ref, kind: z.literal("email"), hmac: Hmac }),
  z.strictObject({ ref: Ref, kind: z.literal("name"), clk: Clk }),
]);

/** A checked upload: its usable records with their indexes, and the problems of the others. */
export interface CheckedUpload {
  keyId: string;
  createdAt: string;
  /** Records as sent, in order. */
  total: number;
  records: { index: number; record: UploadRecord }[];
  problems: RecordProblem[];
}

/** Checks an upload's JSON value. Throws `MatchError("bad-upload")` when the envelope is wrong. */
export function checkUpload(json: unknown): CheckedUpload {
  const env = UploadEnvelopeSchema.safeParse(json);
  if (!env.success) {
    const i = env.error.issues[0];
    throw new MatchError("bad-upload", `upload: ${i.path.join(".") || "(top level)"}: ${i.message}`);
  }
  const out: CheckedUpload = { keyId: env.data.keyId, createdAt: env.data.createdAt, total: env.data.records.length, records: [], problems: [] };
  env.data.records.forEach((raw, index) => {
    const r = RecordSchema.safeParse(raw);
    if (r.success) out.records.push({ index, record: r.data });
    else out.problems.push({ index, ref: refOf(raw), problem: describe(r.error) });
  });
  return out;
}

function refOf(raw: unknown): string | null {
  const ref = raw !== null && typeof raw === "object" ? (raw as { ref?: unknown }).ref : undefined;
  return typeof ref === "string" && ref.length <= 128 ? ref : null;
}

/** Zod issues as one line, naming fields but never echoing the values sent. */
function describe(e: z.ZodError): string {
  return e.issues.map((i) => `${i.path.length ? i.path.join(".") : "record"}: ${i.message}`).join("; ");
}

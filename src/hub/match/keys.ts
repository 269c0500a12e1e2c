/**
 * Matching keys: 32 random bytes the hub and its members share, under an id. The key file a member receives, the
 * per-field sub-keys derived from the secret (HKDF-SHA256, one per field so a digest of one field never equals a
 * digest of another), and which key an upload may use: several keys may be active at once (rotation), a retired
 * key's uploads are refused.
 *
 * @example
 * const rec = newMatchKey();
 * const keys = fieldKeys(rec.secret);
 * hmacHex(keys.phone, "+14165550123"); // 64 hex characters
 */
import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import { z } from "zod";
import type { MatchKeyRecord } from "../../store/hub.js";
import { MatchError } from "./errors.js";

export const KEY_FILE_FORMAT = "threadline-match-key/1";
const SECRET_BYTES = 32;
/** HKDF salt: fixed and public; it separates this scheme's sub-keys from any other use of the same secret. */
const HKDF_SALT = "threadline-match/1";

/** The per-field keys. `nameClk` keys the name Bloom filter's hash positions (see clk.ts). */
export interface FieldKeys {
  phone: Buffer;
  email: Buffer;
  nameClk: Buffer;
}

/** What a member receives: a JSON file holding the key id and secret. */
export interface KeyFile {
  format: typeof KEY_FILE_FORMAT;
  id: string;
  /** base64 of 32 bytes. */
  secret: string;
  createdAt: string;
}

const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

const KeyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  id: z.string().regex(KEY_ID, "letters, digits, '.', '_' or '-', at most 64"),
  secret: z
    .string()
    .regex(BASE64, "base64")
    .refine((s) => Buffer.from(s, "base64").length === SECRET_BYTES, `${SECRET_BYTES} bytes of base64`),
  createdAt: z.iso.datetime(),
});

/** Whether `id` is usable as a key id (also the shape uploads must name). */
export function isKeyId(id: string): boolean {
  return KEY_ID.test(id);
}

/** A fresh key record: `mk-<date>-<4 random hex bytes>` unless an id is given. */
export function newMatchKey(now = new Date(), id?: string): MatchKeyRecord {
  const keyId = id ?? `mk-${now.toISOString().slice(0, 10).replace(/-/g, "")}-${randomBytes(4).toString("hex")}`;
  if (!isKeyId(keyId)) throw new MatchError("bad-input", `key id "${keyId.slice(0, 80)}" is not valid (letters, digits, '.', '_' or '-', at most 64)`);
  return { id: keyId, secret: randomBytes(SECRET_BYTES).toString("base64"), createdAt: now.toISOString(), retiredAt: null };
}

/** The file handed to members for an active key. */
export function toKeyFile(k: MatchKeyRecord): KeyFile {
  if (k.retiredAt !== null) throw new MatchError("retired-key", `key "${k.id}" was retired at ${k.retiredAt}; export an active key`);
  return { format: KEY_FILE_FORMAT, id: k.id, secret: k.secret, createdAt: k.createdAt };
}

/** Reads a key file's JSON text; the error names the field at fault, never the secret. */
export function parseKeyFile(text: string): KeyFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new MatchError("bad-key-file", "the key file is not JSON");
  }
  const r = KeyFileSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new MatchError("bad-key-file", `key file: ${i.path.join(".") || "(top level)"}: ${i.message}`);
  }
  return r.data;
}

/** HKDF-SHA256 sub-keys of a base64 secret, one per field. */
export function fieldKeys(secret: string): FieldKeys {
  const ikm = Buffer.from(secret, "base64");
  const sub = (info: string) => Buffer.from(hkdfSync("sha256", ikm, HKDF_SALT, info, 32));
  return { phone: sub("threadline/phone"), email: sub("threadline/email"), nameClk: sub("threadline/name-clk") };
}

/** HMAC-SHA256 of a normalized value with a field key, as 64 lower-case hex characters. */
export function hmacHex(key: Buffer, value: string): string {
  return createHmac("sha256", key).update(value, "utf8").digest("hex");
}

/** The key an upload names, if the hub knows it and it is active; otherwise an error naming the key id. */
export function keyForUpload(keys: readonly MatchKeyRecord[], keyId: string): MatchKeyRecord {
  const k = keys.find((x) => x.id === keyId);
  const shown = JSON.stringify(keyId.slice(0, 80));
  if (!k) throw new MatchError("unknown-key", `key ${shown} is not known to this hub; ask the hub operator for a current key file`);
  if (k.retiredAt !== null) {
    throw new MatchError("retired-key", `key ${shown} was retired at ${k.retiredAt}; uploads made with it are refused — re-encode with a current key file`);
  }
  return k;
}

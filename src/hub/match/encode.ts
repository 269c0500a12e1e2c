/**
 * Member side: raw values → an upload. Runs where the member's data lives, with the key file, and never needs the
 * hub: phones and emails are normalized as the extractor does, then HMAC'd with their field key; names become CLKs.
 * A value that cannot be normalized is reported (masked) and left out.
 *
 * @example
 * const { upload } = encodeRecords(parseKeyFile(text), [{ ref: "17", kind: "phone", raw: "(416) 555-0123" }]);
 */
import { CLK_K, clkEncode, clkToBase64, nameTokens } from "./clk.js";
import type { FieldKeys, KeyFile } from "./keys.js";
import { fieldKeys, hmacHex } from "./keys.js";
import { maskValue, normalizeEmail, normalizeName, normalizePhone } from "./normalize.js";
import type { MatchKind, MatchUpload, UploadRecord } from "./upload.js";
import { UPLOAD_FORMAT } from "./upload.js";

/** One member value to encode; `line` is where it came from, for reports. */
export interface MemberValue {
  ref: string;
  kind: MatchKind;
  raw: string;
  line?: number;
}

/** A value left out of the upload: where it was, masked, and why. */
export interface EncodeProblem {
  line: number | null;
  ref: string;
  kind: MatchKind;
  masked: string;
  problem: string;
}

/** One value → its upload record, or why it cannot be encoded. */
export function encodeValue(keys: FieldKeys, ref: string, kind: MatchKind, raw: string): UploadRecord | { error: string } {
  if (kind === "name") {
    if (nameTokens(normalizeName(raw)).length === 0) return { error: "no letters in the name" };
    return { ref, kind, clk: clkToBase64(clkEncode(keys.nameClk, raw, CLK_K)) };
  }
  const n = kind === "phone" ? normalizePhone(raw) : normalizeEmail(raw);
  if ("error" in n) return n;
  return { ref, kind, hmac: hmacHex(kind === "phone" ? keys.phone : keys.email, n.value) };
}

/** Encodes every value with the key file's key; empty cells are skipped silently, bad ones reported. */
export function encodeRecords(key: KeyFile, values: Iterable<MemberValue>, now = new Date()): { upload: MatchUpload; problems: EncodeProblem[] } {
  const keys = fieldKeys(key.secret);
  const records: UploadRecord[] = [];
  const problems: EncodeProblem[] = [];
  for (const v of values) {
    if (v.raw.trim() === "") continue;
    const r = encodeValue(keys, v.ref, v.kind, v.raw);
    if ("error" in r) problems.push({ line: v.line ?? null, ref: v.ref, kind: v.kind, masked: maskValue(v.raw), problem: r.error });
    else records.push(r);
  }
  return { upload: { format: UPLOAD_FORMAT, keyId: key.id, createdAt: now.toISOString(), records }, problems };
}

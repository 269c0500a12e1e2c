/** Random secrets and their stored form: 256-bit tokens, kept in the database only as SHA-256 digests. */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * A random identifier of letters and digits only. Ids are typed on command lines ("admin token revoke <id>"): a
 * base64url id starting with "-" read as an option there (one id in 64).
 */
export function randomId(length: number): string {
  let out = "";
  while (out.length < length) {
    // 248 = 4 × 62: bytes at or above it are dropped so every character is equally likely.
    for (const b of randomBytes(length * 2)) if (b < 248 && out.length < length) out += ALNUM[b % 62];
  }
  return out;
}

export function sha256Hex(s: string): string {
  return createHash("sha256").update(s).digest("hex");
}

/** Constant-time equality of two strings (false for different lengths). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

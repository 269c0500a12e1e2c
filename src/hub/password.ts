/**
 * Password hashing with scrypt (node:crypto). The encoding carries its parameters, so they can be raised later
 * without invalidating stored hashes: `scrypt$N$r$p$salt$hash` (base64url).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** N = 2^15, r = 8 (32 MiB, ~100 ms here): the OWASP-recommended floor for scrypt. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LEN = 32;
export const MIN_PASSWORD_LENGTH = 12;

function derive(password: string, salt: Buffer, prm: ScryptParams): Promise<Buffer> {
  const opts: ScryptOptions = { N: prm.N, r: prm.r, p: prm.p, maxmem: 256 * prm.N * prm.r + (1 << 20) };
  return new Promise((resolve, reject) => scrypt(password.normalize("NFC"), salt, KEY_LEN, opts, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string, prm: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, prm);
  return `scrypt$${prm.N}$${prm.r}$${prm.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parts = encoded.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((x) => Number.isInteger(x) && x > 0)) return false;
  const want = Buffer.from(parts[5]!, "base64url");
  const got = await derive(password, Buffer.from(parts[4]!, "base64url"), { N, r, p });
  return got.length === want.length && timingSafeEqual(got, want);
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `a password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 1024) return "a password may have at most 1024 characters";
  if (new Set(password).size < 5) return "a password needs more variety than that";
  return null;
}

/** A generated password for first-run setup and new users: 20 characters from a 64-symbol alphabet (120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}

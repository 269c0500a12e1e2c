/** Generated e-mail addresses (random local parts) and the ways ads disguise them. */
import type { Rng } from "./rng.js";
import { EMAIL_DOMAINS, HANDLE_WORDS } from "./vocab/names.js";

export const EMAIL_STYLES = ["plain", "paren_at", "bracket_at", "spelled", "spaced"] as const;
export type EmailStyle = (typeof EMAIL_STYLES)[number];

function asciiLower(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

/** A plausible random address for an advertiser called `name`. */
export function makeEmail(name: string, rng: Rng): string {
  const base = asciiLower(name) || "girl";
  const w = rng.pick(HANDLE_WORDS);
  const n = rng.chance(0.7) ? String(rng.range(1, 9999)) : "";
  const sep = rng.pick(["", ".", "_", ""]);
  const local = rng.chance(0.5) ? base + sep + w + n : w + sep + base + n;
  return `${local}@${rng.pick(EMAIL_DOMAINS)}`;
}

/** Writes an address in a style ("jade (at) gmail (dot) com", "jade[at]gmail[dot]com", ...). */
export function obfuscateEmail(email: string, style: EmailStyle): string {
  const at = email.indexOf("@");
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  switch (style) {
    case "plain":
      return email;
    case "paren_at":
      return `${local} (at) ${domain.replace(/\./g, " (dot) ")}`;
    case "bracket_at":
      return `${local}[at]${domain.replace(/\./g, "[dot]")}`;
    case "spelled":
      return `${local} at ${domain.replace(/\./g, " dot ")}`;
    case "spaced":
      return `${local} @ ${domain.replace(/\./g, " . ")}`;
  }
}

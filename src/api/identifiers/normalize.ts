/**
 * Identifiers as analysts type them → the normalized values the extractor stores: "(416) 893-2245" →
 * "+14168932245", "Alexa.Luv@Gmail.com" → "alexa.luv@gmail.com", "@alexa" → every "platform:alexa".
 */
import { extractEmails } from "../../extract/email.js";
import { extractPhones } from "../../extract/phone.js";
import type { IdentifierKind } from "../../shared/api-types.js";

const PLATFORMS = ["snapchat", "instagram", "kik", "telegram", "whatsapp", "wechat", "line", "twitter", "onlyfans"] as const;

/** The candidate stored values for a raw identifier; empty when it cannot be one (e.g. no phone number in it). */
export function identifierValues(kind: IdentifierKind, raw: string): string[] {
  const text = raw.normalize("NFKC").trim();
  if (kind === "phone") {
    if (/^\+[1-9]\d{6,14}$/.test(text)) return [text];
    const found = extractPhones(text, "phone");
    return found.length ? [found[0].value] : [];
  }
  if (kind === "email") {
    const found = extractEmails(text, "email");
    return [found.length ? found[0].value : text.toLowerCase()];
  }
  const m = /^([a-z]+):@?(.+)$/i.exec(text);
  if (m && (PLATFORMS as readonly string[]).includes(m[1].toLowerCase())) return [`${m[1].toLowerCase()}:${m[2].toLowerCase()}`];
  const handle = text.replace(/^@/, "").toLowerCase();
  return PLATFORMS.map((p) => `${p}:${handle}`);
}

/**
 * Member-side normalization, the same the extractor applies to ad text, so a customer's "(416) 555-0123" and an
 * ad's "four one six 555 0123" meet as the same "+14165550123". Phones and emails go through the extractor
 * itself (src/extract) rather than a copy of its rules; names use the CLK normalization of clk.ts.
 *
 * @example
 * normalizePhone("(416) 555-0123"); // { value: "+14165550123" }
 * normalizeEmail(" Jade.Doe@Example.COM "); // { value: "jade.doe@example.com" }
 */
import { extractEmails } from "../../extract/email.js";
import { extractPhones } from "../../extract/phone.js";

export type Normalized = { value: string } | { error: string };

/** A raw phone cell → E.164, exactly as `extractPhones` would store it from an ad; one number per cell. */
export function normalizePhone(raw: string): Normalized {
  const text = raw.normalize("NFKC").trim();
  if (text === "") return { error: "empty" };
  const found = extractPhones(text, "phone");
  if (found.length === 0) return { error: "no valid phone number" };
  if (found.length > 1) return { error: `${found.length} phone numbers in one cell` };
  return { value: found[0].value };
}

/** A raw email cell → the extractor's form (NFKC, trimmed, lower-cased, spelled-out "at"/"dot" resolved); one address per cell. */
export function normalizeEmail(raw: string): Normalized {
  const text = raw.normalize("NFKC").trim();
  if (text === "") return { error: "empty" };
  const found = extractEmails(text, "email");
  if (found.length === 0) return { error: "no valid email address" };
  if (found.length > 1) return { error: `${found.length} email addresses in one cell` };
  return { value: found[0].value };
}

/** A name → lower-case letters only, accents stripped (NFKD): "Zoë-Ann" → "zoeann". Empty when no letter remains. */
export function normalizeName(raw: string): string {
  return raw.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}]/gu, "");
}

/**
 * A raw value shown in a report without revealing it: the first few and last two characters, the rest as "•".
 * "+14165550123" → "+1416•••••23"; short values keep less.
 */
export function maskValue(raw: string): string {
  const s = [...raw.trim()];
  if (s.length <= 4) return "•".repeat(s.length);
  const head = s.length >= 10 ? 5 : Math.min(2, s.length - 3);
  const tail = s.length >= 8 ? 2 : 1;
  return `${s.slice(0, head).join("")}${"•".repeat(s.length - head - tail)}${s.slice(s.length - tail).join("")}`;
}

/**
 * Email addresses, including the spellings advertisers use to get past filters: "jade (at) gmail (dot) com",
 * "jade[at]gmail[.]com", "jade at gmail dot com". Values are lower-cased. Spelled-out forms with a bare
 * " at " / " dot " are only accepted with a known top-level domain, so "meet me at the hotel" stays prose.
 *
 * @example
 * extractEmails("jade (at) gmail (dot) com")[0].value; // "jade@gmail.com"
 */
import type { Fact, TextField } from "../domain/fact.js";
import { normalizeText, originalSpan } from "./text/normalize.js";

/** Top-level domains accepted after a spelled-out " at " or " dot ". */
export const COMMON_TLDS = new Set([
  "com", "ca", "net", "org", "io", "me", "co", "info", "biz", "us", "uk", "fr", "de", "ru", "ua", "br", "mx",
  "es", "it", "nl", "au", "nz", "in", "cn", "jp", "kr", "ph", "vn", "th", "pl", "ro", "qc", "app", "xyz", "live",
  "online", "email", "mail", "edu", "gov", "tv", "cc", "fans", "site", "club",
]);

const OPEN = "[\\(\\[\\{<]";
const CLOSE = "[\\)\\]\\}>]";
const AT = `(?:\\s*@\\s*|\\s*${OPEN}\\s*(?:at|@)\\s*${CLOSE}\\s*|\\s+at\\s+)`;
const DOT = `(?:\\s*\\.\\s*|\\s*${OPEN}\\s*(?:dot|\\.)\\s*${CLOSE}\\s*|\\s+dot\\s+)`;
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const EMAIL = new RegExp(
  `(?<![a-z0-9._%+-])([a-z0-9](?:[a-z0-9._%+-]{0,62}[a-z0-9])?)${AT}(${LABEL}(?:${DOT}${LABEL})*)${DOT}([a-z]{2,12})(?![a-z0-9])`,
  "gi",
);
const SPLIT_DOT = new RegExp(DOT, "gi");
const PLAIN = /^[a-z0-9._%+-]+@[a-z0-9.-]+$/i;
const SPELLED = /\s(?:at|dot)\s/i;

/** Extract every email address from `text`. */
export function extractEmails(text: string, field: TextField = "body"): Fact[] {
  const n = normalizeText(text);
  const t = n.text;
  // Cheap precheck: an "@" or a spelled "at".
  if (!t.includes("@") && !/\bat\b/i.test(t)) return [];
  const out: Fact[] = [];
  EMAIL.lastIndex = 0;
  for (let m = EMAIL.exec(t); m !== null; m = EMAIL.exec(t)) {
    const [whole, local, domainPart, tld] = m;
    const lowTld = tld.toLowerCase();
    if (SPELLED.test(whole) && !COMMON_TLDS.has(lowTld)) continue;
    const domain = domainPart.split(SPLIT_DOT).join(".").toLowerCase();
    const value = `${local.toLowerCase()}@${domain}.${lowTld}`;
    const span = originalSpan(n, m.index, m.index + whole.length);
    const obfuscated = !PLAIN.test(whole) || text.slice(span[0], span[1]) !== whole;
    out.push({
      kind: "email",
      value,
      field,
      span,
      confidence: obfuscated ? 0.85 : 0.97,
      obfuscated,
      data: { domain: `${domain}.${lowTld}` },
    });
  }
  return out;
}

/**
 * Email addresses, including the spellings advertisers use to get past filters: "jade (at) gmail (dot) com",
 * "jade[at]gmail[.]com", "jade at gmail dot com". Values are lower-cased. Spelled-out forms with a bare
 * " at " / " dot " are only accepted with a known top-level domain, so "meet me at the hotel" stays prose.
 *
 * @example
 * extractEmails("jade (at) gmail (dot) com")[0].value; // "jade@gmail.com"
 */
import type { Fact, TextField } from "../domain/fact.js";
import { isSpaceCode } from "./text/chars.js";
import { normalizeText, originalSpan } from "./text/normalize.js";
import type { NormalizedText } from "./text/normalize.js";
import { anchored, runAnchored } from "./text/sticky.js";
import { thenSpace, wordFamily, wordStarts } from "./text/triggers.js";

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

/** Where the "at" of an address can begin: "@", an opening bracket ("(at)"), or " at " between spaces. */
const AT_SIGN = /[@([{<]/g;
/** " at ": a word start (after a space) of "at" and a space, from the shared word-start pass. */
const AT_WORD = wordFamily(thenSpace("at"));

function isLocalCode(c: number): boolean {
  // [a-z0-9._%+-] with the i flag
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

/**
 * Where EMAIL can match, ascending. The local part is a run of `[a-z0-9._%+-]` that its lookbehind makes maximal,
 * and the "at" (which starts with a space, "@" or a bracket, none of them local characters) follows it at once,
 * so every match starts at the start of the local-character run that ends before an anchor and the spaces
 * before it.
 */
function localStarts(n: NormalizedText): number[] {
  const t = n.text;
  const out: number[] = [];
  const words = wordStarts(n).at(AT_WORD);
  let w = 0;
  AT_SIGN.lastIndex = 0;
  for (let m = AT_SIGN.exec(t); ; m = AT_SIGN.exec(t)) {
    const sign = m === null ? t.length : m.index;
    // The " at " words before this sign, then the sign: anchors in ascending order.
    for (; w < words.length && words[w] < sign; w++) {
      // " at " needs a space before it too.
      if (words[w] > 0 && isSpaceCode(t.charCodeAt(words[w] - 1))) addLocalStart(t, words[w], out);
    }
    if (m === null) break;
    addLocalStart(t, sign, out);
  }
  return out;
}

/** The start of the local part ending before the anchor at `at` (and the spaces before it), if new. */
function addLocalStart(t: string, at: number, out: number[]): void {
  let end = at;
  while (end > 0 && isSpaceCode(t.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isLocalCode(t.charCodeAt(start - 1))) start--;
  if (start < end && (out.length === 0 || out[out.length - 1] < start)) out.push(start);
}

const EMAIL_AT = anchored("email", EMAIL, localStarts);

/** Extract every email address from `text`. */
export function extractEmails(text: string, field: TextField = "body"): Fact[] {
  const n = normalizeText(text);
  const out: Fact[] = [];
  runAnchored(EMAIL_AT, n, (m) => {
    const [whole, local, domainPart, tld] = m;
    const lowTld = tld.toLowerCase();
    if (SPELLED.test(whole) && !COMMON_TLDS.has(lowTld)) return;
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
  });
  return out;
}

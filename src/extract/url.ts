/**
 * URLs and bare domains ("www.example.com/x", "https://…", "sweetjade.ca", "sweetjade dot com").
 * Values drop the scheme and "www.", lower-case the host and keep the path. Email addresses are left to
 * `email.ts`.
 *
 * @example
 * extractUrls("see www.Example.com/Jade!")[0].value; // "example.com/Jade"
 */
import type { Fact, TextField } from "../domain/fact.js";
import { lowerText, normalizeText, originalSpan } from "./text/normalize.js";

const TLDS =
  "com|ca|net|org|io|me|co|ly|xxx|app|link|site|info|biz|us|tv|cc|to|gg|fans|page|club|online|live|xyz|li|bio|ru|uk|fr|de";
const SCHEME_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'()[\]{}]+/gi;
const BARE = new RegExp(
  `(?<![@\\w.\\-/])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:${TLDS})(?![\\w@-])(?:/[^\\s<>"'()\\[\\]{}]*)?`,
  "gi",
);
const SPELLED = new RegExp(
  `(?<![@\\w.])([a-z0-9][a-z0-9-]{1,61})\\s*(?:[\\(\\[]\\s*(?:dot|\\.)\\s*[\\)\\]]|\\s+dot\\s+)\\s*(${TLDS})(?![\\w-])`,
  "gi",
);
const TRAILING = /[.,;:!?*]+$/;
const BRACKET_DOT = /[([]\s*\.\s*[)\]]/;
/** Cheap precheck for the bare-domain pattern: a dot followed by a known top-level domain. */
const TLD_HINT = new RegExp(`\\.(?:${TLDS})(?![a-z])`, "i");
/** TLD_HINT, global: where BARE's matches can be (see `bareMatches`). */
const TLD_AT = new RegExp(TLD_HINT.source, "gi");

/** `[A-Za-z0-9.-]`: the characters of a BARE match up to its top-level domain. */
function isHostCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

/**
 * The matches of BARE in `t`, as a global scan finds them, without scanning the text between domains. A match
 * starts on a host character and runs over host characters (`[A-Za-z0-9.-]`; without the u flag `[a-z]` with i
 * matches no other) to a dot and a top-level domain not followed by `[\w@-]`, a place where TLD_HINT matches
 * too (its lookahead is weaker). So the next match at or after `pos` starts no earlier than the run of host
 * characters holding the first such dot after `pos`: the scan resumes there, and stops when no dot is left.
 * `test/extract/url.test.ts` compares it with a full scan.
 */
export function bareMatches(t: string, onMatch: (m: RegExpExecArray) => void): void {
  let pos = 0;
  TLD_AT.lastIndex = 0;
  for (;;) {
    TLD_AT.lastIndex = Math.max(TLD_AT.lastIndex, pos);
    const hint = TLD_AT.exec(t);
    if (hint === null) return;
    let r = hint.index;
    while (r > pos && isHostCode(t.charCodeAt(r - 1))) r--;
    BARE.lastIndex = r;
    const m = BARE.exec(t);
    if (m === null) return;
    onMatch(m);
    pos = BARE.lastIndex;
  }
}

/** BARE as written, for the test. */
export const BARE_PATTERN: RegExp = BARE;

/** Normalized URL value: no scheme, no "www.", lower-cased host, path kept, no trailing slash. */
export function normalizeUrl(raw: string): string {
  let s = raw.replace(/^https?:\/\//i, "").replace(/^www\./i, "");
  const slash = s.indexOf("/");
  const host = (slash < 0 ? s : s.slice(0, slash)).toLowerCase();
  s = host + (slash < 0 ? "" : s.slice(slash));
  return s.replace(/\/+$/, "");
}

/** Extract every URL or domain from `text`. */
export function extractUrls(text: string, field: TextField = "body"): Fact[] {
  const n = normalizeText(text);
  const t = n.text;
  if (!t.includes(".") && !/\bdot\b/i.test(t)) return [];
  const out: Fact[] = [];
  const taken: [number, number][] = [];
  const add = (start: number, raw: string, value: string, obfuscated: boolean): void => {
    const end = start + raw.length;
    if (taken.some(([s, e]) => s < end && start < e)) return;
    taken.push([start, end]);
    const span = originalSpan(n, start, end);
    out.push({ kind: "url", value, field, span, confidence: obfuscated ? 0.8 : 0.95, obfuscated, data: {} });
  };
  const hasTld = TLD_HINT.test(t);
  // Every SCHEME_URL match holds "http" or "www." (in any case).
  const lower = lowerText(n);
  const hasScheme = lower.includes("http") || lower.includes("www.");
  const onUrl = (m: RegExpExecArray): void => {
    const raw = m[0].replace(TRAILING, "");
    if (raw.length < 4) return;
    // "jade@gmail.com" is an email; the bare pattern's lookbehind already stops at "@".
    add(m.index, raw, normalizeUrl(raw), false);
  };
  if (hasScheme) {
    SCHEME_URL.lastIndex = 0;
    for (let m = SCHEME_URL.exec(t); m !== null; m = SCHEME_URL.exec(t)) onUrl(m);
  }
  if (hasTld) bareMatches(t, onUrl);
  SPELLED.lastIndex = 0;
  if (!lower.includes("dot") && !BRACKET_DOT.test(t)) return out.sort((a, b) => a.span[0] - b.span[0]);
  for (let m = SPELLED.exec(t); m !== null; m = SPELLED.exec(t)) {
    // "(at) gmail (dot) com" belongs to an email.
    const before = t.slice(Math.max(0, m.index - 8), m.index);
    if (/(?:@|\bat\b|\bat\s*[)\]])\s*$/i.test(before)) continue;
    add(m.index, m[0], `${m[1].toLowerCase()}.${m[2].toLowerCase()}`, true);
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

/**
 * Messaging handles: `{platform, handle}` for snapchat, instagram, kik, telegram, whatsapp (a phone number),
 * wechat, line, twitter/X and onlyfans. Read from a platform name followed by the handle ("snap: sweetjade22",
 * "👻 sweetjade22", "IG @jade", "kik - jade_22") and from profile URLs ("instagram.com/jade", "t.me/jade",
 * "wa.me/14165550123"). Short or ambiguous platform abbreviations ("sc", "ig", "line", "OF") need an explicit
 * separator (":", "=", "-", "@") so "line up" and "of course" stay prose.
 *
 * @example
 * extractHandles("snap: SweetJade22")[0].value; // "snapchat:sweetjade22"
 */
import type { Fact, TextField } from "../domain/fact.js";
import { phoneRefs } from "./phone.js";
import { lowerText, normalizeText, originalSpan } from "./text/normalize.js";
import type { NormalizedText } from "./text/normalize.js";
import { anchored, runAnchored } from "./text/sticky.js";
import { wordFamily, wordStarts } from "./text/triggers.js";

export type Platform =
  | "snapchat" | "instagram" | "kik" | "telegram" | "whatsapp" | "wechat" | "line" | "twitter" | "onlyfans";

// Aliases that may be followed by whitespace alone.
const LOOSE: Record<string, Platform> = {
  snapchat: "snapchat", "snap chat": "snapchat", snap: "snapchat", "\u{1F47B}": "snapchat",
  instagram: "instagram", insta: "instagram", kik: "kik", telegram: "telegram", wechat: "wechat",
  "we chat": "wechat", weixin: "wechat", twitter: "twitter", onlyfans: "onlyfans", "only fans": "onlyfans",
};
// Aliases that need an explicit separator.
const STRICT: Record<string, Platform> = {
  sc: "snapchat", ig: "instagram", tg: "telegram", line: "line", "line id": "line", of: "onlyfans",
  tw: "twitter", x: "twitter",
};
const ALIAS: Record<string, Platform> = { ...LOOSE, ...STRICT };

function alternation(keys: string[]): string {
  return keys
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/ /g, "\\s?"))
    .join("|");
}

const HANDLE = "@?([a-z0-9][a-z0-9._-]{1,30})";
const LOOSE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_])(${alternation(Object.keys(LOOSE))})(?![\\p{L}\\p{N}_])\\s*(?:me\\s*(?=[:=@\\-]))?(?:id|name|user(?:name)?|handle)?\\s*(?:[:=>~\\-–]+|\\bis\\b|@|(?=\\s))\\s*${HANDLE}`,
  "giu",
);
const STRICT_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_])(${alternation(Object.keys(STRICT))})(?![\\p{L}\\p{N}_])\\s*(?:id|user(?:name)?)?\\s*(?:[:=>~\\-–]+|@)\\s*${HANDLE}`,
  "giu",
);
const URL_HANDLE =
  /(?<![\w.])(?:https?:\/\/)?(?:www\.)?(instagram\.com|snapchat\.com\/add|t\.me|telegram\.me|twitter\.com|x\.com|onlyfans\.com|kik\.me)\/@?([a-z0-9._-]{2,30})/gi;
const URL_PLATFORM: Record<string, Platform> = {
  "instagram.com": "instagram", "snapchat.com/add": "snapchat", "t.me": "telegram", "telegram.me": "telegram",
  "twitter.com": "twitter", "x.com": "twitter", "onlyfans.com": "onlyfans", "kik.me": "kik",
};
const WHATSAPP = /(?<![\p{L}])(?:wh?ats?\s?app?|wa\.me\/|wsp)(?![\p{L}])/giu;

/**
 * The precheck on the lower-cased text: something that could start a handle (the ghost emoji is checked apart).
 * A WhatsApp mention ("watsapp") counts only in a text that passes it.
 */
const HINT = /snap|insta|kik|telegram|chat|weixin|twitter|fans|\.com\/|\.me\/|whats|wsp|\b(?:sc|ig|tg|line|of|tw|x)\b/;
const GHOST = "\u{1F47B}";

/*
 * HINT only decides whether WhatsApp mentions count: every other match that yields a handle contains a HINT match
 * (STRICT_RE also reads "lineid", which names no platform), so those need no precheck. The alias patterns start
 * at a word start (their lookbehind) with an alias's first letters, so they run sticky at those word starts
 * (`text/triggers.ts`) and at the ghost emoji; profile URLs need ".com/" or ".me/"; a WhatsApp mention starts
 * where WHATSAPP_AT matches in the lower-cased text (same offsets when the lengths agree).
 */
const LOOSE_FAMILY = wordFamily(["sna", "ins", "kik", "tel", "we", "twi", "onl"]);
const STRICT_FAMILY = wordFamily(["sc", "ig", "tg", "lin", "of", "tw", "x"]);
const WHATSAPP_AT = /wh?ats?\s?app?|wa\.me\/|wsp/g;
const LOOSE_AT = anchored("handle:loose", LOOSE_RE, (n) => {
  const starts = wordStarts(n).at(LOOSE_FAMILY);
  const ghost = n.text.indexOf(GHOST);
  return ghost < 0 ? starts : withGhosts(starts, n.text, ghost);
});
const STRICT_AT = anchored("handle:strict", STRICT_RE, (n) => wordStarts(n).at(STRICT_FAMILY));
const WHATSAPP_MENTION = anchored("handle:whatsapp", WHATSAPP, (n) => {
  const lower = lowerText(n);
  return lower.length === n.text.length ? positions(WHATSAPP_AT, lower) : null;
});

/** Words that follow a platform name but are not handles ("snap me", "kik only"). */
const STOP = new Set([
  "me", "only", "add", "at", "and", "or", "for", "the", "is", "id", "name", "too", "also", "available", "message",
  "msg", "dm", "pm", "contact", "handle", "username", "user", "follow", "please", "pls", "my", "to", "here",
  "now", "with", "info", "us", "on", "in", "it", "call", "text", "txt", "chat", "video", "videos", "pics",
  "pic", "premium", "snap", "snapchat", "kik", "insta", "instagram", "telegram", "available", "if", "you",
  "your", "sessions", "content", "page", "account", "story", "stories", "friends", "live", "ok", "okay",
  "subscribe", "sub", "link", "below", "above", "bio", "free", "vip", "public", "private", "whatsapp", "fans",
]);

/** Extract every messaging handle from `text`. */
export function extractHandles(text: string, field: TextField = "body"): Fact[] {
  const n = normalizeText(text);
  const t = n.text;
  const out: Fact[] = [];
  const lower = lowerText(n);
  const taken: [number, number][] = [];
  const add = (platform: Platform, handle: string, start: number, end: number, obfuscated: boolean): void => {
    if (taken.some(([s, e]) => s < end && start < e)) return;
    taken.push([start, end]);
    out.push({
      kind: "handle",
      value: `${platform}:${handle}`,
      field,
      span: originalSpan(n, start, end),
      confidence: 0.9,
      obfuscated,
      data: { platform, handle },
    });
  };
  const ghost = t.indexOf(GHOST);
  const hint = (): boolean => HINT.test(lower) || ghost >= 0;
  URL_HANDLE.lastIndex = 0;
  const url = lower.includes(".com/") || lower.includes(".me/");
  for (let m = url ? URL_HANDLE.exec(t) : null; m !== null; m = URL_HANDLE.exec(t)) {
    const handle = cleanHandle(m[2]);
    if (handle !== null) add(URL_PLATFORM[m[1].toLowerCase()], handle, m.index, m.index + m[0].length, false);
  }
  const alias = (m: RegExpExecArray): void => {
    const a = m[1].toLowerCase().replace(/\s+/g, " ");
    const platform = ALIAS[a];
    if (platform === undefined) return;
    // "x" and "of" only as all-caps labels ("X: @jade", "OF: jade").
    if ((a === "x" || a === "of") && m[1] !== m[1].toUpperCase()) return;
    const handle = cleanHandle(m[2]);
    if (handle === null) return;
    add(platform, handle, m.index, m.index + m[0].length, a === "\u{1F47B}");
  };
  runAnchored(LOOSE_AT, n, alias);
  runAnchored(STRICT_AT, n, alias);
  whatsapp(n, field, add, hint);
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

/** Start positions of the matches of global `re` in `s`. */
function positions(re: RegExp, s: string): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) out.push(m.index);
  return out;
}

/** Word starts merged with the positions of the ghost emoji (the first at `first`), ascending. */
function withGhosts(starts: Iterable<number>, t: string, first: number): number[] {
  const ghosts: number[] = [];
  for (let g = first; g >= 0; g = t.indexOf(GHOST, g + GHOST.length)) ghosts.push(g);
  return [...starts, ...ghosts].sort((a, b) => a - b);
}

function cleanHandle(raw: string): string | null {
  const h = raw.replace(/[._-]+$/, "").toLowerCase();
  if (h.length < 3 || STOP.has(h) || !/[a-z]/.test(h)) return null;
  return h;
}

/** WhatsApp ids are phone numbers: a phone within 40 characters after a WhatsApp mention. */
function whatsapp(
  n: NormalizedText,
  field: TextField,
  add: (p: Platform, h: string, s: number, e: number, o: boolean) => void,
  hint: () => boolean,
): void {
  const mentions: number[] = [];
  runAnchored(WHATSAPP_MENTION, n, (m) => mentions.push(m.index));
  // Mentions count only where the handle precheck passes ("watsapp" alone does not).
  if (mentions.length === 0 || !hint()) return;
  const phones = phoneRefs(n.original, field);
  for (const at of mentions) {
    const origAt = originalSpan(n, at, at + 1)[0];
    const phone = phones.find((p) => p.span[0] >= origAt && p.span[0] - origAt <= 40);
    if (phone === undefined) continue;
    // Spans here are already original offsets; map them back through an identity-normalized wrapper.
    const start = normalizedIndex(n, origAt);
    const end = normalizedIndex(n, phone.span[1]);
    add("whatsapp", phone.value, start, end, phone.obfuscated);
  }
}

/** First normalized offset whose original start is at or after `orig`. */
function normalizedIndex(n: NormalizedText, orig: number): number {
  if (n.starts === null) return orig;
  for (let i = 0; i < n.starts.length; i++) if (n.starts[i] >= orig) return i;
  return n.starts.length;
}

/**
 * Names the advertiser uses: "my name is X", "name: X", "ask for X", "call me X", "I'm X", "X here",
 * "this is X". Strong frames ("my name is", "ask for", "name:") accept any capitalized word that is not a
 * common English word; weak frames ("I'm X", "X here", "this is X") need X in the given-names list
 * (`data/given-names.txt`), because "I'm new" and "Available here" are not names. Values are lower-case and
 * accent-free; `data.display` keeps the spelling used.
 *
 * @example
 * extractNames("Hi gentlemen, Jade here")[0].value; // "jade"
 */
import type { Fact, TextField } from "../domain/fact.js";
import { readDataFile } from "./data/files.js";
import { isSpaceCode } from "./text/chars.js";
import { foldKey, normalizeText, originalSpan } from "./text/normalize.js";
import type { NormalizedText } from "./text/normalize.js";
import { anchored, execAt, runAnchored, stickyCopy } from "./text/sticky.js";
import { runSticky, thenSpace, triggered, wordFamily, wordStarts } from "./text/triggers.js";
import type { Triggered } from "./text/triggers.js";

let names: Set<string> | undefined;

/** The given-names list, loaded on first use. */
export function givenNames(): Set<string> {
  if (names === undefined) {
    names = new Set(
      readDataFile("given-names.txt")
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l.length > 0 && !l.startsWith("#")),
    );
  }
  return names;
}

/** Capitalized words that strong frames still must not take for names. */
const NOT_NAMES = new Set([
  "new", "here", "back", "available", "ready", "the", "a", "an", "your", "ur", "you", "me", "my", "in", "at", "for",
  "real", "sweet", "sexy", "hot", "young", "petite", "busty", "independent", "visiting", "only", "now", "just",
  "not", "so", "very", "always", "open", "free", "waiting", "incall", "outcall", "ebony", "asian", "latina",
  "discreet", "clean", "safe", "professional", "upscale", "classy", "naughty", "playful", "friendly", "down",
  "good", "best", "your", "baby", "babe", "daddy", "mami", "mommy", "honey", "princess", "queen", "goddess",
  "girl", "lady", "woman", "today", "tonight", "tomorrow", "in", "out", "on", "off", "also", "still", "no",
  "yes", "text", "call", "ask", "hi", "hello", "hey", "dm", "snap", "kik", "available", "from", "and", "or",
  "two", "three", "vip", "gfe", "pse", "please", "thanks",
]);

const WORD = "([A-Z\\u00C0-\\u00DE][a-z\\u00DF-\\u00FF]{1,14}|[A-Z]{2,12})";
/** Case-insensitive lead-in inside a case-sensitive pattern: "ask for" → "[aA][sS][kK] [fF][oO][rR]". */
function ci(words: string): string {
  return words.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`).replace(/ /g, "\\s+");
}
/** Frames; the word-anchored ones run sticky where their first letters occur (family ≥ 0, see text/triggers.ts). */
const FRAMES: { re: RegExp | Triggered; strong: boolean }[] = [
  {
    re: triggered(
      "name:strong",
      new RegExp(
        `\\b(?:${ci("my name is")}|${ci("my name")}'?s|${ci("name")}\\s*[:=\\-]|${ci("me llamo")}|${ci("je")}\\s+m'${ci("appelle")}|${ci("mon nom est")})\\s*${WORD}`,
        "g",
      ),
      ["my", "nam", "me", "je", "mon"],
    ),
    strong: true,
  },
  {
    re: triggered("name:ask-for", new RegExp(`\\b(?:${ci("ask for")}|${ci("call me")}|${ci("they call me")})\\s+${WORD}`, "g"), ["ask", "cal", "the"]),
    strong: true,
  },
  {
    re: triggered(
      "name:i-am",
      new RegExp(`\\b(?:I'?m|I\\s+am|${ci("this is")}|${ci("it")}'?s|${ci("c")}'${ci("est")}|${ci("soy")})\\s+${WORD}`, "g"),
      ["i'", "im", ...thenSpace("i"), "it", "thi", "c'e", "soy"],
    ),
    strong: false,
  },
  // Starts on a capital, possibly not ASCII: run sticky where a capital word ends just before "here" (HERE_AT).
  { re: new RegExp(`(?<![A-Za-z\\u00C0-\\u00FF'])${WORD}\\s+(?:here|ici|aqui|aquí)\\b`, "g"), strong: false },
];

/**
 * "here"/"ici"/"aqui"/"aquí" after a space: at a word start, so only the word starts of HERE_FAMILY are tried
 * (sticky), not a scan of the whole text.
 */
const HERE_AT = stickyCopy(/(?:here|ici|aqui|aquí)\b/g);
const HERE_FAMILY = wordFamily(["her", "ici", "aqu"]);

function isCapitalCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);
}

/**
 * Where the "X here" frame can start: its WORD (2–15 characters, starting with a capital) ends right before the
 * spaces in front of a "here"/"ici"/"aqui"/"aquí" (the same `\b` as the frame), so every match starts on a capital
 * 2–15 characters before those spaces. Ascending, without repeats.
 */
function hereStarts(n: NormalizedText): number[] {
  const t = n.text;
  const out: number[] = [];
  execAt(HERE_AT, t, wordStarts(n).at(HERE_FAMILY), (m) => {
    let end = m.index;
    while (end > 0 && isSpaceCode(t.charCodeAt(end - 1))) end--;
    if (end === m.index) return;
    for (let p = Math.max(0, end - 15, out.length > 0 ? out[out.length - 1] + 1 : 0); p <= end - 2; p++) {
      if (isCapitalCode(t.charCodeAt(p))) out.push(p);
    }
  });
  return out;
}

const HERE_AT_FRAME = anchored("name:here", FRAMES[3].re as RegExp, hereStarts);

/** Extract the names an advertiser uses in `text`. */
export function extractNames(text: string, field: TextField = "body"): Fact[] {
  const n = normalizeText(text);
  const list = givenNames();
  const out: Fact[] = [];
  const taken: [number, number][] = [];
  for (const { re, strong } of FRAMES) {
    const found = (m: RegExpExecArray): void => {
      const word = m[1];
      const key = foldKey(word);
      if (NOT_NAMES.has(key)) return;
      const known = list.has(key);
      if (!known && !strong) return;
      // All-caps words are names only when listed ("ASK FOR JADE"), not shouting ("CALL ME NOW").
      if (!known && word === word.toUpperCase()) return;
      const start = m.index + m[0].lastIndexOf(word);
      const end = start + word.length;
      if (taken.some(([s, e]) => s < end && start < e)) return;
      taken.push([start, end]);
      out.push({
        kind: "name",
        value: key,
        field,
        span: originalSpan(n, start, end),
        confidence: known ? (strong ? 0.9 : 0.75) : 0.6,
        data: { display: word, listed: known },
      });
    };
    if (!(re instanceof RegExp)) {
      runSticky(re, n, found);
      continue;
    }
    runAnchored(HERE_AT_FRAME, n, found);
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

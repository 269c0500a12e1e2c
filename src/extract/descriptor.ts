/**
 * Descriptors the ad states about the advertised person(s): ethnicity or nationality, languages spoken,
 * incall/outcall, and whether the ad offers several people. Values are `type:value` ("ethnicity:asian",
 * "language:french", "location:incall", "people:multiple").
 *
 * Ethnicity words after "no" ("no black men") describe excluded clients, not the advertiser: they are left to
 * the cue extractor's restriction cues. Colour and generic words ("black", "white", "mixed", "french") count
 * only next to a person noun ("black girl", "French beauty"); "black lingerie" is not an ethnicity.
 *
 * @example
 * extractDescriptors("Sexy Asian girl, incall only").map((f) => f.value); // ["ethnicity:asian", "location:incall"]
 */
import type { Fact, TextField } from "../domain/fact.js";
import { foldKey, normalizeText, originalSpan } from "./text/normalize.js";
import { runSticky, thenSpace, triggered } from "./text/triggers.js";

const ETHNICITY: Record<string, string> = {
  asian: "asian", latina: "latina", latino: "latina", hispanic: "latina", ebony: "black", black: "black",
  white: "white", caucasian: "white", european: "european", "eastern european": "european", indigenous: "indigenous",
  native: "indigenous", "first nations": "indigenous", metis: "indigenous", filipina: "filipina", pinay: "filipina",
  korean: "korean", japanese: "japanese", chinese: "chinese", thai: "thai", vietnamese: "vietnamese",
  indian: "south-asian", desi: "south-asian", pakistani: "south-asian", punjabi: "south-asian", russian: "russian",
  ukrainian: "ukrainian", brazilian: "brazilian", colombian: "colombian", cuban: "cuban", dominican: "dominican",
  mexican: "mexican", "puerto rican": "puerto-rican", spanish: "spanish", italian: "italian", french: "french",
  persian: "middle-eastern", arab: "middle-eastern", arabic: "middle-eastern", "middle eastern": "middle-eastern",
  lebanese: "middle-eastern", mixed: "mixed", biracial: "mixed", african: "black", jamaican: "jamaican",
  haitian: "haitian", polynesian: "polynesian", portuguese: "portuguese", greek: "greek", romanian: "romanian",
  polish: "polish", turkish: "turkish",
};
const NEEDS_NOUN = new Set(["black", "white", "mixed", "native", "french", "spanish", "italian", "greek", "polish", "turkish", "portuguese", "indian", "arab", "arabic", "russian", "chinese", "japanese", "korean", "thai"]);
const PERSON = /^\s*(?:girls?|gals?|wom[ae]n|lad(?:y|ies)|beaut(?:y|ies)|queens?|goddess|babes?|bab(?:y|ies)|chicks?|females?|escorts?|princess|doll|mamis?|hott(?:y|ies)|cuties?|models?|mistress|milfs?|angels?|and\b|&|\/|-)/i;
const LANGUAGES: Record<string, string> = {
  english: "english", french: "french", francais: "french", spanish: "spanish", espanol: "spanish",
  mandarin: "mandarin", cantonese: "cantonese", chinese: "chinese", russian: "russian", portuguese: "portuguese",
  korean: "korean", japanese: "japanese", vietnamese: "vietnamese", arabic: "arabic", punjabi: "punjabi",
  hindi: "hindi", tagalog: "tagalog", italian: "italian", german: "german", polish: "polish", ukrainian: "ukrainian",
};
const LANGUAGE_CONTEXT = /\b(?:speak|speaks|speaking|spoken|languages?|fluent|parle|hablo|habla)\b[^.!?\n]{0,30}$/i;

function words(keys: string[]): string {
  return keys.sort((a, b) => b.length - a.length).map((k) => k.replace(/ /g, "\\s+")).join("|");
}
// Plain \b boundaries without the u flag: several times faster than Unicode lookbehinds on long ads. All are
// word-anchored and run sticky at the word starts their first two letters allow (see text/triggers.ts).
// Every key has three letters before any space, so its first three characters are a prefix of every match.
const threeLetters = (keys: string[]): string[] => [...new Set(keys.map((k) => k.slice(0, 3)))];
const ETHNICITY_RE = triggered(
  "descriptor:ethnicity",
  new RegExp(`\\b(${words(Object.keys(ETHNICITY))})\\b`, "gi"),
  threeLetters(Object.keys(ETHNICITY)),
);
const LANGUAGE_RE = triggered(
  "descriptor:language",
  new RegExp(`\\b(${words(Object.keys(LANGUAGES))})\\b(\\s+speaking)?`, "gi"),
  threeLetters(Object.keys(LANGUAGES)),
);
const LOCATION_RE = triggered("descriptor:location", /\b(in|out|car)[\s-]?calls?\b/gi, ["in", "out", "car"]);
const BILINGUAL_RE = triggered("descriptor:bilingual", /\bbilingu(?:al|e)\b/gi, ["bil"]);
/** "2"/"3" then `\s*` and girls/ladies/women/babes/hotties/chicks: not every word starting with a 2 or 3. */
const MULTIPLE_DIGIT_STARTS = [..."23"].flatMap((d) => [...thenSpace(d), ...[..."glwbhc"].map((c) => d + c)]);
const MULTIPLE_RE = triggered(
  "descriptor:multiple",
  /\b(?:(?:2|3|two|three|deux)\s*(?:girls?|ladies|women|babes|hotties|chicks)|duo|double\s+(?:the\s+)?(?:fun|trouble)|me\s+(?:and|&)\s+my\s+(?:friend|girlfriend|gf|bestie|sister|roomate|roommate)|my\s+(?:friend|girlfriend|gf|bestie)\s+(?:and|&)\s+(?:i|me)|2\s*girl\s+special)\b/gi,
  [...MULTIPLE_DIGIT_STARTS, "two", "thr", "deu", "duo", "dou", "me", "my"],
);

/** Extract every descriptor from `text`. */
export function extractDescriptors(text: string, field: TextField = "body"): Fact[] {
  const n = normalizeText(text);
  const t = n.text;
  const out: Fact[] = [];
  const push = (type: string, value: string, start: number, end: number, confidence: number): void => {
    out.push({
      kind: "descriptor",
      value: `${type}:${value}`,
      field,
      span: originalSpan(n, start, end),
      confidence,
      data: { type, value },
    });
  };
  // Flat [start, end, …] numbers: few ads state a language, and an array of pairs would change the array's element
  // kind (small integers → objects) the first time one does, which throws the optimized code away.
  const languageSpans: number[] = [];
  runSticky(LANGUAGE_RE, n, (m) => {
    const speaking = m[2] !== undefined;
    if (!speaking && !LANGUAGE_CONTEXT.test(t.slice(Math.max(0, m.index - 40), m.index)) && !/only\b/i.test(t.slice(m.index + m[0].length, m.index + m[0].length + 6))) return;
    push("language", LANGUAGES[foldKey(m[1])], m.index, m.index + m[0].length, 0.85);
    languageSpans.push(m.index, m.index + m[0].length);
  });
  runSticky(BILINGUAL_RE, n, (m) => {
    push("language", "english", m.index, m.index + m[0].length, 0.6);
    push("language", "french", m.index, m.index + m[0].length, 0.6);
  });
  runSticky(ETHNICITY_RE, n, (m) => {
    const start = m.index;
    const end = start + m[0].length;
    if (overlapsAny(languageSpans, start, end)) return;
    const key = foldKey(m[1]).replace(/\s+/g, " ");
    // "no black men", "no asians": a restriction on clients, not a description.
    if (/\bno\s+(?:[\p{L}]+\s+)?$/iu.test(t.slice(Math.max(0, start - 12), start))) return;
    const after = t.slice(end, end + 16);
    if (/^\s*(?:men|guys|males|gentlemen|clients|food|restaurant|cuisine|hair|lingerie|dress|outfit)\b/i.test(after)) return;
    if (NEEDS_NOUN.has(key) && !PERSON.test(after)) return;
    push("ethnicity", ETHNICITY[key], start, end, 0.85);
  });
  runSticky(LOCATION_RE, n, (m) => {
    push("location", `${m[1].toLowerCase()}call`, m.index, m.index + m[0].length, 0.95);
  });
  runSticky(MULTIPLE_RE, n, (m) => {
    push("people", "multiple", m.index, m.index + m[0].length, 0.8);
  });
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

/** Whether `[start, end)` overlaps one of the flat `[s, e, …]` spans. */
function overlapsAny(spans: readonly number[], start: number, end: number): boolean {
  for (let k = 0; k < spans.length; k += 2) if (spans[k] < end && start < spans[k + 1]) return true;
  return false;
}

/**
 * Stated ages: "Age: 19", "Poster's age: 24", "19 yrs", "19yo", "19 y/o", "I'm 19", "just turned 18",
 * "nineteen years old". Numbers only count with an age word next to them, so heights ("5'4"), weights
 * ("120lbs"), measurements ("34D") and prices never become ages. Ages from 13 to 79 are kept: a stated age
 * under 18 is exactly what an analyst must see.
 *
 * @example
 * extractAges("sweet girl, 19yo")[0].data; // { age: 19 }
 */
import type { Fact, TextField } from "../domain/fact.js";
import { normalizeText, originalSpan } from "./text/normalize.js";
import { runSticky, thenSpace, triggered } from "./text/triggers.js";
import type { Triggered } from "./text/triggers.js";

const UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const SPELLED = new Map<string, number>([
  ["thirteen", 13], ["fourteen", 14], ["fifteen", 15], ["sixteen", 16], ["seventeen", 17], ["eighteen", 18],
  ["nineteen", 19],
]);
for (const [tens, base] of [["twenty", 20], ["thirty", 30], ["forty", 40], ["fifty", 50]] as const) {
  SPELLED.set(tens, base);
  for (let u = 1; u <= 9; u++) {
    SPELLED.set(`${tens} ${UNITS[u]}`, base + u);
    SPELLED.set(`${tens}-${UNITS[u]}`, base + u);
    SPELLED.set(`${tens}${UNITS[u]}`, base + u);
  }
}
const WORD = "(?:thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty)(?:[\\s-]?(?:one|two|three|four|five|six|seven|eight|nine))?)";
const NUM = `(\\d{2}|${WORD})`;
const NOT_MEASURE = "(?![\\d'\"’]|\\s*(?:lbs?|kg|cm|in\\b|inch|ft|\\$|%|mins?|hrs?|h\\b|dd|[a-h]\\b|/|hours?|years?\\s+(?:of\\s+)?exp))";

const DIGITS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
/**
 * How "NUM years" can start: the first three letters of a number word, or two digits and then a space or the "y"
 * of "yrs" (nothing else can follow `\d{2}` there, so "250", "34DD" and "5'10" never run the pattern).
 */
const YEARS_STARTS = [
  ...DIGITS.flatMap((a) => DIGITS.flatMap((b) => [...thenSpace(a + b), `${a + b}y`])),
  "thi", "fou", "for", "fif", "six", "sev", "eig", "nin", "twe",
];
/** Word-anchored patterns, run sticky where their first letters occur (see text/triggers.ts). */
const PATTERNS: { re: Triggered; confidence: number }[] = [
  {
    re: triggered("age:label", new RegExp(`\\b(?:poster'?s?\\s+)?age[ds]?\\s*(?:is|[:=\\-])?\\s*${NUM}(?![\\d/])`, "gi"), ["pos", "age"]),
    confidence: 0.95,
  },
  {
    re: triggered(
      "age:years",
      new RegExp(`\\b${NUM}\\s*(?:yrs?|years?|y/o|y\\.o\\.?|yo|yr\\s*old)(?![a-z])(?!\\s+(?:of\\s+)?(?:exp|in\\b|experience))`, "gi"),
      YEARS_STARTS,
    ),
    confidence: 0.9,
  },
  { re: triggered("age:turned", new RegExp(`\\bjust\\s+turned\\s+${NUM}(?!\\d)`, "gi"), ["jus"]), confidence: 0.9 },
  {
    re: triggered("age:i-am", new RegExp(`\\b(?:i'?m|i\\s+am|im)\\s+(?:only\\s+|just\\s+)?${NUM}\\b${NOT_MEASURE}`, "gi"), ["i'", "im", ...thenSpace("i")]),
    confidence: 0.75,
  },
];

function ageValue(raw: string): number | undefined {
  if (/^\d+$/.test(raw)) return Number(raw);
  return SPELLED.get(raw.toLowerCase().replace(/\s+/g, " "));
}

/** Extract every stated age from `text`. */
export function extractAges(text: string, field: TextField = "body"): Fact[] {
  const n = normalizeText(text);
  const out: Fact[] = [];
  const taken: [number, number][] = [];
  for (const { re, confidence } of PATTERNS) {
    runSticky(re, n, (m) => {
      const age = ageValue(m[1]);
      if (age === undefined || age < 13 || age > 79) return;
      const start = m.index;
      const end = m.index + m[0].length;
      if (taken.some(([s, e]) => s < end && start < e)) return;
      taken.push([start, end]);
      out.push({
        kind: "age",
        value: String(age),
        field,
        span: originalSpan(n, start, end),
        confidence,
        data: { age },
      });
    });
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

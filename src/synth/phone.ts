/**
 * Phone numbers as advertisers write them: plain formats and every obfuscation style seen in real ads.
 * `obfuscatePhone` is exported for the extractor's property tests: whatever the style, a correct de-obfuscator
 * must recover the same ten digits.
 *
 * @example
 * obfuscatePhone("4165550123", "words_en", createRng(1)); // "four one six five five five zero one two three"
 */
import type { Rng } from "./rng.js";

/** Plain formats: what most people type. */
export const PLAIN_PHONE_STYLES = ["digits", "paren", "dots", "dashes", "spaces", "intl", "one_dash"] as const;

/** Obfuscated formats: meant to defeat naive matching while staying readable to a human. */
export const OBFUSCATED_PHONE_STYLES = [
  "spaced_digits",
  "words_en",
  "words_fr",
  "words_es",
  "area_words",
  "oh_for_zero",
  "letters_for_digits",
  "keycap_emoji",
  "math_bold",
  "fullwidth",
  "circled",
  "mixed_runs",
  "separators",
  "homoglyph",
  "group_mix",
] as const;

/** Every style name `obfuscatePhone` accepts. */
export const PHONE_STYLES = [...PLAIN_PHONE_STYLES, ...OBFUSCATED_PHONE_STYLES] as const;

export type PhoneStyle = (typeof PHONE_STYLES)[number];

const WORDS_EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const WORDS_FR = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"];
const WORDS_ES = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"];
/** Playful mis-spellings real ads use inside mixed runs ("for80"). */
const WORDS_SLANG: Readonly<Record<string, string>> = { "4": "for", "0": "oh", "8": "eight", "2": "two" };
const KEYCAP = "\uFE0F\u20E3";
const CIRCLED = ["⓪", "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨"];
const LETTER_FOR_DIGIT: Readonly<Record<string, readonly string[]>> = {
  "0": ["O", "o"],
  "1": ["l", "I", "|"],
  "5": ["S"],
  "8": ["B"],
};
/** Latin letter → Cyrillic/Greek look-alike. */
const HOMOGLYPHS: Readonly<Record<string, string>> = { o: "о", e: "е", a: "а", i: "і", c: "с", x: "х", t: "т", O: "О" };
const SEPARATORS = ["•", ".", "-", "_", " ", "~", "*", "/", "💋", "🔥", "❤️", "✨", " - ", " . ", "·"];

function groups(d: string): [string, string, string] {
  return [d.slice(0, 3), d.slice(3, 6), d.slice(6, 10)];
}

function mapDigits(d: string, f: (c: string, i: number) => string, sep: string): string {
  let s = "";
  for (let i = 0; i < d.length; i++) s += (i > 0 ? sep : "") + f(d[i], i);
  return s;
}

function grouped(d: string, f: (g: string) => string, sep: string): string {
  const [a, b, c] = groups(d);
  return f(a) + sep + f(b) + sep + f(c);
}

function wordsIn(table: readonly string[], d: string, rng: Rng): string {
  const sep = rng.pick([" ", " ", "-", ", ", " "]);
  const upper = rng.chance(0.25);
  const s = mapDigits(d, (c) => table[c.charCodeAt(0) - 48], sep);
  return upper ? s.toUpperCase() : s;
}

function homoglyphWord(w: string, rng: Rng): string {
  let out = "";
  let changed = false;
  for (const ch of w) {
    const h = HOMOGLYPHS[ch];
    if (h && (rng.chance(0.5) || !changed)) {
      out += h;
      changed = true;
    } else out += ch;
  }
  return out;
}

function plainStyle(d: string, style: PhoneStyle, rng: Rng): string | undefined {
  const [a, b, c] = groups(d);
  switch (style) {
    case "digits":
      return d;
    case "paren":
      return `(${a}) ${b}-${c}`;
    case "dots":
      return `${a}.${b}.${c}`;
    case "dashes":
      return `${a}-${b}-${c}`;
    case "spaces":
      return `${a} ${b} ${c}`;
    case "intl":
      return rng.chance(0.5) ? `+1 ${a} ${b} ${c}` : `+1${d}`;
    case "one_dash":
      return rng.chance(0.7) ? `1-${a}-${b}-${c}` : `1 (${a}) ${b}-${c}`;
    default:
      return undefined;
  }
}

/**
 * Writes a 10-digit NANP number in the given style. Deterministic given the rng state; never drops or
 * reorders digits (styles "intl" and "one_dash" add the country code 1).
 */
export function obfuscatePhone(digits10: string, style: PhoneStyle, rng: Rng): string {
  if (!/^\d{10}$/.test(digits10)) throw new Error(`synth: obfuscatePhone needs 10 digits, got "${digits10}"`);
  const d = digits10;
  const plain = plainStyle(d, style, rng);
  if (plain !== undefined) return plain;
  switch (style) {
    case "spaced_digits":
      return mapDigits(d, (c) => c, rng.pick([" ", " ", "  ", " . "]));
    case "words_en":
      return wordsIn(WORDS_EN, d, rng);
    case "words_fr":
      return wordsIn(WORDS_FR, d, rng);
    case "words_es":
      return wordsIn(WORDS_ES, d, rng);
    case "area_words": {
      // "four1six 555 0123": only the area code spelled, digits and words interleaved
      const [a, b, c] = groups(d);
      const area = mapDigits(a, (ch, i) => (i === 1 ? ch : WORDS_EN[ch.charCodeAt(0) - 48]), "");
      return `${area} ${b} ${c}`;
    }
    case "oh_for_zero": {
      const sep = rng.pick(["", " ", "-"]);
      return grouped(d, (g) => g.replace(/0/g, rng.chance(0.5) ? "oh" : "O"), sep === "" ? " " : sep);
    }
    case "letters_for_digits": {
      let changed = false;
      const s = grouped(
        d,
        (g) =>
          mapDigits(
            g,
            (ch) => {
              const alts = LETTER_FOR_DIGIT[ch];
              if (alts && (!changed || rng.chance(0.5))) {
                changed = true;
                return rng.pick(alts);
              }
              return ch;
            },
            "",
          ),
        rng.pick(["-", " ", "."]),
      );
      return s;
    }
    case "keycap_emoji":
      return grouped(d, (g) => mapDigits(g, (ch) => ch + KEYCAP, ""), rng.pick([" ", "", " - "]));
    case "math_bold":
      // U+1D7CE MATHEMATICAL BOLD DIGIT ZERO (a surrogate pair in UTF-16)
      return grouped(d, (g) => mapDigits(g, (ch) => String.fromCodePoint(0x1d7ce + ch.charCodeAt(0) - 48), ""), rng.pick([" ", "-", ""]));
    case "fullwidth":
      return grouped(d, (g) => mapDigits(g, (ch) => String.fromCharCode(0xff10 + ch.charCodeAt(0) - 48), ""), rng.pick(["－", " ", "-", ""]));
    case "circled":
      return grouped(d, (g) => mapDigits(g, (ch) => CIRCLED[ch.charCodeAt(0) - 48], ""), rng.pick([" ", "-", ""]));
    case "mixed_runs":
      // "for80 2sixseven one9zerofor": each digit a word or a digit, runs split irregularly
      return mapDigits(
        d,
        (ch, i) => {
          const w = rng.chance(0.5) ? ch : (WORDS_SLANG[ch] && rng.chance(0.4) ? WORDS_SLANG[ch] : WORDS_EN[ch.charCodeAt(0) - 48]);
          return (i > 0 && rng.chance(0.22) ? " " : "") + w;
        },
        "",
      );
    case "separators": {
      const sep = rng.pick(SEPARATORS);
      return rng.chance(0.5) ? grouped(d, (g) => g, sep) : mapDigits(d, (c) => c, sep);
    }
    case "homoglyph":
      return mapDigits(d, (ch) => homoglyphWord(WORDS_EN[ch.charCodeAt(0) - 48], rng), " ");
    case "group_mix": {
      // each group in a different style: "(4one6) ５５５ 0123"
      const [a, b, c] = groups(d);
      const subs: readonly PhoneStyle[] = ["words_en", "fullwidth", "circled", "spaced_digits", "keycap_emoji", "math_bold"];
      const one = (g: string): string => {
        const st = rng.pick(subs);
        if (st === "words_en") return mapDigits(g, (ch) => WORDS_EN[ch.charCodeAt(0) - 48], " ");
        if (st === "fullwidth") return mapDigits(g, (ch) => String.fromCharCode(0xff10 + ch.charCodeAt(0) - 48), "");
        if (st === "circled") return mapDigits(g, (ch) => CIRCLED[ch.charCodeAt(0) - 48], "");
        if (st === "keycap_emoji") return mapDigits(g, (ch) => ch + KEYCAP, "");
        if (st === "math_bold") return mapDigits(g, (ch) => String.fromCodePoint(0x1d7ce + ch.charCodeAt(0) - 48), "");
        return mapDigits(g, (ch) => ch, " ");
      };
      return `${one(a)} ${one(b)} ${one(c)}`;
    }
    default:
      throw new Error(`synth: unknown phone style "${String(style)}"`);
  }
}

/** A random NANP subscriber part: exchange starts 2-9 and is never 555 or an N11 code. */
export function randomLocalNumber(rng: Rng): string {
  let ex: number;
  do ex = rng.range(200, 999);
  while (ex === 555 || ex % 100 === 11);
  return String(ex) + String(rng.int(10000)).padStart(4, "0");
}

/** Allocates never-before-used phone numbers (10 digits) within one corpus. */
export class PhoneAllocator {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  next(areaCode: string): string {
    for (;;) {
      const p = areaCode + randomLocalNumber(this.rng);
      if (!this.used.has(p)) {
        this.used.add(p);
        return p;
      }
    }
  }
}

/** How a site renders its contact field (each source has one habit). */
export type FieldFormat = "dashes" | "digits" | "e164" | "paren";

export function formatPhoneField(d: string, f: FieldFormat): string {
  switch (f) {
    case "dashes":
      return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
    case "digits":
      return d;
    case "e164":
      return `+1${d}`;
    case "paren":
      return `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`;
  }
}

/**
 * Property test: random NANP numbers written in random obfuscation styles must come back out. Two independent
 * generators: the synthetic-corpus one (src/synth) and a small one of our own, so the extractor is not only
 * tested against the generator it was tuned on. Prints the recovery rate by style.
 */
import { describe, expect, it } from "vitest";
import { extractPhones } from "../../src/extract/phone.js";
import { PHONE_STYLES, obfuscatePhone } from "../../src/synth/index.js";
import { createRng } from "../../src/synth/rng.js";

/** Deterministic LCG for our own generator. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NPAS = ["204", "236", "250", "289", "306", "403", "416", "418", "437", "438", "450", "506", "514", "519", "581", "587", "604", "613", "647", "705", "709", "778", "780", "807", "819", "867", "902", "905"];

function randomNumber(r: () => number): string {
  const npa = NPAS[Math.floor(r() * NPAS.length)];
  let ex: string;
  do ex = String(200 + Math.floor(r() * 800)); while (ex[1] === "1" && ex[2] === "1");
  return npa + ex + String(Math.floor(r() * 10000)).padStart(4, "0");
}

const EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const FR = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"];
const ES = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"];
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const groups = (d: string): string[] => [d.slice(0, 3), d.slice(3, 6), d.slice(6)];
const map = (d: string, f: (c: string) => string, sep = ""): string => [...d].map(f).join(sep);

/** Our own obfuscator: styles named after what they do. */
const OWN_STYLES: Record<string, (d: string, r: () => number) => string> = {
  plain_dashes: (d) => groups(d).join("-"),
  plus_one: (d) => `+1 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  words_en_glued: (d) => groups(d).map((g) => map(g, (c) => EN[+c])).join(" "),
  words_fr: (d) => map(d, (c) => FR[+c], " "),
  words_es_dash: (d) => map(d, (c) => ES[+c], "-"),
  half_words: (d, r) => groups(d).map((g) => map(g, (c) => (r() < 0.5 ? EN[+c] : c))).join(" "),
  letters: (d) => groups(d).map((g) => g.replace(/0/g, "O").replace(/1/g, "l")).join("."),
  keycaps: (d) => map(d, (c) => `${c}\uFE0F\u20E3`),
  math_sans: (d) => groups(d).map((g) => map(g, (c) => String.fromCodePoint(0x1d7e2 + +c))).join(" "),
  fullwidth_dots: (d) => groups(d).map((g) => map(g, (c) => String.fromCharCode(0xff10 + +c))).join("．"),
  emoji_between: (d, r) => map(d, (c) => c, pick(r, ["🔥", "💋", "⭐", " 💕 "])),
  bullets: (d) => groups(d).join(" • "),
  oh_words: (d) => map(d, (c) => (c === "0" ? "oh" : c), " "),
  zero_width: (d) => map(d, (c) => c, "\u200b"),
  mixed_case_words: (d) => map(d, (c) => EN[+c].toUpperCase(), " "),
  pairs: (d) => `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 8)} ${d.slice(8)}`,
};

interface Tally {
  ok: number;
  total: number;
  misses: string[];
}

function run(samples: number, write: (d: string, style: string, i: number) => string, styles: readonly string[]): Map<string, Tally> {
  const r = lcg(20240611);
  const tally = new Map<string, Tally>();
  for (const style of styles) {
    const t: Tally = { ok: 0, total: 0, misses: [] };
    for (let i = 0; i < samples; i++) {
      const d = randomNumber(r);
      const text = `Hey guys, call me ${write(d, style, i)} for a good time`;
      const got = extractPhones(text).map((f) => f.value);
      t.total++;
      if (got.length === 1 && got[0] === `+1${d}`) t.ok++;
      else if (t.misses.length < 6) t.misses.push(`${text} → ${JSON.stringify(got)}`);
    }
    tally.set(style, t);
  }
  return tally;
}

function report(title: string, tally: Map<string, Tally>): number {
  let ok = 0;
  let total = 0;
  const lines = [...tally].map(([style, t]) => {
    ok += t.ok;
    total += t.total;
    return `${style.padEnd(20)} ${((100 * t.ok) / t.total).toFixed(1).padStart(6)}%${t.misses.length > 0 ? `  e.g. ${t.misses.join(" | ")}` : ""}`;
  });
  console.log(`${title}: ${((100 * ok) / total).toFixed(2)}% of ${total}\n${lines.join("\n")}`);
  return ok / total;
}

describe("phone recovery by obfuscation style", () => {
  it("recovers numbers written by the synthetic generator (src/synth)", () => {
    const tally = run(300, (d, style, i) => obfuscatePhone(d, style as (typeof PHONE_STYLES)[number], createRng(i * 7919 + style.length)), PHONE_STYLES);
    const overall = report("synth obfuscatePhone", tally);
    expect(overall).toBeGreaterThan(0.97);
    for (const t of tally.values()) expect(t.ok / t.total).toBeGreaterThan(0.9);
  });

  it("recovers numbers written by an independent obfuscator", () => {
    const r = lcg(7);
    const tally = run(300, (d, style) => OWN_STYLES[style](d, r), Object.keys(OWN_STYLES));
    const overall = report("own obfuscator", tally);
    expect(overall).toBeGreaterThan(0.97);
    for (const t of tally.values()) expect(t.ok / t.total).toBeGreaterThan(0.9);
  });
});

/**
 * The scans that run a pattern only at candidate positions, or read only part of a text, must find exactly what
 * the full scan finds: anchored patterns (text/sticky.ts) against a global scan, the long-run digit reader
 * against the full reader, digit words found at word starts against the regex scan, and the capital-token
 * finder against the full tokenizer.
 */
import { describe, expect, it } from "vitest";
import "../../src/extract/index.js";
import { digitRuns } from "../../src/extract/text/digits.js";
import { lowerText, normalizeText } from "../../src/extract/text/normalize.js";
import { anchoredPatterns, runAnchored } from "../../src/extract/text/sticky.js";
import { capitalTokenStarts, tokenBounds } from "../../src/extract/text/tokens.js";
import { asciiDigitRuns } from "../../src/extract/text/triggers.js";
import { digitZoneRanges } from "../../src/extract/text/zones.js";
import { PHONE_STYLES, generateCorpus, obfuscatePhone } from "../../src/synth/index.js";
import { createRng } from "../../src/synth/rng.js";

const TRICKY = [
  "QV 120, HH 160, 1hr 250 · 100/hh 160/h 300/2h · qv 80 hh 120 h 200 · $200/hr · 200$ per hour · 90 min 300",
  "half an hour - 140, quick visits for us$ 300, 1/2 hr 150, overnight 1500, ovn 1200 roses, an hour 250",
  "donations: $300, US$ 200 / hr, €150 30min, £90 hh, 2 hours: $550, full hour 260, 45 minutes 180, fh 200",
  "all night 900 · o/n 1000 · two hours 500 · Quickie 80 · h.h. 150 · 1.5h 350 · 300 for 90 mins · 2023 $",
  "jade (at) gmail (dot) com, jade[at]gmail[.]com, jade at at gmail dot com, a@b.co and c.d@e.org, x @ y . ca",
  "jade_22 AT icloud DOT com, {at} (@) <at> @jade, meet me at the hotel, 100% real @ incall, see you at 10",
  "snap: SweetJade22, 👻 jadey22, SC: jade_x, IG @jade.x, insta jadeofficial, kik - jadey_22, kik me: jadey",
  "telegram @jadetg, wechat: jade888, LINE ID: jadeline, LINEID: x, twitter @jade_tw, X: @jade, OF: jade, of: no",
  "whatsapp 416 555 0123, WhatsApp: +1 604 555 0199, watsapp 4165550123, wa.me/14165550123, wsp 5145550123",
  "Jade here, ÉLISE ici, Ana aquí, Maria aqui, JADE here, the girls there, where, Hi gentlemen, Ruby  here",
  "four1six 8nine3 22four5, for80 2sixseven one9zerofor, six oh four, 6O4-7l8, 4four_five5six zéro un deux",
  "Visiting Toronto, the Soo, GTA, yyc, Sault Ste. Marie, St. John's, d'Arcy, Île-Perrot, _Toronto, éToronto",
  // " at " and "here" come from word starts: Unicode spaces, tabs, capitals, glued words, the end of the text.
  "jade\u00a0at\u00a0gmail\u00a0dot\u00a0com, mia AT\tyahoo DOT ca, that at, what at x, kat at y.com, cat at",
  "Mia\u2003here, Lola\there, ANA AQUI, Eva aquí, Zoe ici. wherever, Jade heres, Kim HERE, x_Jade here, at",
  // Runs after a "+" need 8 units, others 10 (phones): masks cutting a run before its "+" group, short runs.
  "10am +44 7700 900123, 2023-12-12 +7 981 158 51, 10:30+44 20 7946 0958, +1 416 555 01, 12 +34 612 34 56",
  "12/12/2023 +4 4 7 7 0 0 9 0 0 1, 5'4\" +33 6 12 34 56 78, +49 30 1234567 and 416 555 012 and 4165550 123",
  "+ 44 7700 900123, ++447700900123, x+447700900123, 18+4165550123, +1 (416) 555-0123, +one four one six 5550123",
  // Amounts are whole runs of 2–4 digits; durations start on runs of at most 3.
  "$5 hh, $12345 hr, 12345 roses, 1 hr 250, 1.5 hr 300, 1/2 hr 90, 100 min 400, 1000 min 500, 2 . 3 . 6, $1000.00/hr",
  "hh 5, hh 12345, qv 99999 $, us$7 per hour, donation 12345, €12 30min, 4165550123 roses, 12 hh, 123456 h",
];

function texts(): string[] {
  const out = [...TRICKY];
  for (const r of generateCorpus({ ads: 3000, seed: 12 })) out.push(`${r.ad.title ?? ""}\n${r.ad.body ?? ""}`);
  for (let i = 0; i < 600; i++) {
    const d = `416${200 + (i % 700)}${String(1000 + i).slice(-4)}`;
    const style = PHONE_STYLES[i % PHONE_STYLES.length];
    out.push(`call me ${obfuscatePhone(d, style, createRng(i))} or txt_${obfuscatePhone(d, style, createRng(i + 1))}`);
  }
  return out;
}

function fullScan(re: RegExp, text: string): [number, string][] {
  const g = new RegExp(re.source, re.flags);
  const out: [number, string][] = [];
  for (let m = g.exec(text); m !== null; m = g.exec(text)) out.push([m.index, m[0]]);
  return out;
}

describe("candidate scans", () => {
  const all = texts();

  it("registers the anchored patterns", () => {
    expect(anchoredPatterns().map((a) => a.name).sort()).toEqual(
      ["email", "handle:loose", "handle:strict", "handle:whatsapp", "name:here", "price:amount-first", "price:bare", "price:duration-first"],
    );
  });

  for (const a of anchoredPatterns()) {
    it(`${a.name}: same matches as a full scan`, () => {
      let matches = 0;
      for (const text of all) {
        const n = normalizeText(text);
        const want = fullScan(a.global, n.text);
        const got: [number, string][] = [];
        runAnchored(a, n, (m) => got.push([m.index, m[0]]));
        expect(got).toEqual(want);
        matches += want.length;
      }
      expect(matches).toBeGreaterThan(0);
    });
  }

  it("long digit runs: the same runs as the full reader, from the stretches that can hold them", () => {
    const units = (r: ReturnType<typeof digitRuns>[number]): number => r.groups.reduce((k, g) => k + g.units.length, 0);
    for (const text of all) {
      const n = normalizeText(text);
      for (const pipeIsOne of [false, true]) {
        const full = digitRuns(n, { minUnits: 5, pipeIsOne });
        expect(digitRuns(n, { minUnits: 5, minRunUnits: 7, pipeIsOne })).toEqual(full.filter((r) => units(r) >= 7));
        // As phones ask: 10 units, or 8 for a run whose first group follows a "+".
        const plus = (r: (typeof full)[number]): boolean => r.groups[0].start > 0 && n.text[r.groups[0].start - 1] === "+";
        const want = full.filter((r) => units(r) >= (plus(r) ? 8 : 10));
        expect(digitRuns(n, { minUnits: 5, minRunUnits: 10, minPlusRunUnits: 8, pipeIsOne })).toEqual(want);
      }
    }
  });

  it("ASCII digit runs: found by the word-start pass as by /[0-9]+/g", () => {
    for (const text of [...all, "12\u00e934_56 7\ud83c\udf397", "x9", "9", ""]) {
      const want: number[] = [];
      for (const m of normalizeText(text).text.matchAll(/[0-9]+/g)) want.push(m.index, m.index + m[0].length);
      expect(asciiDigitRuns(normalizeText(text))).toEqual(want);
    }
  });

  it("digit zones: digit words found at word starts as by the scan", () => {
    for (const text of all) {
      const n = normalizeText(text);
      const lower = lowerText(n);
      expect(digitZoneRanges(n.text, lower, asciiDigitRuns(n), n)).toEqual(digitZoneRanges(n.text, lower));
    }
  });

  it("place tokens: the capital (and t/y/g/m) tokens of the full tokenizer", () => {
    for (const text of all) {
      const n = normalizeText(text);
      const starts: number[] = [];
      const ends: number[] = [];
      tokenBounds(n.text, starts, ends);
      const want = starts.filter((s) => {
        const c = n.text[s];
        return c !== c.toLowerCase() || "tygm".includes(c);
      });
      expect(capitalTokenStarts(n)).toEqual(want);
    }
  });
});

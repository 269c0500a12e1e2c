import { describe, expect, it } from "vitest";
import "../../src/extract/index.js";
import { CUE_LEXICON } from "../../src/extract/cue-lexicon.js";
import { normalizeText } from "../../src/extract/text/normalize.js";
import { runSticky, triggeredPatterns } from "../../src/extract/text/triggers.js";
import { generateCorpus } from "../../src/synth/index.js";

// The trigger prefilter must be exact: running a pattern sticky at the word starts its prefixes allow finds the
// same matches as scanning the whole text with the pattern as written.
const TRICKY = [
  "PROFESSIONAL & Discreet, 100 % REAL pics, High-Class, highclass, safe&clean, No  games",
  "Young, BARELY 18, just turned eighteen, new to this, schoolgirl, babyface, daddy's girl, lil",
  "New in town! Just arrived, visiting, leaving tomorrow, LAST DAY, on tour, back in town, here for the weekend",
  "screening required, references needed, must be verified. She is 21, she's, her pics, ask for her, our girls",
  "no black men, no AA, no condom, bare back, BBFS, raw sex, no LE, not affiliated with law enforcement, 24/7, 24hrs",
  "Asian girl, ebony queen, Eastern European beauty, first nations, speak english, French speaking, bilingual",
  "incall, out-call, car call, 2 girls, three ladies, duo, double the fun, me & my friend, my gf and i, 2girl special",
  "Age: 19, poster's age 24, 22yo, 21 y/o, nineteen years old, twenty-two yrs, I'm 25, i am only 19, im 20",
  "My name is Jade, my name's Lola, NAME: AMBER, ask for Ruby, call me Mia, they call me Kim, I'm Anna, This is Eva",
  "c'est Chloé, soy Maria, it's Jade, Jade here, \u00c9lise ici, _young, x_discreet, émarried, 2\u00a0girls, I\u00a0am 19",
  // Prefixes listing what may follow ("2\s*girls", "\d{2}\s*yrs", "I\s+am"): tabs, Unicode spaces, capitals, glued.
  "3\tLADIES, 2\u2003Babes, 3Chicks, 2 hotties, 2\nwomen, 19\u00a0yrs, 22\tyo, 23Y/O, 20\r\nyears old, 19\u3000yo",
  "I\tam 22, I\u00a0am Jade, I\u2003m, Im 24, I'M 19, its Mia, It's Mia, ITS, I\v am 20, 2\u00a0\u00a0girls, 21",
];

function fullScan(re: RegExp, text: string): [number, string][] {
  const g = new RegExp(re.source, re.flags);
  const out: [number, string][] = [];
  for (let m = g.exec(text); m !== null; m = g.exec(text)) out.push([m.index, m[0]]);
  return out;
}

function stickyScan(p: ReturnType<typeof triggeredPatterns>[number], text: string): [number, string][] {
  const out: [number, string][] = [];
  runSticky(p, normalizeText(text), (m) => out.push([m.index, m[0]]));
  return out;
}

describe("trigger prefilter", () => {
  const texts = [...TRICKY, ...CUE_LEXICON.flatMap((c) => c.examples)];
  for (const r of generateCorpus({ ads: 3000, seed: 11 })) texts.push(`${r.ad.title ?? ""}\n${r.ad.body ?? ""}`);
  const normalized = texts.map((t) => normalizeText(t).text);

  it("registers the word-anchored patterns", () => {
    expect(triggeredPatterns().length).toBeGreaterThanOrEqual(20);
  });

  for (const p of triggeredPatterns()) {
    it(`${p.name}: same matches as a full scan`, () => {
      let matches = 0;
      for (const text of normalized) {
        const want = fullScan(p.global, text);
        matches += want.length;
        expect(stickyScan(p, text)).toEqual(want);
      }
      expect(matches).toBeGreaterThan(0);
    });
  }
});

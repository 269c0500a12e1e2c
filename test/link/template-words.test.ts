/** The template's tokenizer: its scan over code points cuts exactly as the Unicode pattern it stands in for. */
import { describe, expect, it } from "vitest";
import { normalizeText } from "../../src/link/shingles.js";
import { words } from "../../src/link/template.js";
import { generateCorpus } from "../../src/synth/index.js";

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*|[^\s\p{L}\p{N}]/gu;
const byPattern = (text: string) => normalizeText(text).match(WORD) ?? [];

describe("template words", () => {
  it("match the pattern's cut on generated ads and on edge cases", () => {
    const texts: string[] = [];
    for (const r of generateCorpus({ ads: 1500, seed: 21 })) texts.push(`${r.ad.title ?? ""}\n${r.ad.body ?? ""}`);
    texts.push(
      "",
      "   ",
      "I'm here, don't wait!!! 24/7 $200/hr",
      "tab\there\vvert\fform\r\nend",
      "'quoted' ''' a'b'c 9'9",
      "x\u0000y\u007fz ~`^_|",
      "CAPS Mixed lower 123abc ABC123",
      "Café naïve — “smart” I’m 💋💋 ✨",
      "ends with apostrophe'",
      "nbsp\u00a0here\u2003em\u3000ideo\ufeffbom",
      "𝟒𝟏𝟔 math digits, 你好 han, Ⅻ roman, ½ half, ١٢٣ arabic",
      "lone \ud800 surrogate \udc00 and pair 😀x",
    );
    for (const t of texts) expect(words(t), JSON.stringify(t.slice(0, 80))).toEqual(byPattern(t));
  });
});

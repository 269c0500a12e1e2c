import { describe, expect, it } from "vitest";
import { digitRuns } from "../../src/extract/text/digits.js";
import { normalizeText, originalSpan } from "../../src/extract/text/normalize.js";

type Case = [text: string, normalized: string];

const CASES: Case[] = [
  ["plain ascii", "plain ascii"],
  ["𝟒𝟏𝟔", "416"],
  ["４１６", "416"],
  ["①②③", "123"],
  ["⓪", "0"],
  ["➀❶➊", "111"],
  ["4️⃣1️⃣6️⃣", "416"],
  ["🔟", "10"],
  ["¹²³", "123"],
  ["٤١٦", "416"],
  ["४१६", "416"],
  ["a\u200bb\u200dc", "abc"],
  ["sоft", "soft"],
  ["ΟΚ", "OK"],
  ["ｊａｄｅ", "jade"],
  ["ﬁne", "fine"],
  ["ℓ", "l"],
  ["Ⓙⓐⓓⓔ", "Jade"],
  ["𝐉𝐚𝐝𝐞", "Jade"],
  ["é", "é"],
  ["\u00ad-", "-"],
];

describe("normalizeText", () => {
  it.each(CASES)("%s", (text, normalized) => {
    expect(normalizeText(text).text).toBe(normalized);
  });

  it("maps spans back to the original text", () => {
    const text = "call 𝟒𝟏𝟔 now";
    const n = normalizeText(text);
    const at = n.text.indexOf("416");
    const [s, e] = originalSpan(n, at, at + 3);
    expect(text.slice(s, e)).toBe("𝟒𝟏𝟔");
  });

  it("keeps a removed keycap with its digit", () => {
    const text = "4️⃣1️⃣";
    const n = normalizeText(text);
    expect(text.slice(...originalSpan(n, 0, 2))).toBe(text);
  });
});

describe("digitRuns", () => {
  const digits = (text: string): string[] =>
    digitRuns(normalizeText(text)).map((r) => r.groups.map((g) => g.units.map((u) => u.digit).join("")).join(" "));
  it.each([
    ["four1six 8nine3", ["416 893"]],
    ["for80 2sixseven", ["480 267"]],
    ["one9zerofor", ["1904"]],
    ["6O4-7l8", ["604 718"]],
    ["six oh four", ["6 0 4"]],
    ["quatre un six", ["4 1 6"]],
    ["cuatro uno seis", ["4 1 6"]],
    ["tool lol", []],
    ["for you", []],
    ["34B-24-36", []],
    ["Dec 12 2023", []],
    ["10:30pm", []],
  ] as [string, string[]][])("%s", (text, want) => {
    expect(digits(text)).toEqual(want);
  });
});

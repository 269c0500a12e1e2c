import { describe, expect, it } from "vitest";
import { LABEL_PATTERN, extractPhones, mayBeLabelled } from "../../src/extract/phone.js";
import { createRng } from "../../src/synth/rng.js";
import { expectSpans } from "./helpers.js";

type Case = [text: string, values: string[], evidence?: string[], obfuscated?: boolean[]];

const POSITIVE: Case[] = [
  ["call 416-555-0123", ["+14165550123"], ["416-555-0123"], [false]],
  ["(416) 555-0123 anytime", ["+14165550123"], ["(416) 555-0123"], [false]],
  ["416.555.0123", ["+14165550123"], ["416.555.0123"], [false]],
  ["txt 4165550123!", ["+14165550123"], ["4165550123"], [false]],
  ["+1 416 555 0123", ["+14165550123"], ["+1 416 555 0123"], [false]],
  ["+14165550123", ["+14165550123"], ["+14165550123"], [false]],
  ["1-800-555-0199", ["+18005550199"], ["1-800-555-0199"], [false]],
  ["1 (647) 555-0142", ["+16475550142"], ["1 (647) 555-0142"], [false]],
  ["1.416.555.0123", ["+14165550123"], ["1.416.555.0123"], [false]],
  ["tel:+1-416-555-0123", ["+14165550123"], ["+1-416-555-0123"], [false]],
  ["416 555 0123 or 647-555-0199", ["+14165550123", "+16475550199"], ["416 555 0123", "647-555-0199"]],
  ["text 780-555-0188 or 780 555 0177", ["+17805550188", "+17805550177"]],
  ["416-555-0123 416-555-0123", ["+14165550123", "+14165550123"]],
  ["four1six 8nine3 22four5", ["+14168932245"], ["four1six 8nine3 22four5"], [true]],
  ["6O4-7l8-3O9l", ["+16047183091"], ["6O4-7l8-3O9l"], [true]],
  ["4l6.555.Ol23", ["+14165550123"], ["4l6.555.Ol23"], [true]],
  ["416-S55-0123", ["+14165550123"], ["416-S55-0123"], [true]],
  ["4️⃣1️⃣6️⃣ 5️⃣5️⃣5️⃣ 0️⃣1️⃣2️⃣3️⃣", ["+14165550123"], ["4️⃣1️⃣6️⃣ 5️⃣5️⃣5️⃣ 0️⃣1️⃣2️⃣3️⃣"], [true]],
  ["𝟒𝟏𝟔 𝟓𝟓𝟓 𝟎𝟏𝟐𝟑", ["+14165550123"], ["𝟒𝟏𝟔 𝟓𝟓𝟓 𝟎𝟏𝟐𝟑"], [true]],
  ["４１６－５５５－０１２３", ["+14165550123"], ["４１６－５５５－０１２３"], [true]],
  ["④①⑥ ⑤⑤⑤ ⓪①②③", ["+14165550123"], ["④①⑥ ⑤⑤⑤ ⓪①②③"], [true]],
  ["cinq un quatre, cinq cinq cinq, zéro un deux trois", ["+15145550123"], undefined, [true]],
  ["seis cuatro siete cinco cinco cinco cero uno cuatro dos", ["+16475550142"], undefined, [true]],
  ["FOUR ONE SIX FIVE FIVE FIVE ZERO ONE TWO THREE", ["+14165550123"], undefined, [true]],
  ["six oh four 555 oh one four two", ["+16045550142"], ["six oh four 555 oh one four two"], [true]],
  ["for80 2sixseven one9zerofor", ["+14802671904"], ["for80 2sixseven one9zerofor"], [true]],
  ["call 4I6 2sixseven 0l23", ["+14162670123"], ["4I6 2sixseven 0l23"], [true]],
  ["416•555•0123", ["+14165550123"], ["416•555•0123"], [true]],
  ["416💋555💋0123", ["+14165550123"], ["416💋555💋0123"], [true]],
  ["4 1 6 5 5 5 0 1 2 3", ["+14165550123"], ["4 1 6 5 5 5 0 1 2 3"], [true]],
  ["fоur оne six fivе fivе fivе zеrо оne twо three", ["+14165550123"], undefined, [true]],
  ["416\u200b555\u200b0123", ["+14165550123"], ["416\u200b555\u200b0123"]],
  ["416|555|0123", ["+14165550123"], ["416|555|0123"]],
  ["4|6 555 0|23", ["+14165550123"], ["4|6 555 0|23"], [true]],
  ["call/text 416 five five five 0123", ["+14165550123"], ["416 five five five 0123"], [true]],
  ["+7981 158 5164", ["+79811585164"], ["+7981 158 5164"], [false]],
  ["whatsapp +33 6 12 34 56 78", ["+33612345678"], ["+33 6 12 34 56 78"]],
  ["Age 22 416 555 0123", ["+14165550123"], ["416 555 0123"]],
  ["I'm 23. 416-555-0123", ["+14165550123"], ["416-555-0123"]],
  ["$250 416-555-0123", ["+14165550123"], ["416-555-0123"]],
  ["ph#4165550123", ["+14165550123"], ["4165550123"]],
  ["34-24-36 416-555-0123", ["+14165550123"], ["416-555-0123"]],
  ["hh 160 call 587 555 0100", ["+15875550100"], ["587 555 0100"]],
];

const NEGATIVE: string[] = [
  "QV 120, HH 160, 1hr 250",
  "100/hh 160/h 300/2h",
  "34D-24-36",
  "34-24-36 5'4 120lbs",
  "5'4 120lbs",
  "Dec 12 2023",
  "12/12/2023 10:30",
  "10am-2am",
  "M5V 2T6",
  "#1234567890",
  "ID: 4165551234",
  "Post ID 4165550123",
  "ad #4165550123",
  "ref 4165550123",
  "$200 $250 $300 $400",
  "available 24/7, 7 days a week",
  "19 years old, 36DD, 130 lbs",
  "Born 1999-05-14 at 10:30",
  "2023 12 25 14 30 00",
  "1234567",
  "0001112222",
  "1115550123",
  "416-155-0123",
  "tool lol IOI lilo",
  "Someone for you, two of us, one night only",
  "Price list: 80 120 160 200 250",
  "Dec 12, 2023 2:30pm - 11:45pm",
  "card 4111 1111 1111 1111",
];

describe("extractPhones", () => {
  it.each(POSITIVE)("%s", (text, values, evidence, obfuscated) => {
    const facts = extractPhones(text);
    expect(facts.map((f) => f.value)).toEqual(values);
    expectSpans(text, facts, evidence);
    if (obfuscated !== undefined) expect(facts.map((f) => f.obfuscated)).toEqual(obfuscated);
    for (const f of facts) {
      // The evidence alone must yield the same number.
      expect(extractPhones(text.slice(f.span[0], f.span[1])).map((g) => g.value)).toEqual([f.value]);
      expect(f.kind).toBe("phone");
      expect(f.field).toBe("body");
    }
  });

  it.each(NEGATIVE)("no phone in %s", (text) => {
    expect(extractPhones(text)).toEqual([]);
  });

  it("tags the field", () => {
    expect(extractPhones("(416) 555-0123", "phone")[0].field).toBe("phone");
  });

  it("has at least 40 positive and 20 negative cases", () => {
    expect(POSITIVE.length).toBeGreaterThanOrEqual(40);
    expect(NEGATIVE.length).toBeGreaterThanOrEqual(20);
  });
});

describe("post-id label precheck", () => {
  it("never rules out what LABEL matches", () => {
    const words = ["post", "Ad", "LISTING", "ref", "reference", "order", "item", "ticket", "invoice", "user", "account", "acct", "id", "ID", "no", "No.", "num", "number", "#", "call", "text", "me", "at", "paid", "head", "casino", "x", "é", "K", "ſ"];
    const seps = ["", " ", "  ", ":", ": ", " #", "#", "=", ".", " . ", "\u00a0", "\t", "\n", "-", "/", "\ufeff"];
    const rng = createRng(77);
    let matched = 0;
    for (let i = 0; i < 20_000; i++) {
      let s = "";
      for (let k = rng.int(4); k >= 0; k--) s += rng.pick(words) + rng.pick(seps);
      s = s.slice(-24);
      const want = LABEL_PATTERN.test(s);
      if (want) matched++;
      if (want) expect(mayBeLabelled(s, 0, s.length)).toBe(true);
      // Inside a longer text, as phone.ts calls it.
      const text = `xx ${s}4165550123`;
      const at = text.length - 10;
      if (LABEL_PATTERN.test(text.slice(Math.max(0, at - 24), at))) expect(mayBeLabelled(text, Math.max(0, at - 24), at)).toBe(true);
    }
    expect(matched).toBeGreaterThan(2000);
  });
});

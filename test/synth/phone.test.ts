import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { OBFUSCATED_PHONE_STYLES, PHONE_STYLES, PLAIN_PHONE_STYLES, obfuscatePhone } from "../../src/synth/phone.js";
import { createRng } from "../../src/synth/rng.js";
import { EMAIL_STYLES, obfuscateEmail } from "../../src/synth/email.js";
import { decodePhone } from "./decode.js";

const digits10 = fc
  .tuple(fc.integer({ min: 200, max: 999 }), fc.integer({ min: 2_000_000, max: 9_999_999 }))
  .map(([a, b]) => `${a}${b}`);

describe("obfuscatePhone", () => {
  it("lists plain and obfuscated styles", () => {
    expect(PHONE_STYLES).toHaveLength(PLAIN_PHONE_STYLES.length + OBFUSCATED_PHONE_STYLES.length);
    expect(new Set(PHONE_STYLES).size).toBe(PHONE_STYLES.length);
  });

  it.each(PHONE_STYLES)("style %s keeps the ten digits recoverable", (style) => {
    fc.assert(
      fc.property(digits10, fc.integer(), (d, seed) => {
        const s = obfuscatePhone(d, style, createRng(seed));
        expect(decodePhone(s)).toBe(d);
      }),
      { numRuns: 200 },
    );
  });

  it("writes the documented examples", () => {
    const r = createRng(1);
    expect(obfuscatePhone("4165550123", "paren", r)).toBe("(416) 555-0123");
    expect(obfuscatePhone("4165550123", "dots", r)).toBe("416.555.0123");
    expect(obfuscatePhone("4165550123", "words_fr", r).toLowerCase()).toMatch(/^quatre.un.six/);
    expect(obfuscatePhone("4165550123", "words_es", r).toLowerCase()).toMatch(/^cuatro.uno.seis/);
    expect(obfuscatePhone("4165550123", "keycap_emoji", r)).toMatch(/^4\uFE0F\u20E31\uFE0F\u20E36\uFE0F\u20E3/);
    expect(obfuscatePhone("4165550123", "math_bold", r)).toMatch(/^𝟒𝟏𝟔/u);
    expect(obfuscatePhone("4165550123", "fullwidth", r)).toMatch(/^４１６/);
    expect(obfuscatePhone("4165550123", "circled", r)).toMatch(/^④①⑥/);
    expect(obfuscatePhone("4165550123", "area_words", r)).toBe("four1six 555 0123");
    expect(obfuscatePhone("4165550123", "homoglyph", r)).toMatch(/[\u0400-\u04FF]/);
  });

  it("rejects anything but ten digits", () => {
    expect(() => obfuscatePhone("12345", "digits", createRng(1))).toThrow(/10 digits/);
  });
});

describe("obfuscateEmail", () => {
  it("writes every style", () => {
    const got = EMAIL_STYLES.map((s) => obfuscateEmail("jade.xo@gmail.com", s));
    expect(got).toEqual([
      "jade.xo@gmail.com",
      "jade.xo (at) gmail (dot) com",
      "jade.xo[at]gmail[dot]com",
      "jade.xo at gmail dot com",
      "jade.xo @ gmail . com",
    ]);
  });
});

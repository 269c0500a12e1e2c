/**
 * Per-character folding tables used by {@link normalizeText}: characters that NFKC leaves alone but advertisers
 * use in place of ASCII digits and letters (dingbat digits, Cyrillic/Greek look-alikes), and invisible characters
 * that only exist to break matching (zero-width joiners, variation selectors, the keycap combiner).
 */

/** Characters removed outright. U+20E3 is the keycap combiner of "4️⃣"; U+FE0F its variation selector. */
export function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad || // soft hyphen
    cp === 0x034f || // combining grapheme joiner
    cp === 0x061c ||
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space/joiners, LRM/RLM
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    cp === 0x20e3 || // combining enclosing keycap
    (cp >= 0xe0020 && cp <= 0xe007f) || // tag characters (flag sequences)
    (cp >= 0x1f3fb && cp <= 0x1f3ff) // skin-tone modifiers
  );
}

const TABLE = new Map<number, string>();

function addRange(first: number, chars: string): void {
  let i = 0;
  for (const ch of chars) TABLE.set(first + i++, ch);
}

// Dingbat circled digits (NFKC does not decompose these).
addRange(0x2776, "123456789"); // ❶..❾
TABLE.set(0x277f, "10");
addRange(0x2780, "123456789"); // ➀..➈
TABLE.set(0x2789, "10");
addRange(0x278a, "123456789"); // ➊..➒
TABLE.set(0x2793, "10");
TABLE.set(0x24ff, "0"); // ⓿
addRange(0x24f5, "123456789"); // ⓵..⓽ (double circled)
TABLE.set(0x24fe, "10");
TABLE.set(0x1f51f, "10"); // 🔟 keycap ten
TABLE.set(0x1f10c, "0"); // 🄌 dingbat negative circled sans-serif zero
TABLE.set(0x01c0, "|"); // ǀ latin letter dental click
TABLE.set(0x2223, "|"); // ∣ divides
TABLE.set(0x0131, "i"); // ı dotless i

// Cyrillic look-alikes.
const CYRILLIC: Record<string, string> = {
  а: "a", в: "b", е: "e", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y", х: "x", і: "i", ј: "j",
  ѕ: "s", ԁ: "d", ԛ: "q", ԝ: "w", ӏ: "l", ь: "b",
  А: "A", В: "B", Е: "E", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", У: "Y", Х: "X", І: "I", Ј: "J",
  Ѕ: "S", Ԁ: "D", Ӏ: "I", Ь: "b",
};
// Greek look-alikes.
const GREEK: Record<string, string> = {
  Α: "A", Β: "B", Ε: "E", Ζ: "Z", Η: "H", Ι: "I", Κ: "K", Μ: "M", Ν: "N", Ο: "O", Ρ: "P", Τ: "T", Υ: "Y", Χ: "X",
  ο: "o", ι: "i", κ: "k", ν: "v", ρ: "p", τ: "t", υ: "u", χ: "x", α: "a",
};
for (const table of [CYRILLIC, GREEK]) {
  for (const [from, to] of Object.entries(table)) TABLE.set(from.codePointAt(0) as number, to);
}

/** The replacement for one code point from the hand tables, or undefined. */
export function tableFold(cp: number): string | undefined {
  return TABLE.get(cp);
}

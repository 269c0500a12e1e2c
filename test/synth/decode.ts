/** A reference phone de-obfuscator for tests only: enough to prove every planted style is recoverable. */
const WORDS: Record<string, string> = {
  zero: "0", "zéro": "0", cero: "0", oh: "0",
  one: "1", un: "1", uno: "1",
  two: "2", deux: "2", dos: "2",
  three: "3", trois: "3", tres: "3",
  four: "4", for: "4", quatre: "4", cuatro: "4",
  five: "5", cinq: "5", cinco: "5",
  six: "6", seis: "6",
  seven: "7", sept: "7", siete: "7",
  eight: "8", huit: "8", ocho: "8",
  nine: "9", neuf: "9", nueve: "9",
};
const WORD_RE = new RegExp(
  Object.keys(WORDS)
    .sort((a, b) => b.length - a.length)
    .join("|"),
  "g",
);
const HOMO: Record<string, string> = { "о": "o", "е": "e", "а": "a", "і": "i", "с": "c", "х": "x", "т": "t", "О": "O" };

/** All digits of a phone-ish string after undoing every style (letters O/l/I/|/S/B become digits). */
export function phoneDigits(s: string): string {
  let x = s.replace(/[оеаістхО]/g, (c) => HOMO[c] ?? c).normalize("NFKC");
  x = x.replace(/\uFE0F|\u20E3/g, "");
  x = x.toLowerCase().replace(WORD_RE, (w) => WORDS[w]);
  x = x.replace(/[o]/g, "0").replace(/[li|]/g, "1").replace(/s/g, "5").replace(/b/g, "8");
  return x.replace(/\D/g, "");
}

/** The 10 NANP digits of a single written phone (drops a leading country code 1). */
export function decodePhone(s: string): string {
  const d = phoneDigits(s);
  return d.length === 11 && d[0] === "1" ? d.slice(1) : d;
}

/** Spelled digits and homophones read as digits (shared by the zone scan and the chunk parser). */

export const STRONG_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  // French (accents folded: "zéro" → "zero")
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9,
  // Spanish
  cero: 0, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9,
};

/** Homophones: digits only next to other digits ("for80", "…0 for 80…"). */
export const HOMOPHONES: Readonly<Record<string, number>> = { oh: 0, for: 4, fore: 4, to: 2, too: 2, won: 1, ate: 8 };

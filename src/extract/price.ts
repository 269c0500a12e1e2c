/**
 * Prices: amount, currency (CAD unless the ad says otherwise) and the duration bought, in minutes.
 * Rate lists come in two orders, "QV 120, HH 160, 1hr 250" (duration first) and "100/hh 160/h 300/2h"
 * (amount first); both patterns run and the one that explains more of the ad wins, so "hh 160" is never read
 * out of "100/hh 160/h". Money words ("roses", "kisses", "donation", 🌹) count as money.
 *
 * Durations: qv/quick visit 15, hh/half hour 30, h/hr/hour 60, "90 min", "1.5h", "2hr", overnight 480
 * (a convention: ads rarely say how long a night is).
 *
 * @example
 * extractPrices("QV 120, HH 160, 1hr 250").map((f) => f.data); // [{amount:120,currency:"CAD",minutes:15}, …]
 */
import type { Fact, TextField } from "../domain/fact.js";
import { normalizeText, originalSpan } from "./text/normalize.js";

export interface PriceData extends Record<string, unknown> {
  amount: number;
  currency: string;
  minutes?: number;
}

const DUR =
  "(?<![a-z0-9])(?:q\\.?v\\.?|quick\\s*visits?|quick(?:ie|y)|h\\.h\\.?|hh|half\\s*(?:an\\s*)?(?:hour|hr|h)|1/2\\s*(?:hours?|hrs?|h)" +
  "|\\d{1,3}\\s*(?:minutes?|mins?|mn)|\\d(?:\\.\\d)?\\s*(?:hours?|hrs?|h)|(?:an?\\s+|one\\s+|full\\s+)?(?:hours?|hrs?|fh)" +
  "|h|overnight|ovn|o/n|all\\s*night|two\\s+hours?)(?![a-z])";
const MONEY_WORD = "(?:\\$|cad|usd|us\\$|€|eur|£|roses?|kisses|🌹+|bucks)";
const AMOUNT = "(\\d{2,4})(?:[.,]00)?";
const DUR_FIRST = new RegExp(
  `(${DUR})\\s*(?:[:=@\\-–]|for|is)?\\s*(?:(\\$|us\\$|€|£)\\s*)?${AMOUNT}(?!\\d)(?:\\s*(${MONEY_WORD}))?`,
  "gi",
);
const AMOUNT_FIRST = new RegExp(
  `(?:(\\$|us\\$|€|£)\\s*)?(?<![\\d.,])${AMOUNT}(?:\\s*(${MONEY_WORD}))?\\s*(?:/|per|for|an?|each|x|-|–)?\\s*(${DUR})`,
  "gi",
);
const BARE_MONEY = new RegExp(
  `(?:(\\$|us\\$|€|£|donations?:?\\s*\\$?)\\s*(?<![\\d.,])${AMOUNT}(?!\\d)|(?<![\\d.,])${AMOUNT}\\s*(${MONEY_WORD}))`,
  "gi",
);

interface Hit {
  start: number;
  end: number;
  amount: number;
  currency: string;
  minutes?: number;
  mark: boolean;
}

/** Minutes for a duration phrase. */
export function durationMinutes(raw: string): number {
  const s = raw.toLowerCase().replace(/\s+/g, " ").trim();
  if (/^(?:q|quick)/.test(s)) return 15;
  if (/^(?:h\.?h|half|1\/2)/.test(s)) return 30;
  if (/^(?:overnight|ovn|o\/n|all ?night)/.test(s)) return 480;
  if (s.startsWith("two")) return 120;
  const num = /^(\d+(?:\.\d)?)\s*(min|mn|h)?/.exec(s);
  if (num !== null) return num[2] === "h" ? Math.round(Number(num[1]) * 60) : Number(num[1]);
  return 60;
}

function currencyOf(mark: string | undefined): string {
  if (mark === undefined) return "CAD";
  const m = mark.toLowerCase();
  if (m.includes("us")) return "USD";
  if (m.includes("€") || m === "eur") return "EUR";
  if (m.includes("£")) return "GBP";
  return "CAD";
}

function plausible(h: Hit): boolean {
  return h.amount <= 5000 && h.amount >= (h.mark ? 20 : 40);
}

function scan(re: RegExp, text: string, read: (m: RegExpExecArray) => Hit): Hit[] {
  const out: Hit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const h = read(m);
    if (plausible(h)) out.push(h);
  }
  return out;
}

/** Extract every price from `text`. */
export function extractPrices(text: string, field: TextField = "body"): Fact[] {
  const n = normalizeText(text);
  const t = n.text;
  if (!/\d/.test(t)) return [];
  const durFirst = scan(DUR_FIRST, t, (m) => ({
    start: m.index,
    end: m.index + m[0].length,
    minutes: durationMinutes(m[1]),
    amount: Number(m[3]),
    currency: currencyOf(m[2] ?? m[4]),
    mark: m[2] !== undefined || m[4] !== undefined,
  }));
  const amountFirst = scan(AMOUNT_FIRST, t, (m) => ({
    start: m.index,
    end: m.index + m[0].length,
    amount: Number(m[2]),
    currency: currencyOf(m[1] ?? m[3]),
    minutes: durationMinutes(m[4]),
    mark: m[1] !== undefined || m[3] !== undefined,
  }));
  const durWins = durFirst.length >= amountFirst.length;
  const hits = durWins ? durFirst : amountFirst;
  // The losing order may still hold a price in a part of the ad the winner did not explain.
  for (const h of durWins ? amountFirst : durFirst) {
    if (!hits.some((w) => w.start < h.end && h.start < w.end)) hits.push(h);
  }
  for (const b of scan(BARE_MONEY, t, (m) => {
    const amount = Number(m[2] ?? m[3]);
    const mark = m[1] ?? m[4];
    return {
      start: m.index,
      end: m.index + m[0].length,
      amount,
      currency: currencyOf(/donation/i.test(mark) ? undefined : mark),
      mark: true,
    };
  })) {
    if (!hits.some((h) => h.start < b.end && b.start < h.end)) hits.push(b);
  }
  hits.sort((a, b) => a.start - b.start);
  return hits.map((h) => {
    const data: PriceData = { amount: h.amount, currency: h.currency };
    if (h.minutes !== undefined) data.minutes = h.minutes;
    const value = `${h.amount} ${h.currency}` + (h.minutes !== undefined ? `/${h.minutes}min` : "");
    return {
      kind: "price" as const,
      value,
      field,
      span: originalSpan(n, h.start, h.end),
      confidence: h.minutes !== undefined ? 0.9 : 0.7,
      data,
    };
  });
}

/**
 * The numbers that make ads hard to parse: rates, ages, measurements, dates and opening hours. They are
 * realistic distractors for phone extraction ("QV 120, HH 160, 1hr 250", "34-24-36", "available 10am-2am").
 */
import type { Rng } from "./rng.js";
import { fmix32 } from "../util/fmix32.js";

export type Lang = "en" | "fr";

export interface Rates {
  qv: number;
  hh: number;
  hr: number;
}

export function makeRates(rng: Rng, level = 1): Rates {
  const hr = Math.round((180 + rng.int(9) * 20) * level / 10) * 10;
  return { qv: Math.round(hr * 0.5 / 10) * 10, hh: Math.round(hr * 0.65 / 10) * 10, hr };
}

export function bumpRates(r: Rates, rng: Rng): Rates {
  const d = rng.pick([-20, -10, 10, 20, 20, 40]);
  return { qv: Math.max(60, r.qv + d / 2), hh: Math.max(80, r.hh + d), hr: Math.max(120, r.hr + d) };
}

const RATE_FORMATS_EN: readonly ((r: Rates) => string)[] = [
  (r) => `QV ${r.qv}, HH ${r.hh}, 1hr ${r.hr}`,
  (r) => `$${r.hh}/half hr, $${r.hr}/hr`,
  (r) => `${r.hr} roses/hr`,
  (r) => `Donation: ${r.hh} hh | ${r.hr} hr | 2hrs ${r.hr * 2 - 40}`,
  (r) => `30min ${r.hh} 60min ${r.hr}`,
  (r) => `Rates: ${r.qv}qv/${r.hh}hh/${r.hr}hr`,
  (r) => `15 min ${r.qv} • 30 min ${r.hh} • 1 hour ${r.hr} • overnight ${r.hr * 6}`,
  (r) => `💰 ${r.hh}hh ${r.hr}h 💰`,
];
const RATE_FORMATS_FR: readonly ((r: Rates) => string)[] = [
  (r) => `QV ${r.qv}$, 30 min ${r.hh}$, 1h ${r.hr}$`,
  (r) => `Tarifs: ${r.hh}$ la demi-heure, ${r.hr}$ l'heure`,
  (r) => `${r.qv}$/15min ${r.hh}$/30min ${r.hr}$/1h`,
];

export function rateFormatCount(lang: Lang): number {
  return lang === "fr" ? RATE_FORMATS_FR.length : RATE_FORMATS_EN.length;
}

export function formatRates(r: Rates, format: number, lang: Lang): string {
  const f = lang === "fr" ? RATE_FORMATS_FR : RATE_FORMATS_EN;
  return f[format % f.length](r);
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_FR = ["janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"];
const DAYS_EN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const HOURS = ["10am-2am", "11am-11pm", "24/7", "noon till late", "9am-9pm", "6pm-4am", "2pm-midnight", "10am to 10pm"];
const HOURS_FR = ["10h à 2h", "24/7", "midi à minuit", "18h à 4h", "9h à 21h"];

/** An availability line that depends on the posting date ("Available Dec 12, 10am-2am"). */
export function availability(t: number, lang: Lang, rng: Rng): string {
  const d = new Date(t);
  const day = d.getUTCDate();
  const mon = d.getUTCMonth();
  if (lang === "fr") {
    switch (rng.int(4)) {
      case 0:
        return `Disponible ${rng.pick(HOURS_FR)}`;
      case 1:
        return `Jusqu'au ${Math.min(28, day + rng.range(1, 5))} ${MONTHS_FR[mon]}`;
      case 2:
        return `Disponible aujourd'hui le ${day} ${MONTHS_FR[mon]}`;
      default:
        return "Disponible ce soir";
    }
  }
  switch (rng.int(6)) {
    case 0:
      return `Available ${rng.pick(HOURS)}`;
    case 1:
      return `Here until ${DAYS_EN[(d.getUTCDay() + rng.range(1, 4)) % 7]}`;
    case 2:
      return `Available today ${MONTHS_EN[mon]} ${day}`;
    case 3:
      return `${MONTHS_EN[mon]} ${day} only, ${rng.pick(HOURS)}`;
    case 4:
      return `Available now till ${rng.pick(["late", "2am", "4am", "midnight"])}`;
    default:
      return `Open ${rng.range(9, 12)}am to ${rng.range(1, 4)}am`;
  }
}

/** "Dec 12-15" style date range starting at t. */
export function dateRange(t: number, lang: Lang, rng: Rng): string {
  const d = new Date(t);
  const day = d.getUTCDate();
  const end = Math.min(28, day + rng.range(2, 6));
  return lang === "fr" ? `du ${day} au ${end} ${MONTHS_FR[d.getUTCMonth()]}` : `${MONTHS_EN[d.getUTCMonth()]} ${day}-${end}`;
}

export function measurements(rng: Rng): string {
  const b = rng.range(32, 38);
  const w = rng.range(23, 28);
  const h = rng.range(33, 40);
  const cup = rng.pick(["A", "B", "C", "D", "DD"]);
  return rng.chance(0.5) ? `${b}-${w}-${h}` : `${b}${cup}-${w}-${h}`;
}

export function height(rng: Rng): string {
  const inches = rng.range(58, 70);
  return rng.chance(0.7) ? `5'${inches - 60 < 0 ? 0 : inches - 60}` : `${Math.round(inches * 2.54)}cm`;
}

export function weight(rng: Rng): string {
  return rng.chance(0.75) ? `${rng.range(98, 150)}lbs` : `${rng.range(45, 68)}kg`;
}

/** Age as advertisers write it ("Age: 19", "19 yrs", "21yo"). */
export function ageLine(age: number, style: number): string {
  switch (style % 4) {
    case 0:
      return `Age: ${age}`;
    case 1:
      return `${age} yrs`;
    case 2:
      return `${age}yo`;
    default:
      return `${age} years old`;
  }
}

const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function hex32(x: number): string {
  return HEX_BYTE[(x >>> 24) & 255] + HEX_BYTE[(x >>> 16) & 255] + HEX_BYTE[(x >>> 8) & 255] + HEX_BYTE[x & 255];
}

/** A stable fake sha256 for photo `k` of owner `owner` (pure function of its inputs). */
export function photoSha(seed: number, owner: number, k: number): string {
  let h = fmix32(seed ^ fmix32((Math.imul(owner, 0x9e3779b1) + k) | 0));
  let s = "";
  for (let i = 0; i < 8; i++) {
    h = fmix32(h + 0x6d2b79f5);
    s += hex32(h);
  }
  return s;
}

/** A stable fake 64-bit perceptual hash for the same photo. */
export function photoPhash(seed: number, owner: number, k: number): string {
  const a = fmix32(seed ^ fmix32((Math.imul(owner, 0x85ebca6b) + k + 7) | 0));
  return hex32(a) + hex32(fmix32(a + 1));
}

/** The same photo re-encoded: a new sha256, and a phash with 1–4 flipped bits. */
export function reencoded(phash: string, rng: Rng): { sha256: string; phash: string } {
  let hi = parseInt(phash.slice(0, 8), 16);
  let lo = parseInt(phash.slice(8), 16);
  const flips = rng.range(1, 4);
  for (let i = 0; i < flips; i++) {
    const bit = rng.int(64);
    if (bit < 32) hi ^= 1 << bit;
    else lo ^= 1 << (bit - 32);
  }
  let sha = "";
  for (let i = 0; i < 8; i++) sha += hex32(rng.u32());
  return { sha256: sha, phash: hex32(hi) + hex32(lo) };
}

/**
 * A tiny phrase-template language for the generator's sentence banks, compiled once at module load.
 *
 *   "{Hi|Hey|Hello} gentlemen"   one of the alternatives
 *   "{@adj}"                     a word from the named pool (see `POOLS`)
 *   "{$name}"                    a slot filled later, per author or per ad
 *   "{in $city|}"                an alternative may name slots too
 *
 * @example
 * const t = compile("{Hi|Hey} I'm {$name}");
 * fillSlots(bindTemplate(t, rng, pools), { name: "Jade" }); // "Hey I'm Jade"
 */
import type { Rng } from "./rng.js";

type Part = string | readonly string[] | { pool: string } | { slot: string };

/** A compiled template. */
export type Template = readonly Part[];

/** A template whose alternatives and pools are fixed: literals at even indexes, slot names at odd indexes. */
export type Bound = readonly string[];

const TOKEN = /\{([^{}]*)\}/g;
const INLINE_SLOT = /\$([a-z][a-z0-9]*)/g;

/** Compiles a template string (see the module comment for the syntax). */
export function compile(src: string): Template {
  const parts: Part[] = [];
  let last = 0;
  for (const m of src.matchAll(TOKEN)) {
    const idx = m.index;
    if (idx > last) parts.push(src.slice(last, idx));
    const body = m[1];
    if (body.startsWith("@")) parts.push({ pool: body.slice(1) });
    else if (/^\$[a-z][a-z0-9]*$/.test(body)) parts.push({ slot: body.slice(1) });
    else parts.push(body.split("|"));
    last = idx + m[0].length;
  }
  if (last < src.length) parts.push(src.slice(last));
  return parts;
}

/** Compiles every string of a bank. */
export function compileAll(srcs: readonly string[]): Template[] {
  return srcs.map(compile);
}

/** Fixes alternatives and pool words; slots stay open. */
export function bindTemplate(t: Template, rng: Rng, pools: Readonly<Record<string, readonly string[]>>): Bound {
  const out: string[] = [];
  let lit = "";
  for (const p of t) {
    if (typeof p === "string") lit += p;
    else if (Array.isArray(p)) {
      // an alternative may itself name slots: "{in $city|}"
      const alt = rng.pick(p as readonly string[]);
      if (alt.includes("$")) {
        let last = 0;
        for (const m of alt.matchAll(INLINE_SLOT)) {
          out.push(lit + alt.slice(last, m.index), m[1]);
          lit = "";
          last = m.index + m[0].length;
        }
        lit += alt.slice(last);
      } else lit += alt;
    }
    else if ("pool" in p) {
      const pool = pools[p.pool];
      if (!pool) throw new Error(`synth: unknown pool "${p.pool}"`);
      lit += rng.pick(pool);
    } else if ("slot" in p) {
      out.push(lit, p.slot);
      lit = "";
    }
  }
  out.push(lit);
  // empty alternatives leave "near downtown ." or double spaces behind
  for (let i = 0; i < out.length; i += 2) out[i] = out[i].replace(/ +([.,!?])/g, "$1").replace(/ {2,}/g, " ");
  return out;
}

/** Fills the slots of a bound template; a missing slot value becomes an empty string. */
export function fillSlots(b: Bound, values: Readonly<Record<string, string>>): string {
  if (b.length === 1) return b[0];
  let s = b[0];
  for (let i = 1; i < b.length; i += 2) s += (values[b[i]] ?? "") + b[i + 1];
  return s;
}

/** Binds and fills in one step. */
export function expand(
  t: Template,
  rng: Rng,
  pools: Readonly<Record<string, readonly string[]>>,
  values: Readonly<Record<string, string>> = {},
): string {
  return fillSlots(bindTemplate(t, rng, pools), values);
}

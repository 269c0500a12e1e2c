/**
 * An ad's text shingles as the linker uses them: tokens of title + body (the ad's own contact words and spelled-out
 * digits as slots when `contactSlots` is on), then `shingleSize`-word shingles. Pure, so it runs in worker threads
 * too (`shingle-pool.ts`).
 */
import { shingles, slotWords, tokenize, type TokenizeOptions } from "./shingles.js";
import type { IdentifierKind, LinkRecord } from "./types.js";

/** Identifier kinds whose words are slots in the ad's text (phones are digits, already slots; images are hashes). */
const SLOT_KINDS: ReadonlySet<IdentifierKind> = new Set(["email", "handle", "url"]);
const NO_SLOTS: TokenizeOptions = {};
const NUMBER_SLOTS: TokenizeOptions = { numberWords: true };

export interface ShingleConfig {
  shingleSize: number;
  contactSlots: boolean;
}

/** Whether `recordShingles` reads identifiers of this kind (only their words matter to the text). */
export function isSlotKind(kind: IdentifierKind): boolean {
  return SLOT_KINDS.has(kind);
}

/** Contact words and spelled-out digits are slots (config `contactSlots`). */
export function tokenOptions(r: Pick<LinkRecord, "identifiers">, contactSlots: boolean): TokenizeOptions {
  if (!contactSlots) return NO_SLOTS;
  let values: string[] | null = null;
  for (const idf of r.identifiers) if (SLOT_KINDS.has(idf.kind)) (values ??= []).push(idf.value);
  return values === null ? NUMBER_SLOTS : { numberWords: true, slots: slotWords(values) };
}

export function recordShingles(r: Pick<LinkRecord, "title" | "body" | "identifiers">, cfg: ShingleConfig): Uint32Array<ArrayBufferLike> {
  return shingles(tokenize([r.title, r.body], tokenOptions(r, cfg.contactSlots)).hashes, cfg.shingleSize);
}

/** Facts read from ad text, each with the evidence span it came from. */

export type FactKind =
  | "phone"
  | "email"
  | "handle"
  | "url"
  | "price"
  | "age"
  | "name"
  | "place"
  | "descriptor"
  | "cue";

/** Which field of the ad a span points into. */
export type TextField = "title" | "body" | "phone" | "email" | "city" | "region";

/**
 * One extracted fact. `value` is the normalized form used for matching (E.164 phone, lower-cased email,
 * `platform:handle`, cue code, ...); `span` is `[start, end)` in UTF-16 offsets of the ORIGINAL field text.
 * Kind-specific structure (price amount/minutes, place lat/lon, ...) lives in `data`.
 */
export interface Fact {
  kind: FactKind;
  value: string;
  field: TextField;
  span: [number, number];
  confidence: number;
  obfuscated?: boolean;
  data?: Record<string, unknown>;
}

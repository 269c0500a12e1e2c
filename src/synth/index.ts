/** Synthetic corpus of escort-style ads with ground truth: see docs/synthetic-corpus.md. */
export { generateCorpus } from "./generate.js";
export type { CorpusRecord } from "./generate.js";
export { DEFAULT_SYNTH_PARAMS, DEFAULT_SOURCES, resolveSynthParams } from "./params.js";
export type { SynthParams, SourceSpec, EventSpec, RepostEdits, PerKind, ObfuscatedPhoneStyle } from "./params.js";
export { PHONE_STYLES, PLAIN_PHONE_STYLES, OBFUSCATED_PHONE_STYLES, obfuscatePhone, formatPhoneField } from "./phone.js";
export type { PhoneStyle, FieldFormat } from "./phone.js";
export { EMAIL_STYLES, obfuscateEmail } from "./email.js";
export type { EmailStyle } from "./email.js";
export { createRng, deriveSeed } from "./rng.js";
export type { Rng } from "./rng.js";
export { planCorpus } from "./plan.js";
export type { CorpusPlan } from "./plan.js";

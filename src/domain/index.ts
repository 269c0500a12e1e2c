export type * from "./ad.js";
export type * from "./fact.js";
export type * from "./link.js";
export type * from "./truth.js";
export * from "./access.js";

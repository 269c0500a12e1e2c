/**
 * Safe public aggregates (the hub's published statistics): see publish.ts for the pipeline and
 * docs/publishing.md for the rule and its limits.
 */
export { publicationWeeks, mondayOf, weekRange, isIsoDate, GRID_EPOCH, BLOCK_WEEKS, type WindowOptions } from "./window.js";
export { publishTable, suppressGrid, presentGrid, cellCount, PUBLISH_NOTE } from "./publish.js";
export { publishedCsv } from "./csv.js";
export { PUBLIC_SCOPE, MIN_PUBLIC_K, publicRows, publicTable, type PublicReads, type PublicTableOptions } from "./source.js";
export { recoverableCells } from "./audit.js";
export { buildGrid, type Grid, type GridRow, type Relation } from "./grid.js";
export * from "./types.js";

/**
 * Linking core: ads → justified links → networks. Pure, batch-oriented, no I/O. See docs/linking.md.
 * @module
 */
export { LinkIndex } from "./link-index.js";
export type { LinkRecord, IdentifierKind, BatchResult } from "./types.js";
export { DEFAULT_CONFIG, resolveConfig } from "./config.js";
export type { LinkConfig, LinkConfigInput } from "./config.js";
export type { ResolveResult, ResolveStats, ResolveOptions } from "./resolve.js";
export { resolveNetworks } from "./resolve.js";
export type { LearnedPhrase } from "./boilerplate.js";
export { extractTemplate } from "./template.js";
export type { ExtractedTemplate, TemplateSlot } from "./template.js";
export type { IndexSnapshot } from "./snapshot.js";
export { SNAPSHOT_VERSION } from "./snapshot.js";
export { assignStableIds, formatNetworkId } from "./stable-ids.js";
export { evaluatePipeline, toLinkRecord } from "./evaluate-pipeline.js";
export { clusteringQuality } from "./metrics.js";

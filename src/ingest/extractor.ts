/** The fact extractor ingest runs on every new or changed ad (the extract stage's own entry point). */
export { EXTRACTOR_VERSION, extractAd as extractFacts } from "../extract/index.js";

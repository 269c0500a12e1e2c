/** The fact extractor ingest runs on every new or changed ad (the extract stage's own entry point). */
export { EXTRACTOR_VERSION, extractAdEncoded as extractEncodedFacts } from "../extract/index.js";

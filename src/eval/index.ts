/** Quality metrics for linking: see metrics.ts for the definitions. */
export { evaluateClustering, adjustedRand, AUTHOR_KINDS } from "./metrics.js";
export type { EvalReport, EvalSection, Scores } from "./metrics.js";
export { formatEvalReport } from "./format.js";
export {
  TRUTH_HEADER,
  TruthFileError,
  formatTruthRow,
  parseTruthLine,
  parseTruthLines,
  readTruthFile,
  readTruthStream,
  splitCsvLine,
} from "./truth-file.js";

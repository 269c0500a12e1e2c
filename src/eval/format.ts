/** A fixed-width text table of an EvalReport, for terminals and logs. */
import type { EvalReport, EvalSection } from "./metrics.js";
import { AUTHOR_KINDS } from "./metrics.js";

const f3 = (x: number): string => x.toFixed(3);

function row(name: string, s: EvalSection): string[] {
  return [
    name,
    String(s.ads),
    String(s.truthNetworks),
    String(s.predictedClusters),
    f3(s.pairwise.precision),
    f3(s.pairwise.recall),
    f3(s.pairwise.f1),
    f3(s.bcubed.precision),
    f3(s.bcubed.recall),
    f3(s.bcubed.f1),
    f3(s.ari),
  ];
}

/**
 * Renders the report as an aligned table: one line overall, one per kind.
 *
 * @example
 * console.log(formatEvalReport(evaluateClustering(pred, truth)));
 */
export function formatEvalReport(report: EvalReport): string {
  const head = ["", "ads", "networks", "clusters", "pair P", "pair R", "pair F1", "B3 P", "B3 R", "B3 F1", "ARI"];
  const rows = [head, row("overall", report.overall)];
  for (const k of AUTHOR_KINDS) {
    const s = report.byKind[k];
    if (s) rows.push(row(k, s));
  }
  const widths = head.map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "));
  lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  const notes: string[] = [];
  if (report.missingPredictions > 0) notes.push(`${report.missingPredictions} truth ads had no prediction (scored as singletons)`);
  if (report.extraPredictions > 0) notes.push(`${report.extraPredictions} predicted ads are not in the truth (ignored)`);
  return [...lines, ...notes].join("\n");
}

/** Risk as a calm badge: a level word plus the score, never colour alone. */
import type { RiskView } from "@shared/api-types";

export function RiskBadge({ risk }: { risk: RiskView | null }) {
  if (!risk) return <span className="risk risk-none">not scored</span>;
  return (
    <span className={`risk risk-${risk.level}`} title="Triage signal, not a verdict">
      {risk.level} · {risk.score.toFixed(2)}
    </span>
  );
}

/** The note every score carries. */
export function TriageNote() {
  return (
    <p className="triage-note">
      <strong>Triage signal, not a verdict.</strong> Scores and indicators rank what to look at first. They are
      computed from ad text and can be wrong; they say nothing certain about any person. Verify before acting.
    </p>
  );
}

/** Indicators behind a score, each with its reason, strength of evidence and published source. */
import type { IndicatorView } from "@shared/api-types";

export function IndicatorList({ items }: { items: IndicatorView[] }) {
  if (items.length === 0) return <p className="empty">No indicators found in these ads.</p>;
  return (
    <ul className="indicators">
      {items.map((i) => (
        <li key={i.code}>
          <div className="indicator-head">
            <strong>{i.label}</strong>
            <span className={`evidence evidence-${i.evidence}`}>{i.evidence} evidence</span>
            {i.weight > 0 && <span className="weight">weight {i.weight.toFixed(2)}</span>}
          </div>
          <p>{i.reason}</p>
          {i.source && (
            <p className="source">
              Source: <code>{i.source}</code> (see docs/indicators.md)
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

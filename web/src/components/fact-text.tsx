/**
 * An ad field with its facts highlighted by span. Spans are UTF-16 offsets into the field's original text, so
 * slicing the JS string is exact. Overlapping facts: the earlier (then longer) one wins the highlight; every
 * fact still appears in the facts table. Text is rendered as text nodes only.
 */
import type { FactView } from "@shared/api-types";
import { identifierLabel } from "../format";

export const FACT_KINDS = ["phone", "email", "handle", "url", "price", "age", "name", "place", "descriptor", "cue"] as const;

export interface Piece {
  text: string;
  fact: FactView | null;
}

/** Splits `text` into plain and fact pieces; pure, exported for tests. */
export function splitBySpans(text: string, facts: FactView[]): Piece[] {
  const sorted = facts
    .filter((f) => f.span[0] >= 0 && f.span[1] <= text.length && f.span[1] > f.span[0])
    .sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const out: Piece[] = [];
  let at = 0;
  for (const f of sorted) {
    if (f.span[0] < at) continue;
    if (f.span[0] > at) out.push({ text: text.slice(at, f.span[0]), fact: null });
    out.push({ text: text.slice(f.span[0], f.span[1]), fact: f });
    at = f.span[1];
  }
  if (at < text.length) out.push({ text: text.slice(at), fact: null });
  return out;
}

export function FactText({ text, facts }: { text: string; facts: FactView[] }) {
  return (
    <>
      {splitBySpans(text, facts).map((p, i) =>
        p.fact ? (
          <mark key={i} className={`fact fact-${p.fact.kind}`} title={`${p.fact.kind}: ${identifierLabel(p.fact.kind, p.fact.value)}`}>
            {p.text}
            <span className="visually-hidden"> ({p.fact.kind})</span>
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

export function FactLegend({ kinds }: { kinds: string[] }) {
  if (kinds.length === 0) return null;
  return (
    <ul className="legend" aria-label="Highlight colours">
      {kinds.map((k) => (
        <li key={k}>
          <mark className={`fact fact-${k}`}>{k}</mark>
        </li>
      ))}
    </ul>
  );
}

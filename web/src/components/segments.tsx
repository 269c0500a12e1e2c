/** Highlighted search snippets: each segment is a text node, hits wrapped in <mark>. No HTML is ever parsed. */
import type { TextSegment } from "@shared/api-types";

export function Segments({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}

/** The text a network's ads share, with the parts that vary (slots) marked and their values listed. */
import type { TemplateView as Template } from "@shared/api-types";
import { num } from "../format";

/** Splits template text at slot markers: `{name}`, `{{name}}`, `[name]` or `⟨name⟩` naming a known slot. */
export function splitTemplate(text: string, slotNames: string[]): { text: string; slot: string | null }[] {
  if (slotNames.length === 0) return [{ text, slot: null }];
  const names = new Set(slotNames);
  const re = /\{\{\s*([^{}]+?)\s*\}\}|\{\s*([^{}]+?)\s*\}|\[\s*([^[\]]+?)\s*\]|⟨\s*([^⟨⟩]+?)\s*⟩|<<\s*([^<>]+?)\s*>>/g;
  const out: { text: string; slot: string | null }[] = [];
  let at = 0;
  for (const m of text.matchAll(re)) {
    const name = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5];
    if (!names.has(name)) continue;
    if (m.index > at) out.push({ text: text.slice(at, m.index), slot: null });
    out.push({ text: name, slot: name });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), slot: null });
  return out;
}

export function TemplateView({ template }: { template: Template | null }) {
  if (!template) return <p className="empty">These ads share no common text.</p>;
  const parts = splitTemplate(template.text, template.slots.map((s) => s.name));
  return (
    <div className="template">
      <p className="muted">
        {template.kind === "template" ? "Template" : "Text common to the ads"}, derived from {num(template.ads)} ads.
        {template.slots.length > 0 && (
          <>
            {" "}
            Shared text is plain; <span className="slot">slots</span> are the parts that change from ad to ad.
          </>
        )}
      </p>
      <blockquote className="template-text">
        {parts.map((p, i) =>
          p.slot ? (
            <span key={i} className="slot" title={`slot “${p.slot}”`}>
              {p.text}
            </span>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </blockquote>
      {template.slots.length > 0 && (
        <dl className="slots">
          {template.slots.map((s) => (
            <div key={s.name}>
              <dt>
                <span className="slot">{s.name}</span>
              </dt>
              <dd>{s.values.slice(0, 12).join(" · ") || "—"}{s.values.length > 12 ? ` … (+${s.values.length - 12})` : ""}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

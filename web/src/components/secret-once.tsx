/** A secret the server shows once (a generated password, an API token): the value as text, a copy button, a hint. */
import { useState } from "react";

export function SecretOnce({ label, value, hint, onDone }: { label: string; value: string; hint: string; onDone: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("Copied to the clipboard.");
    } catch {
      setCopied("Could not copy: select the text and copy it by hand.");
    }
  };
  return (
    <div className="secret-once" role="status">
      <p>
        <strong>{label}</strong> — shown once. Copy it now: it cannot be shown again. {hint}
      </p>
      <p className="secret-row">
        <code className="secret" data-testid="secret">
          {value}
        </code>
      </p>
      <p className="secret-row">
        <button type="button" onClick={copy}>
          Copy
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Done, hide it
        </button>
        <span className="small">{copied}</span>
      </p>
    </div>
  );
}

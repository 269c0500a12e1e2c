/** A scrollable box keyboard users can reach (focusable, named region), for wide tables and long lists. */
import type { ReactNode } from "react";

export function ScrollBox({ label, className = "table-wrap", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

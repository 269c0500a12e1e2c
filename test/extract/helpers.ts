import { expect } from "vitest";
import type { Fact } from "../../src/domain/fact.js";

/** Every fact's span must point at real evidence in `text`, and contain `evidence` when given. */
export function expectSpans(text: string, facts: Fact[], evidence?: (string | undefined)[]): void {
  facts.forEach((f, i) => {
    expect(f.span[0]).toBeGreaterThanOrEqual(0);
    expect(f.span[1]).toBeGreaterThan(f.span[0]);
    expect(f.span[1]).toBeLessThanOrEqual(text.length);
    const slice = text.slice(f.span[0], f.span[1]);
    const want = evidence?.[i];
    if (want !== undefined) expect(slice).toBe(want);
  });
}

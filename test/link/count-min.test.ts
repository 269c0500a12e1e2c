import { describe, expect, it } from "vitest";
import { CountMin } from "../../src/link/count-min.js";
import { rng } from "./factory.js";

describe("CountMin", () => {
  it("addMany gives the estimates and counters of add() called key by key, collisions included", () => {
    const r = rng(11);
    // A narrow sketch, so keys of one call collide with each other and with earlier calls.
    const one = new CountMin(2, 6);
    const many = new CountMin(2, 6);
    for (let call = 0; call < 200; call++) {
      const n = Math.floor(r() * 40);
      const keys = Uint32Array.from({ length: n }, () => Math.floor(r() * 300) * 2654435761);
      const est = new Uint32Array(n);
      many.addMany(keys, n, est);
      expect([...est]).toEqual([...keys].map((k) => one.add(k)));
    }
    expect([...many.table]).toEqual([...one.table]);
    expect(Math.max(...many.table)).toBeGreaterThan(50);
  });
});

/**
 * Distinct (group, value) pairs by sorting packed numeric keys: `group * 2^26 + value` is exact in a double for
 * groups and values below 2^26, and a native Float64Array sort beats Sets of strings by an order of magnitude.
 */
export const KEY_SHIFT = 2 ** 26;

/** A growable Float64Array. */
export class KeyList {
  private buf = new Float64Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }

  /** Sorted, de-duplicated copy. */
  sortedUnique(): Float64Array {
    const a = this.buf.slice(0, this.length).sort();
    let w = 0;
    for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[w - 1]) a[w++] = a[i];
    return a.subarray(0, w);
  }
}

/** Interns strings to dense ids. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.values.length;
      this.ids.set(s, i);
      this.values.push(s);
    }
    return i;
  }

  get(s: string): number | undefined {
    return this.ids.get(s);
  }
}

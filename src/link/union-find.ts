/**
 * Typed-array union-find (disjoint sets) with path halving and union by size. Grows on demand.
 * @module
 */

export class UnionFind {
  private parent: Int32Array;
  private size: Int32Array;
  private n = 0;

  constructor(capacity = 1024) {
    this.parent = new Int32Array(Math.max(1, capacity));
    this.size = new Int32Array(Math.max(1, capacity));
  }

  /** Number of elements. */
  get length(): number {
    return this.n;
  }

  /** Ensure elements `0..n-1` exist (new ones are singletons). */
  ensure(n: number): void {
    if (n > this.parent.length) {
      let cap = this.parent.length;
      while (cap < n) cap *= 2;
      const p = new Int32Array(cap);
      p.set(this.parent.subarray(0, this.n));
      const s = new Int32Array(cap);
      s.set(this.size.subarray(0, this.n));
      this.parent = p;
      this.size = s;
    }
    for (let i = this.n; i < n; i++) {
      this.parent[i] = i;
      this.size[i] = 1;
    }
    if (n > this.n) this.n = n;
  }

  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]];
      x = p[x];
    }
    return x;
  }

  /** Join the sets of `a` and `b`; returns true when they were different. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.size[ra] < this.size[rb]) {
      const t = ra;
      ra = rb;
      rb = t;
    }
    this.parent[rb] = ra;
    this.size[ra] += this.size[rb];
    return true;
  }

  /** Size of the set containing `x`. */
  setSize(x: number): number {
    return this.size[this.find(x)];
  }
}

/** A binary min-heap of (time, id) pairs on typed arrays: the generator's event queue. */
export class TimeHeap {
  private readonly keys: Float64Array;
  private readonly ids: Int32Array;
  private n = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(1, capacity));
    this.ids = new Int32Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.n;
  }

  /** Earliest time; ties go to the smaller id so that the order never depends on insertion history. */
  private less(i: number, j: number): boolean {
    const a = this.keys[i];
    const b = this.keys[j];
    return a < b || (a === b && this.ids[i] < this.ids[j]);
  }

  private swap(i: number, j: number): void {
    const k = this.keys[i];
    this.keys[i] = this.keys[j];
    this.keys[j] = k;
    const d = this.ids[i];
    this.ids[i] = this.ids[j];
    this.ids[j] = d;
  }

  push(time: number, id: number): void {
    if (this.n >= this.keys.length) throw new Error("synth: TimeHeap capacity exceeded");
    let i = this.n++;
    this.keys[i] = time;
    this.ids[i] = id;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  peekTime(): number {
    return this.keys[0];
  }

  /** Removes the earliest entry and returns its id (the heap must not be empty). */
  pop(): number {
    const top = this.ids[0];
    this.n--;
    if (this.n > 0) {
      this.keys[0] = this.keys[this.n];
      this.ids[0] = this.ids[this.n];
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.n && this.less(l, m)) m = l;
        if (r < this.n && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}

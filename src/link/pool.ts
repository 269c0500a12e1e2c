/**
 * Growable typed arrays: a `Uint32Array`-backed list and a pool of variable-length `Uint32Array` sets
 * (one per ad, addressed by dense index).
 * @module
 */

export class U32List {
  data: Uint32Array<ArrayBufferLike>;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = v;
  }
  reserve(n: number): void {
    if (n <= this.data.length) return;
    let cap = this.data.length;
    while (cap < n) cap *= 2;
    const d = new Uint32Array(cap);
    d.set(this.data.subarray(0, this.length));
    this.data = d;
  }
  append(vs: ArrayLike<number>): void {
    this.reserve(this.length + vs.length);
    this.data.set(vs, this.length);
    this.length += vs.length;
  }
  view(): Uint32Array<ArrayBufferLike> {
    return this.data.subarray(0, this.length);
  }
}

/** Variable-length sets, appended in dense-index order. */
export class SetPool {
  readonly values = new U32List(1 << 16);
  readonly offsets = new U32List(1 << 10);
  constructor() {
    this.offsets.push(0);
  }
  /** A pool over existing arrays: `count` sets, set i at values[offsets[i], offsets[i + 1]), values used up to `length`. */
  static wrap(values: Uint32Array<ArrayBufferLike>, length: number, offsets: Uint32Array<ArrayBufferLike>): SetPool {
    const p = new SetPool();
    p.values.data = values;
    p.values.length = length;
    p.offsets.data = offsets;
    p.offsets.length = offsets.length;
    return p;
  }

  get count(): number {
    return this.offsets.length - 1;
  }
  add(set: ArrayLike<number>): void {
    this.values.append(set);
    this.offsets.push(this.values.length);
  }
  get(i: number): Uint32Array<ArrayBufferLike> {
    return this.values.data.subarray(this.offsets.data[i], this.offsets.data[i + 1]);
  }
  clear(): void {
    this.values.length = 0;
    this.offsets.length = 1;
  }
}

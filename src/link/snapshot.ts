/**
 * Persisting a LinkIndex between runs: a small JSON `meta` plus named binary blobs (little-endian typed-array
 * bytes), e.g. one SQLite row per blob. The LSH table is not stored: it is rebuilt from the band keys on load
 * (≈ 1 s per million ads, no re-signing, no verification).
 * @module
 */
import type { BoilerplateState } from "./boilerplate.js";
import type { LinkIndex } from "./link-index.js";
import { U32List } from "./pool.js";

/** 2: contact words and spelled-out digits are slots in the shingles (config `contactSlots`). */
export const SNAPSHOT_VERSION = 2;

export interface IndexSnapshot {
  meta: {
    version: number;
    n: number;
    /** The config the state was built with (band keys depend on bands/rows/seed/shingleSize). */
    config: unknown;
    cities: string[];
    identifierKeys: string[];
    boilerplate: Omit<BoilerplateState, "global" | "perSource" | "heavyGlobal" | "heavyPairShingle" | "heavyPairSource" | "snapGlobal" | "snapSource">;
  };
  blobs: Record<string, Uint8Array>;
}

/** The bytes of `a`, not copied: a snapshot's blobs are views of the index's arrays, valid until it changes. */
function bytes(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

function u32(b: Uint8Array | undefined): Uint32Array {
  if (!b) return new Uint32Array(0);
  const c = b.slice();
  return new Uint32Array(c.buffer, 0, c.byteLength >>> 2);
}

function f64(b: Uint8Array | undefined): Float64Array {
  if (!b) return new Float64Array(0);
  const c = b.slice();
  return new Float64Array(c.buffer, 0, c.byteLength >>> 3);
}

function f32(b: Uint8Array | undefined): Float32Array {
  if (!b) return new Float32Array(0);
  const c = b.slice();
  return new Float32Array(c.buffer, 0, c.byteLength >>> 2);
}

export function snapshotIndex(index: LinkIndex): IndexSnapshot {
  const n = index.n;
  const keys: string[] = new Array<string>(index.identifiers.size);
  const idOff = new Uint32Array(keys.length + 1);
  const idVals = new U32List(1024);
  let i = 0;
  for (const [k, list] of index.identifiers) {
    keys[i] = k;
    idVals.append(list);
    idOff[++i] = idVals.length;
  }
  const bp = index.boilerplate.state();
  const { global, perSource, heavyGlobal, heavyPairShingle, heavyPairSource, snapGlobal, snapSource, ...bpMeta } = bp;
  return {
    meta: { version: SNAPSHOT_VERSION, n, config: index.config, cities: index.cities.slice(), identifierKeys: keys, boilerplate: bpMeta },
    blobs: {
      storeIds: bytes(index.storeIds.subarray(0, n)),
      postedAt: bytes(index.postedAt.subarray(0, n)),
      sourceOf: bytes(Uint32Array.from(index.sourceOf.subarray(0, n))),
      cityOf: bytes(index.cityOf.subarray(0, n)),
      contentValues: bytes(index.content.values.view()),
      contentOffsets: bytes(index.content.offsets.view()),
      chromeValues: bytes(index.chrome.values.view()),
      chromeOffsets: bytes(index.chrome.offsets.view()),
      bands: bytes(index.bands.subarray(0, n * index.config.bands)),
      textA: bytes(index.textA.view()),
      textB: bytes(index.textB.view()),
      textJ: bytes(index.textJ.subarray(0, index.textA.length)),
      identifierOffsets: bytes(idOff),
      identifierValues: bytes(idVals.view()),
      bpGlobal: bytes(global),
      bpPerSource: bytes(perSource),
      bpHeavyGlobal: bytes(heavyGlobal),
      bpHeavyPairShingle: bytes(heavyPairShingle),
      bpHeavyPairSource: bytes(heavyPairSource),
      bpSnapGlobal: bytes(snapGlobal),
      bpSnapSource: bytes(snapSource),
    },
  };
}

export function restoreIndex(index: LinkIndex, snap: IndexSnapshot): void {
  if (snap.meta.version !== SNAPSHOT_VERSION) throw new Error(`link: snapshot version ${snap.meta.version} is not ${SNAPSHOT_VERSION}`);
  const b = snap.blobs;
  const n = snap.meta.n;
  index.grow(n);
  index.n = n;
  const ids = f64(b.storeIds);
  index.postedAt.set(f64(b.postedAt));
  index.sourceOf.set(u32(b.sourceOf));
  index.cityOf.set(new Int32Array(u32(b.cityOf).buffer));
  for (const c of snap.meta.cities) index.city(c);
  for (let d = 0; d < n; d++) index.registerId(ids[d], d);
  const restorePool = (pool: LinkIndex["content"], values: Uint32Array, offsets: Uint32Array): void => {
    pool.clear();
    for (let i = 0; i + 1 < offsets.length; i++) pool.add(values.subarray(offsets[i], offsets[i + 1]));
  };
  restorePool(index.content, u32(b.contentValues), u32(b.contentOffsets));
  restorePool(index.chrome, u32(b.chromeValues), u32(b.chromeOffsets));
  index.bands.set(u32(b.bands));
  index.textA.append(u32(b.textA));
  index.textB.append(u32(b.textB));
  const tj = f32(b.textJ);
  index.textJ = new Float32Array(Math.max(1024, tj.length));
  index.textJ.set(tj);
  const off = u32(b.identifierOffsets);
  const vals = u32(b.identifierValues);
  snap.meta.identifierKeys.forEach((k, i) => index.identifiers.set(k, Array.from(vals.subarray(off[i], off[i + 1]))));
  index.boilerplate.restoreState({
    ...snap.meta.boilerplate,
    global: u32(b.bpGlobal),
    perSource: u32(b.bpPerSource),
    heavyGlobal: u32(b.bpHeavyGlobal),
    heavyPairShingle: u32(b.bpHeavyPairShingle),
    heavyPairSource: u32(b.bpHeavyPairSource),
    snapGlobal: u32(b.bpSnapGlobal),
    snapSource: u32(b.bpSnapSource),
  });
  index.rebuildLsh();
}

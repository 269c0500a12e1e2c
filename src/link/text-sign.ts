/**
 * One ad's text, from shingles to LSH band keys and from candidates to kept links: the per-ad steps of linking
 * text, shared by the index's own thread (`LinkIndex.insertText`) and the text workers (`text-worker.ts`).
 * @module
 */
import type { LinkConfig } from "./config.js";
import type { HashSet32 } from "./hash-set.js";
import { bandKeys } from "./lsh.js";
import { minhashClassic, minhashOph } from "./minhash.js";
import { sourceKey } from "./boilerplate.js";

export type SignConfig = Pick<LinkConfig, "minhash" | "seed" | "bands" | "rows" | "minContentShingles">;

/** Splits shingle sets into content and boilerplate, and signs content; owns its scratch buffers. */
export class TextSigner {
  content: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  chrome: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  private tmpC = new Uint32Array(1024);
  private tmpB = new Uint32Array(1024);
  private readonly sig: Uint32Array;

  constructor(private readonly cfg: SignConfig) {
    this.sig = new Uint32Array(cfg.bands * cfg.rows);
  }

  /** Split `all` (sorted) by the boilerplate snapshot of the ad's source; the parts land in `content`/`chrome`. */
  split(all: Uint32Array<ArrayBufferLike>, global: HashSet32, perSource: HashSet32, sourceHash: number): void {
    if (this.tmpC.length < all.length) {
      this.tmpC = new Uint32Array(all.length * 2);
      this.tmpB = new Uint32Array(all.length * 2);
    }
    const tmpC = this.tmpC;
    const tmpB = this.tmpB;
    let nc = 0;
    let nb = 0;
    for (let i = 0; i < all.length; i++) {
      const s = all[i];
      if (global.has(s) || perSource.has(sourceKey(sourceHash, s))) tmpB[nb++] = s;
      else tmpC[nc++] = s;
    }
    this.content = tmpC.subarray(0, nc);
    this.chrome = tmpB.subarray(0, nb);
  }

  /**
   * Band keys of `content` into `keys` (bands long). False, with `keys` untouched, when the content is too short
   * to ever be a text candidate.
   */
  sign(content: Uint32Array<ArrayBufferLike>, keys: Uint32Array<ArrayBufferLike>): boolean {
    const cfg = this.cfg;
    if (content.length < cfg.minContentShingles) return false;
    if (cfg.minhash === "oph") minhashOph(content, this.sig, cfg.seed);
    else minhashClassic(content, this.sig, cfg.seed);
    bandKeys(this.sig, cfg.bands, cfg.rows, keys);
    return true;
  }
}

/** Size filter: J ≤ min/max of the two sizes, so a pair whose sizes are too far apart cannot reach `threshold`. */
export function mayReach(a: number, b: number, threshold: number): boolean {
  return Math.min(a, b) >= threshold * Math.max(a, b);
}

/**
 * The `k` most similar of `n` verified candidates (ties: the older ad), in the order they are stored; all of
 * them, in the order met, when there are at most `k`. Connectivity needs few links per ad, and a template family
 * of thousands would otherwise store a link to every anchor.
 */
export function keepStrongest(candO: Int32Array, candJ: Float64Array, n: number, k: number, keep: (other: number, j: number) => void): void {
  if (n > k) {
    const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => candJ[y] - candJ[x] || candO[x] - candO[y]);
    for (let i = 0; i < k; i++) keep(candO[order[i]], candJ[order[i]]);
  } else for (let i = 0; i < n; i++) keep(candO[i], candJ[i]);
}

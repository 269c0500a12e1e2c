/** Worker thread: splits and signs chunks of ads, and verifies their LSH candidates (see text-pool.ts). */
import { parentPort } from "node:worker_threads";
import { HashSet32 } from "./hash-set.js";
import { jaccardAtLeast } from "./shingles.js";
import type { SignJob, SignReply, TextSetup, VerifyJob, VerifyReply } from "./text-pool.js";
import { keepStrongest, TextSigner } from "./text-sign.js";
import { U32List } from "./pool.js";

interface State {
  setup: TextSetup;
  global: HashSet32;
  perSource: HashSet32;
  signer: TextSigner;
}

let state: State | null = null;

function sign(s: State, job: SignJob): SignReply {
  const { all, allOffsets, sourceOf, sourceHashes, bands } = s.setup;
  const n = job.hi - job.lo;
  const content = new U32List(1 << 16);
  const chrome = new U32List(1 << 12);
  const contentOffsets = new Uint32Array(n + 1);
  const chromeOffsets = new Uint32Array(n + 1);
  const keys = new Uint32Array(n * bands).fill(0xffffffff);
  const signer = s.signer;
  for (let i = 0; i < n; i++) {
    const d = job.lo + i;
    signer.split(all.subarray(allOffsets[d], allOffsets[d + 1]), s.global, s.perSource, sourceHashes[sourceOf[d]]);
    content.append(signer.content);
    chrome.append(signer.chrome);
    contentOffsets[i + 1] = content.length;
    chromeOffsets[i + 1] = chrome.length;
    signer.sign(signer.content, keys.subarray(i * bands, (i + 1) * bands));
  }
  return { seq: job.seq, content: content.data.slice(0, content.length), contentOffsets, chrome: chrome.data.slice(0, chrome.length), chromeOffsets, bands: keys };
}

function verify(s: State, job: VerifyJob): VerifyReply {
  const { content: pool, contentOffsets: offs, threshold, maxLinks } = s.setup;
  const a = new U32List(1024);
  const b = new U32List(1024);
  const js: number[] = [];
  let candO = new Int32Array(64);
  let candJ = new Float64Array(64);
  for (let i = 0; i < job.ads.length; i++) {
    const d = job.ads[i];
    const ms = offs[d];
    const me = offs[d + 1];
    const from = job.candOffsets[i];
    const to = job.candOffsets[i + 1];
    if (candO.length < to - from) {
      candO = new Int32Array(to - from);
      candJ = new Float64Array(to - from);
    }
    let nCand = 0;
    for (let c = from; c < to; c++) {
      const o = job.cand[c];
      const j = jaccardAtLeast(pool, ms, me, pool, offs[o], offs[o + 1], threshold);
      if (j >= threshold) {
        candO[nCand] = o;
        candJ[nCand++] = j;
      }
    }
    keepStrongest(candO, candJ, nCand, maxLinks, (o, j) => {
      a.push(o);
      b.push(d);
      js.push(j);
    });
  }
  return { seq: job.seq, a: a.data.slice(0, a.length), b: b.data.slice(0, b.length), j: Float32Array.from(js) };
}

parentPort?.on("message", (m: TextSetup | SignJob | VerifyJob) => {
  if (m.type === "setup") {
    state = { setup: m, global: HashSet32.from(m.snapGlobal), perSource: HashSet32.from(m.snapSource), signer: new TextSigner(m) };
    return;
  }
  if (!state) throw new Error("text worker: job before setup");
  const reply = m.type === "sign" ? sign(state, m) : verify(state, m);
  const buffers = Object.values(reply).filter((v): v is Uint32Array => ArrayBuffer.isView(v)).map((v) => v.buffer as ArrayBuffer);
  parentPort?.postMessage(reply, buffers);
});

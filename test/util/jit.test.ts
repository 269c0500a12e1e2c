/**
 * `compileOnWorkerThreads`: worker threads started after it compile optimized code on their own thread when they
 * fill the cores, and only then. Checked in a child process (the setting is V8's, for the whole process) through
 * V8's own trace of each compile job's mode.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

// The compiled module (dist/, built by `pretest`): the child process runs plain JavaScript.
const JIT = pathToFileURL(join(__dirname, "../../dist/util/jit.js")).href;

/** Compile modes V8 reports for a worker started after `compileOnWorkerThreads(workers, cores)`. */
function workerCompileModes(workers: number, cores: number): { returned: boolean; synchronous: number; concurrent: number } {
  const dir = mkdtempSync(join(tmpdir(), "threadline-jit-"));
  const script = join(dir, "main.mjs");
  writeFileSync(
    script,
    `import { Worker } from "node:worker_threads";
import { compileOnWorkerThreads } from ${JSON.stringify(JIT)};
const returned = compileOnWorkerThreads(${workers}, ${cores});
console.log("RETURNED " + returned);
// A hot function in the worker, so that V8 optimizes it.
const w = new Worker("function hot(x) { let s = 0; for (let i = 0; i < 50; i++) s += (x * i) % 7; return s; }\\n" +
  "let t = 0; for (let k = 0; k < 2e5; k++) t += hot(k); require('node:worker_threads').parentPort.postMessage(t);", { eval: true });
w.on("message", () => void w.terminate());
`,
  );
  const out = execFileSync(process.execPath, ["--trace-opt", script], { encoding: "utf8" });
  // "marking … for optimization" states the tiering manager's request; "compiling method … mode:" how the job ran.
  const hot = out.split("\n").filter((l) => l.startsWith("[compiling method") && l.includes("<JSFunction hot "));
  return {
    returned: out.includes("RETURNED true"),
    synchronous: hot.filter((l) => l.includes("ConcurrencyMode::kSynchronous")).length,
    concurrent: hot.filter((l) => l.includes("ConcurrencyMode::kConcurrent")).length,
  };
}

describe("compileOnWorkerThreads", () => {
  it("makes later workers compile on their own thread when they fill the cores", () => {
    const r = workerCompileModes(2, 2);
    expect(r.returned).toBe(true);
    expect(r.synchronous).toBeGreaterThan(0);
    expect(r.concurrent).toBe(0);
  });

  it("leaves background compiling when a core is to spare", () => {
    const r = workerCompileModes(1, 2);
    expect(r.returned).toBe(false);
    expect(r.concurrent).toBeGreaterThan(0);
    expect(r.synchronous).toBe(0);
  });
});
